package io.kith.security;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A user who must choose a new password (the first administrator's one-time password, or one an
 * administrator set) can do nothing else first: pages lead to {@value #PAGE}, the API answers 403.
 */
final class PasswordChangeGate implements WebFilter {

  static final String PAGE = "/account/password";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().value();
    if (path.equals(PAGE) || path.equals("/logout") || path.equals("/login") || path.startsWith("/ui/")
        || path.equals("/api/v1/me/password")) {
      return chain.filter(exchange);
    }
    return Callers.user(exchange).map(SignedIn::mustChangePassword).defaultIfEmpty(false)
        .flatMap(mustChange -> {
          if (!mustChange) {
            return chain.filter(exchange);
          }
          if (path.startsWith("/api/")) {
            exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
            return exchange.getResponse().setComplete();
          }
          exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
          exchange.getResponse().getHeaders().setLocation(URI.create(PAGE));
          return exchange.getResponse().setComplete();
        });
  }
}
