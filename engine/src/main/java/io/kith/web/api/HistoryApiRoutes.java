package io.kith.web.api;

import io.kith.audit.HistoryLabels;
import io.kith.audit.HistoryReader;
import io.kith.i18n.Messages;
import io.kith.record.RecordService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** {@code GET /api/v1/{entity}/{id}/history}: no route of {@link ApiRoutes} matches its path. */
@Configuration(proxyBeanMethods = false)
public class HistoryApiRoutes {

  @Bean
  RouterFunction<ServerResponse> historyApiRouter(RecordService records, HistoryReader history, Messages messages) {
    HistoryApiHandler handler = new HistoryApiHandler(records, history, new HistoryLabels(messages));
    return RouterFunctions.route().GET("/api/v1/{entity}/{id}/history", handler::history).build();
  }
}
