package io.kith.bench;

import io.kith.i18n.Messages;
import io.kith.metadata.MetadataRegistry;
import io.kith.schema.DdlPlan;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The hand-written baselines, registered in the same application as the engine (same server,
 * filters, connection pool and database). The JSON baselines live under {@code /api/bench} so they
 * pass the same security filters as {@code /api/v1} (no CSRF check on the API); the page baselines
 * under {@code /bench} carry a CSRF token as the generated pages do.
 *
 * <p>Deliberately not a {@code @Configuration}: it is passed to Spring as a source by the benchmark
 * only, so the engine's component scan never adds it to the application in tests.
 */
public final class BenchRoutes {

  static final String GENERIC_FORM = "/app/contact/new";
  static final String BASELINE_FORM = "/bench/contact-form";
  static final String BASELINE_LIST = "/bench/contact-list";

  @Bean
  ServerTimings benchServerTimings() {
    return new ServerTimings(Set.of(GENERIC_FORM, BASELINE_FORM));
  }

  @Bean
  RouterFunction<ServerResponse> benchRouter(DdlPlan startupSchemaPlan, DatabaseClient db, TransactionalOperator tx,
      Clock clock, MetadataRegistry registry, Messages messages) {
    BaselineContactApi api = new BaselineContactApi(db, tx, clock);
    BaselineContactList list = new BaselineContactList(db, registry.snapshot(), messages);
    BaselineContactForm form = new BaselineContactForm(registry.snapshot(), messages);
    return RouterFunctions.route()
        .GET("/api/bench/contact/{id}", api::get)
        .POST("/api/bench/contact", api::create)
        .GET(BASELINE_LIST, request -> page(request, (name, token) -> list.render(name, token, "/app/contact")))
        .GET(BASELINE_FORM, request -> page(request,
            (name, token) -> Mono.just(form.render(name, token, "/app/contact/new"))))
        .build();
  }

  /** Renders with the request's CSRF token (which, as on generated pages, also sets its cookie). */
  private static Mono<ServerResponse> page(ServerRequest request, BiFunction<String, String, Mono<String>> render) {
    Mono<CsrfToken> token = request.exchange().getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
    return token.flatMap(t -> render.apply(t.getParameterName(), t.getToken()))
        .switchIfEmpty(Mono.defer(() -> render.apply("_csrf", "")))
        .flatMap(html -> ServerResponse.ok()
            .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).bodyValue(html));
  }
}
