package io.kith.web.api;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import io.kith.search.QuickSearch;
import io.kith.web.RequestSnapshot;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Quick search under {@code /api/v1}. Ordered before {@link ApiRoutes}, whose {@code
 * /api/v1/{entity}} would otherwise take {@code search} for an entity type ("search" is a reserved
 * name, so no entity type can have it). The autocomplete route here only takes entity types in
 * quick search; the others keep the display-name autocomplete of {@link ApiRoutes}.
 */
@Configuration(proxyBeanMethods = false)
public class QuickSearchApiRoutes {

  @Bean
  @Order(-1)
  RouterFunction<ServerResponse> quickSearchApiRouter(QuickSearch search, io.kith.record.RecordService records) {
    QuickSearchApiHandler handler = new QuickSearchApiHandler(search, records);
    return RouterFunctions.route()
        .GET("/api/v1/search", handler::search)
        .route(GET("/api/v1/{entity}/autocomplete").and(request -> QuickSearch.covers(RequestSnapshot.of(request), request.pathVariable("entity"))),
            handler::autocomplete)
        .build();
  }
}
