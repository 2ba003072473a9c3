package io.kith.web.page;

import io.kith.i18n.Messages;
import io.kith.security.SignIns;
import io.kith.users.RoleService;
import io.kith.users.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The administration pages for users and roles under {@code /app/admin}, administrators only.
 * Ordered before {@link PageRoutes}, whose {@code /app/{entity}/{id}} would otherwise take them
 * ("admin" is a reserved name, so no entity type can have it).
 */
@Configuration(proxyBeanMethods = false)
public class AdminPageRoutes {

  @Bean
  @Order(-1)
  RouterFunction<ServerResponse> adminPageRouter(Messages messages, UserService users,
      RoleService roles, SignIns signIns) {
    AdminPages admin = new AdminPages(new PageModel(messages));
    UserPagesHandler userPages = new UserPagesHandler(admin, users, roles, signIns);
    RolePagesHandler rolePages = new RolePagesHandler(admin, roles, users);
    return RouterFunctions.route()
        .GET("/app/admin/users", userPages::list)
        .POST("/app/admin/users", userPages::create)
        .GET("/app/admin/users/new", userPages::newForm)
        .GET("/app/admin/users/{id}", userPages::editForm)
        .POST("/app/admin/users/{id}", userPages::update)
        .POST("/app/admin/users/{id}/deactivate", userPages::deactivate)
        .POST("/app/admin/users/{id}/reactivate", userPages::reactivate)
        .POST("/app/admin/users/{id}/password", userPages::resetPassword)
        .POST("/app/admin/users/{id}/delete", userPages::delete)
        .GET("/app/admin/roles", rolePages::list)
        .POST("/app/admin/roles", rolePages::create)
        .GET("/app/admin/roles/new", rolePages::newForm)
        .GET("/app/admin/roles/{id}", rolePages::editForm)
        .POST("/app/admin/roles/{id}", rolePages::update)
        .POST("/app/admin/roles/{id}/delete", rolePages::delete)
        .filter(new LanguageCookieFilter())
        .build();
  }
}
