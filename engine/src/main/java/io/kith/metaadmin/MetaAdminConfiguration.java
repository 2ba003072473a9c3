package io.kith.metaadmin;

import io.kith.db.ChannelListener;
import io.kith.i18n.Messages;
import io.kith.metadata.MetadataKind;
import io.kith.schema.DdlPlan;
import io.kith.schema.SchemaSync;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The metadata write API, the change service and the listener that follows other instances' changes. */
@Configuration(proxyBeanMethods = false)
public class MetaAdminConfiguration {

  @Bean
  MetaChangeService metaChangeService(DdlPlan startupSchemaPlan, ModelState modelState, SchemaSync schemaSync,
      TransactionalOperator tx, DatabaseClient db) {
    return new MetaChangeService(modelState, schemaSync, tx, db);
  }

  /**
   * Keeps this instance's model in step with changes other instances make: on every notification
   * of {@link MetaChangeService#CHANNEL} (and after every reconnect, to cover what it missed), reads
   * the new revisions and publishes them.
   */
  @Bean
  ChannelListener metadataListener(DdlPlan startupSchemaPlan, ModelState modelState, R2dbcProperties r2dbc) {
    return new ChannelListener(ChannelListener.connections(r2dbc), MetaChangeService.CHANNEL,
        signal -> modelState.catchUp(), () -> {});
  }

  @Bean
  @Order(-20)
  RouterFunction<ServerResponse> metaAdminRouter(MetaChangeService changes, Messages messages) {
    MetaAdminHandler h = new MetaAdminHandler(changes, messages);
    return RouterFunctions.route()
        .path("/api/v1/meta", b -> b
            .POST("/entities", r -> h.createItem(r, MetadataKind.ENTITY))
            .PUT("/entities/{entity}", r -> h.replaceItem(r, MetadataKind.ENTITY, "entity"))
            .DELETE("/entities/{entity}", r -> h.deleteItem(r, MetadataKind.ENTITY, "entity"))
            .POST("/entities/{entity}/fields", h::addField)
            .PUT("/entities/{entity}/fields/{field}", h::replaceField)
            .DELETE("/entities/{entity}/fields/{field}", h::deleteField)
            .POST("/option-lists", r -> h.createItem(r, MetadataKind.OPTION_LIST))
            .PUT("/option-lists/{name}", r -> h.replaceItem(r, MetadataKind.OPTION_LIST, "name"))
            .DELETE("/option-lists/{name}", r -> h.deleteItem(r, MetadataKind.OPTION_LIST, "name"))
            .POST("/option-lists/{name}/options", h::addOption)
            .PUT("/option-lists/{name}/options/{code}", h::replaceOption)
            .DELETE("/option-lists/{name}/options/{code}", h::deleteOption)
            .POST("/relationship-types", r -> h.createItem(r, MetadataKind.RELATIONSHIP_TYPE))
            .PUT("/relationship-types/{name}", r -> h.replaceItem(r, MetadataKind.RELATIONSHIP_TYPE, "name"))
            .DELETE("/relationship-types/{name}", r -> h.deleteItem(r, MetadataKind.RELATIONSHIP_TYPE, "name"))
            .GET("/revisions", h::revisions)
            .GET("/revisions/{id}", h::revision)
            .POST("/revisions/{id}/revert", h::revert)
            .GET("/export", h::exportPackage)
            .POST("/import", h::importPackage))
        .onError(MetaAdminException.class, (e, request) -> MetaAdminHandler.problem((MetaAdminException) e))
        .build();
  }
}
