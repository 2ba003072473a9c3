package io.kith.web.page;

import io.kith.i18n.Messages;
import io.kith.theme.ThemeSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The theme settings page, ordered before {@link PageRoutes}' {@code /app/{entity}/{id}}. */
@Configuration(proxyBeanMethods = false)
public class ThemePageRoutes {

  @Bean
  @Order(-1)
  RouterFunction<ServerResponse> themePageRouter(ThemeSettings settings, Messages messages) {
    ThemePageHandler handler = new ThemePageHandler(settings, new PageModel(messages));
    return RouterFunctions.route()
        .GET("/app/admin/theme", handler::form)
        .POST("/app/admin/theme", handler::save)
        .filter(new LanguageCookieFilter())
        .build();
  }
}
