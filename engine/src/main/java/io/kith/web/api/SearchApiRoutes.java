package io.kith.web.api;

import static org.springframework.web.reactive.function.server.RequestPredicates.DELETE;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RequestPredicates.PUT;

import io.kith.export.CsvExport;
import io.kith.i18n.Messages;
import io.kith.query.QueryReader;
import io.kith.record.RecordService;
import io.kith.savedsearch.SavedSearchService;
import io.kith.security.CurrentUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Saved searches and exports under {@code /api/v1}. Ordered before {@link ApiRoutes}, whose
 * {@code /api/v1/{entity}} would otherwise take {@code saved-searches} for an entity type.
 */
@Configuration(proxyBeanMethods = false)
public class SearchApiRoutes {

  @Bean
  @Order(0)
  RouterFunction<ServerResponse> searchApiRouter(RecordService records,
      SavedSearchService searches, QueryReader reader, CsvExport export, CurrentUser currentUser, Messages messages) {
    SavedSearchApiHandler saved = new SavedSearchApiHandler(searches, records, currentUser, messages);
    ExportApiHandler exports = new ExportApiHandler(reader, export);
    return RouterFunctions.route()
        .path("/api/v1/saved-searches", b -> b
            .route(GET(""), saved::list)
            .route(POST(""), saved::create)
            .route(GET("/{id}"), saved::get)
            .route(PUT("/{id}"), saved::update)
            .route(DELETE("/{id}"), saved::delete)
            .route(POST("/{id}/run"), saved::run))
        .POST("/api/v1/{entity}/export", exports::export)
        .build();
  }
}
