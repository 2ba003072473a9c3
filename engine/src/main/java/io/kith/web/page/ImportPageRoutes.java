package io.kith.web.page;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import io.kith.i18n.Messages;
import io.kith.importing.ImportProfiles;
import io.kith.importing.ImportService;
import io.kith.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The import wizard's pages, ordered before {@link PageRoutes}' {@code /app/{entity}}. */
@Configuration(proxyBeanMethods = false)
public class ImportPageRoutes {

  @Bean
  @Order(-1)
  RouterFunction<ServerResponse> importPageRouter(ImportService imports,
      ImportProfiles profiles, Messages messages, Problems problems) {
    ImportPageHandler handler = new ImportPageHandler(imports, profiles, new PageModel(messages), problems);
    return RouterFunctions.route()
        .path("/app/imports", b -> b
            .route(GET(""), handler::start)
            .route(POST("/preview"), handler::upload)
            .route(POST("/start"), handler::decide)
            .route(GET("/{id}"), handler::job)
            .route(POST("/{id}/cancel"), handler::cancel))
        .filter(new LanguageCookieFilter())
        .build();
  }
}
