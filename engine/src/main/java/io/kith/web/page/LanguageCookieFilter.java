package io.kith.web.page;

import io.kith.i18n.KithLocale;
import io.kith.web.RequestLocale;
import java.time.Duration;
import org.springframework.http.ResponseCookie;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Remembers a language chosen with {@code ?lang=} in a cookie, so later pages keep it. */
final class LanguageCookieFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

  @Override
  public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
    KithLocale chosen = KithLocale.ofTag(request.queryParam("lang").orElse(null));
    if (chosen != null) {
      request.exchange().getResponse().addCookie(ResponseCookie.from(RequestLocale.COOKIE, chosen.tag())
          .path("/").httpOnly(true).sameSite("Lax").maxAge(Duration.ofDays(365)).build());
    }
    return next.handle(request);
  }
}
