package io.kith.web.page;

import io.kith.i18n.Messages;
import io.kith.search.QuickSearch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The quick-search results page. Ordered before {@link PageRoutes}, whose {@code /app/{entity}}
 * would otherwise take {@code search} for an entity type ("search" is reserved for this).
 */
@Configuration(proxyBeanMethods = false)
public class QuickSearchPageRoutes {

  @Bean
  @Order(-1)
  RouterFunction<ServerResponse> quickSearchPageRouter(QuickSearch search, Messages messages) {
    QuickSearchPageHandler handler = new QuickSearchPageHandler(search, new PageModel(messages));
    return RouterFunctions.route()
        .GET("/app/search", handler::search)
        .filter(new LanguageCookieFilter())
        .build();
  }
}
