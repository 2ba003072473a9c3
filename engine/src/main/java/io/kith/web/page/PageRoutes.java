package io.kith.web.page;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import io.kith.audit.HistoryReader;
import io.kith.fieldtype.FieldTypes;
import io.kith.i18n.Messages;
import io.kith.metadata.MetadataRegistry;
import io.kith.query.ListParameters;
import io.kith.record.RecordService;
import io.kith.render.DisplayValues;
import io.kith.render.FormValues;
import io.kith.render.FormViews;
import io.kith.render.HistoryViews;
import io.kith.web.Problems;
import io.kith.security.SignIns;
import io.kith.users.UserService;
import java.net.URI;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.freemarker.FreeMarkerConfig;

/** Routes of the generated HTML pages under {@code /app}. */
@Configuration(proxyBeanMethods = false)
public class PageRoutes {

  @Bean
  RouterFunction<ServerResponse> pageRouter(MetadataRegistry registry, RecordService records, ListParameters queries,
      FieldTypes fieldTypes, Messages messages, Problems problems, Clock clock, FreeMarkerConfig freemarker,
      SignIns signIns, UserService users, HistoryReader historyReader, io.kith.files.FileUploads uploads) {
    PageModel pages = new PageModel(messages);
    Views views = new Views(freemarker.getConfiguration());
    DisplayValues display = new DisplayValues(messages, clock.getZone());
    ListPageHandler list = new ListPageHandler(records, queries, display, pages, views);
    HistorySection history = new HistorySection(historyReader, new HistoryViews(display, messages),
        new ReferenceLabels(records));
    OwnershipSection ownership = new OwnershipSection(records, users, pages);
    DetailPageHandler detail = new DetailPageHandler(records, display, pages, views, history, ownership,
        new io.kith.relationship.RelationshipList(registry, records), uploads.store());
    FormPageHandler forms = new FormPageHandler(records, new FormValues(fieldTypes, clock.getZone()),
        new FormViews(fieldTypes), problems, pages, views, display, new FormInputs(uploads), uploads.store());
    HomePageHandler home = new HomePageHandler(pages);
    OptionChoicesHandler choices = new OptionChoicesHandler(records, pages, views);
    SignInPageHandler signIn = new SignInPageHandler(signIns, users, pages);
    return RouterFunctions.route()
        .GET("/", request -> ServerResponse.seeOther(URI.create("/app")).build())
        .GET("/login", signIn::form)
        .POST("/login", signIn::signIn)
        .POST("/logout", signIn::signOut)
        .GET("/account/password", signIn::passwordForm)
        .POST("/account/password", signIn::changePassword)
        .GET("/app", home::home)
        .path("/app/{entity}", b -> b
            .route(GET(""), list::list)
            .route(POST(""), forms::create)
            .route(GET("/new"), forms::newForm)
            .route(POST("/deactivate"), forms::bulkDeactivate)
            .route(GET("/options/{field}"), choices::choices)
            .route(GET("/{id}"), detail::detail)
            .route(POST("/{id}"), forms::update)
            .route(GET("/{id}/edit"), forms::editForm)
            .route(POST("/{id}/deactivate"), forms::deactivate)
            .route(POST("/{id}/reactivate"), forms::reactivate)
            .route(POST("/{id}/owner"), ownership::changeOwner)
            .route(POST("/{id}/shares"), ownership::share))
        .filter(new LanguageCookieFilter())
        .build();
  }
}
