package io.kith.web.page;

import io.kith.i18n.Messages;
import io.kith.record.RecordService;
import io.kith.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The quick-add box's target. Ordered before {@link PageRoutes}; {@code quick-add} has a hyphen,
 * so no entity type can be named like it.
 */
@Configuration(proxyBeanMethods = false)
public class QuickAddPageRoutes {

  @Bean
  @Order(-1)
  RouterFunction<ServerResponse> quickAddPageRouter(RecordService records,
      Problems problems, Messages messages) {
    QuickAddPageHandler handler = new QuickAddPageHandler(records, problems, new PageModel(messages));
    return RouterFunctions.route()
        .POST("/app/quick-add", handler::create)
        .filter(new LanguageCookieFilter())
        .build();
  }
}
