package io.kith.web.page;

import io.kith.i18n.KithLocale;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code /app}: the start page, listing the entity types. */
final class HomePageHandler {

  private final PageModel pages;

  HomePageHandler(PageModel pages) {
    this.pages = pages;
  }

  Mono<ServerResponse> home(ServerRequest request) {
    KithLocale locale = RequestLocale.of(request.exchange());
    return pages.base(request.exchange(), RequestSnapshot.of(request), locale, null)
        .flatMap(model -> ServerResponse.ok()
            .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
            .render("home", model));
  }
}
