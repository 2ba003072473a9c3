package io.kith.web.api;

import static org.springframework.web.reactive.function.server.RequestPredicates.DELETE;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RequestPredicates.PUT;

import io.kith.i18n.Messages;
import io.kith.importing.ImportProfiles;
import io.kith.importing.ImportService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Import routes, ordered before {@link ApiRoutes}' {@code /api/v1/{entity}}. */
@Configuration(proxyBeanMethods = false)
public class ImportApiRoutes {

  @Bean
  @Order(0)
  RouterFunction<ServerResponse> importApiRouter(ImportService imports, ImportProfiles profiles, Messages messages) {
    ImportApiHandler handler = new ImportApiHandler(imports, profiles, messages);
    return RouterFunctions.route()
        .path("/api/v1/imports", b -> b
            .route(POST(""), handler::start)
            .route(GET("/{id}"), handler::status)
            .route(POST("/{id}/cancel"), handler::cancel)
            .route(GET("/{id}/events"), handler::events)
            .route(GET("/{id}/failed.csv"), handler::failed))
        .path("/api/v1/import-profiles", b -> b
            .route(GET(""), handler::profiles)
            .route(POST(""), handler::createProfile)
            .route(GET("/{name}"), handler::profile)
            .route(PUT("/{name}"), handler::updateProfile)
            .route(DELETE("/{name}"), handler::deleteProfile))
        .build();
  }
}
