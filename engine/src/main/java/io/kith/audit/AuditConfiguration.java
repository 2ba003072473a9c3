package io.kith.audit;

import io.kith.schema.DdlPlan;
import io.kith.security.CurrentUser;
import io.kith.users.UserService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.server.WebFilter;

/** Wires the audit history: the writer and reader, user names, and the request's actor. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

  @Bean
  HistoryWriter historyWriter(DdlPlan startupSchemaPlan, DatabaseClient db) {
    return new HistoryWriter(db);
  }

  @Bean
  HistoryReader historyReader(DdlPlan startupSchemaPlan, DatabaseClient db, UserNames userNames, Clock clock) {
    return new HistoryReader(db, userNames, clock.getZone());
  }

  /** Who made a change, by the user's name. */
  @Bean
  UserNames userNames(UserService users) {
    return users::names;
  }

  @Bean
  WebFilter historyActorFilter(CurrentUser currentUser) {
    return new ActorWebFilter(currentUser);
  }
}
