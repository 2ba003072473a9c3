package io.kith.security;

import io.kith.access.AccessContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Puts the signed-in caller's permissions into every request's context (after Spring Security ran). */
final class AccessContextFilter implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return Callers.access(exchange).flatMap(access -> chain.filter(exchange).contextWrite(AccessContext.with(access)));
  }
}
