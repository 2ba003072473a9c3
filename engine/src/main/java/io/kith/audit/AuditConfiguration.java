package io.kith.audit;

import io.kith.schema.DdlPlan;
import io.kith.security.CurrentUser;
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

  /** Until users exist nobody has a name; the login work replaces this bean. */
  @Bean
  UserNames userNames() {
    return UserNames.NONE;
  }

  @Bean
  WebFilter historyActorFilter(CurrentUser currentUser) {
    return new ActorWebFilter(currentUser);
  }
}
