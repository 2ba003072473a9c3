package io.kith.web.page;

import io.kith.i18n.Messages;
import io.kith.metaadmin.MetaChangeService;
import io.kith.metaadmin.ModelAdmin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The metadata administration pages under {@code /app/admin}: entity types (with their list and
 * form layout), option lists, fields, relationship types and revisions, administrators only, every
 * change through {@link ModelAdmin}.
 */
@Configuration(proxyBeanMethods = false)
public class MetaAdminPageRoutes {

  @Bean
  @Order(-2)
  RouterFunction<ServerResponse> metaAdminPageRouter(Messages messages,
      MetaChangeService changes) {
    AdminPages admin = new AdminPages(new PageModel(messages));
    ModelAdmin model = new ModelAdmin(changes, messages);
    OptionListPagesHandler lists = new OptionListPagesHandler(admin, model);
    CustomFieldPagesHandler fields = new CustomFieldPagesHandler(admin, model);
    RevisionPagesHandler revisions = new RevisionPagesHandler(admin, model);
    EntityTypePagesHandler entities = new EntityTypePagesHandler(admin, model);
    LayoutPagesHandler layouts = new LayoutPagesHandler(admin, model);
    RelationshipTypePagesHandler relationshipTypes = new RelationshipTypePagesHandler(admin, model);
    return RouterFunctions.route()
        .GET("/app/admin/option-lists", lists::lists)
        .GET("/app/admin/option-lists/{name}", lists::list)
        .POST("/app/admin/option-lists/{name}/options", lists::add)
        .POST("/app/admin/option-lists/{name}/deactivate", lists::deactivate)
        .GET("/app/admin/option-lists/{name}/options/{code}", lists::option)
        .POST("/app/admin/option-lists/{name}/options/{code}", lists::update)
        .POST("/app/admin/option-lists/{name}/options/{code}/move", lists::move)
        .GET("/app/admin/fields", fields::entities)
        .GET("/app/admin/fields/{entity}", fields::fields)
        .POST("/app/admin/fields/{entity}", fields::add)
        .POST("/app/admin/fields/{entity}/{field}/retire", fields::retire)
        .POST("/app/admin/fields/{entity}/{field}/restore", fields::restore)
        .GET("/app/admin/revisions", revisions::list)
        .GET("/app/admin/revisions/{id}/revert", revisions::preview)
        .POST("/app/admin/revisions/{id}/revert", revisions::revert)
        .GET("/app/admin/entities", entities::list)
        .POST("/app/admin/entities", entities::create)
        .GET("/app/admin/entities/new", entities::newForm)
        .GET("/app/admin/entities/{entity}", entities::edit)
        .POST("/app/admin/entities/{entity}", entities::update)
        .POST("/app/admin/entities/{entity}/retire", entities::retire)
        .GET("/app/admin/entities/{entity}/layout", layouts::page)
        .POST("/app/admin/entities/{entity}/layout", layouts::change)
        .GET("/app/admin/relationship-types", relationshipTypes::list)
        .POST("/app/admin/relationship-types", relationshipTypes::create)
        .GET("/app/admin/relationship-types/{name}", relationshipTypes::edit)
        .POST("/app/admin/relationship-types/{name}", relationshipTypes::update)
        .POST("/app/admin/relationship-types/{name}/retire", relationshipTypes::retire)
        .POST("/app/admin/relationship-types/{name}/reactivate", relationshipTypes::reactivate)
        .filter(new LanguageCookieFilter())
        .build();
  }
}
