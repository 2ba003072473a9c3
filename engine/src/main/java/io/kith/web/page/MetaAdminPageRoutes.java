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
 * The metadata administration pages under {@code /app/admin}: option lists, custom fields and
 * revisions, administrators only, every change through {@link ModelAdmin}.
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
        .filter(new LanguageCookieFilter())
        .build();
  }
}
