package io.kith.web;

import io.kith.i18n.KithLocale;
import org.springframework.http.HttpCookie;
import org.springframework.web.server.ServerWebExchange;

/**
 * The language of a request: {@code ?lang=} (pages remember it in a cookie), then the cookie, then
 * Accept-Language.
 */
public final class RequestLocale {

  public static final String COOKIE = "kith_lang";

  private RequestLocale() {}

  public static KithLocale of(ServerWebExchange exchange) {
    KithLocale chosen = KithLocale.ofTag(exchange.getRequest().getQueryParams().getFirst("lang"));
    if (chosen != null) {
      return chosen;
    }
    HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
    if (cookie != null && KithLocale.ofTag(cookie.getValue()) != null) {
      return KithLocale.ofTag(cookie.getValue());
    }
    return KithLocale.fromAcceptLanguage(exchange.getRequest().getHeaders().getFirst("Accept-Language"));
  }
}
