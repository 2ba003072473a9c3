package io.kith.web.api;

import static org.springframework.web.reactive.function.server.RequestPredicates.DELETE;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.PATCH;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import org.springframework.web.reactive.function.server.RequestPredicates;

import io.kith.query.ListParameters;
import io.kith.record.RecordSchemas;
import io.kith.record.RecordService;
import io.kith.schema.DdlPlan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of the REST API under {@code /api/v1}. Metadata routes come before the generic ones. */
@Configuration(proxyBeanMethods = false)
public class ApiRoutes {

  @Bean
  RouterFunction<ServerResponse> apiRouter(RecordSchemas schemas,
      DdlPlan startupPlan, RecordService records, ListParameters queries) {
    MetaApiHandler meta = new MetaApiHandler(schemas, startupPlan);
    RecordApiHandler api = new RecordApiHandler(records, queries);
    return RouterFunctions.route()
        .path("/api/v1/meta", b -> b
            .GET("/entities", meta::entities)
            .GET("/entities/{entity}", meta::entity)
            .GET("/entities/{entity}/schema", meta::schema)
            .GET("/option-lists", meta::optionLists)
            .GET("/option-lists/{name}", meta::optionList)
            .GET("/relationship-types", meta::relationshipTypes)
            .GET("/schema-plan", meta::schemaPlan)
            .GET("/query-schema", meta::querySchema))
        .path("/api/v1/{entity}", b -> b
            .route(GET(""), api::list)
            .route(POST(""), api::create)
            .route(POST("/search"), api::search)
            .route(POST("/deactivate"), api::bulkDeactivate)
            .route(POST("/reactivate"), api::bulkReactivate)
            .route(POST("/owner"), api::bulkChangeOwner)
            .route(GET("/autocomplete"), api::autocomplete)
            .route(GET("/{id}"), api::get)
            .route(PATCH("/{id}"), api::patch)
            .route(DELETE("/{id}"), api::delete)
            .route(POST("/{id}/deactivate"), api::deactivate)
            .route(POST("/{id}/reactivate"), api::reactivate)
            .route(POST("/{id}/owner"), api::changeOwner)
            .route(GET("/{id}/shares"), api::shares)
            .route(RequestPredicates.PUT("/{id}/shares"), api::share))
        .build();
  }
}
