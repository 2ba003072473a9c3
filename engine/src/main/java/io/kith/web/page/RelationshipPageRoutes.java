package io.kith.web.page;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import io.kith.i18n.Messages;
import io.kith.record.RecordService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.freemarker.FreeMarkerConfig;

/** Routes of the page that adds several relationships from one record at once. */
@Configuration(proxyBeanMethods = false)
public class RelationshipPageRoutes {

  @Bean
  RouterFunction<ServerResponse> relationshipPageRouter(RecordService records,
      Messages messages, FreeMarkerConfig freemarker) {
    RelationshipPickerHandler handler = new RelationshipPickerHandler(records, new PageModel(messages),
        new Views(freemarker.getConfiguration()));
    return RouterFunctions.route()
        .path("/app/{entity}/{id}/relationships/add", b -> b
            .route(GET(""), handler::page)
            .route(POST(""), handler::create))
        .filter(new LanguageCookieFilter())
        .build();
  }
}
