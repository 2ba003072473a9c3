package io.kith.web.page;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import io.kith.export.CsvExport;
import io.kith.fieldtype.FieldTypes;
import io.kith.i18n.Messages;
import io.kith.query.QueryReader;
import io.kith.record.RecordService;
import io.kith.render.DisplayValues;
import io.kith.render.SearchViews;
import io.kith.savedsearch.SavedSearchService;
import io.kith.security.CurrentUser;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.freemarker.FreeMarkerConfig;

/**
 * Routes of the advanced search page. Ordered before {@link PageRoutes}, whose
 * {@code /app/{entity}/{id}} would otherwise take {@code search} for a record id.
 */
@Configuration(proxyBeanMethods = false)
public class SearchPageRoutes {

  @Bean
  @Order(0)
  RouterFunction<ServerResponse> searchPageRouter(RecordService records,
      QueryReader reader, SavedSearchService searches, CsvExport export, CurrentUser currentUser,
      FieldTypes fieldTypes, Messages messages, Clock clock, FreeMarkerConfig freemarker) {
    PageModel pages = new PageModel(messages);
    Views views = new Views(freemarker.getConfiguration());
    SearchStates states = new SearchStates(fieldTypes, searches);
    SearchPageHandler page = new SearchPageHandler(records, reader, searches, states,
        new SearchViews(messages), new DisplayValues(messages, clock.getZone()), pages, views, currentUser, new SearchLinkChoices(records, pages));
    SearchLinksHandler links = new SearchLinksHandler(records, reader, states, currentUser, pages, page);
    SearchActionsHandler actions = new SearchActionsHandler(records, reader, searches, states, export,
        currentUser, page, pages);
    return RouterFunctions.route()
        .path("/app/{entity}/search", b -> b
            .route(GET(""), page::page)
            .route(GET("/export"), actions::exportAll)
            .route(POST("/export"), actions::exportSelected)
            .route(POST("/deactivate"), actions::deactivate)
            .route(POST("/links"), links::edit)
            .route(POST("/save"), actions::save)
            .route(POST("/saved/{id}/delete"), actions::delete))
        .filter(new LanguageCookieFilter())
        .build();
  }
}
