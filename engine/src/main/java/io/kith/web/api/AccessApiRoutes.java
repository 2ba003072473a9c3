package io.kith.web.api;

import io.kith.security.SignIns;
import io.kith.users.RoleService;
import io.kith.users.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** {@code /api/v1/me}, {@code /api/v1/users} and {@code /api/v1/roles}, ahead of the generic record routes. */
@Configuration(proxyBeanMethods = false)
public class AccessApiRoutes {

  @Bean
  @Order(-10)
  RouterFunction<ServerResponse> accessApiRouter(UserService users, RoleService roles, SignIns signIns) {
    AccountApiHandler account = new AccountApiHandler(users, signIns);
    UserApiHandler admin = new UserApiHandler(users, roles, signIns);
    return RouterFunctions.route()
        .GET("/api/v1/me", account::me)
        .POST("/api/v1/me/password", account::changePassword)
        .GET("/api/v1/me/tokens", account::tokens)
        .POST("/api/v1/me/tokens", account::createToken)
        .DELETE("/api/v1/me/tokens/{id}", account::revokeToken)
        .GET("/api/v1/users", admin::list)
        .POST("/api/v1/users", admin::create)
        .GET("/api/v1/users/{id}", admin::get)
        .PATCH("/api/v1/users/{id}", admin::update)
        .DELETE("/api/v1/users/{id}", admin::delete)
        .POST("/api/v1/users/{id}/password", admin::setPassword)
        .POST("/api/v1/users/{id}/deactivate", admin::deactivate)
        .POST("/api/v1/users/{id}/reactivate", admin::reactivate)
        .GET("/api/v1/roles", admin::roles)
        .POST("/api/v1/roles", admin::createRole)
        .GET("/api/v1/roles/{id}", admin::role)
        .PUT("/api/v1/roles/{id}", admin::updateRole)
        .DELETE("/api/v1/roles/{id}", admin::deleteRole)
        .build();
  }
}
