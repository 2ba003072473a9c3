package io.kith.audit;

import io.kith.security.CurrentUser;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the request's user (from {@link CurrentUser}) into the Reactor context as the {@link Actor}
 * of whatever the request changes. It runs after Spring Security's filters, so a {@code CurrentUser}
 * that reads the security context sees the signed-in user.
 */
final class ActorWebFilter implements WebFilter {

  private final CurrentUser currentUser;

  ActorWebFilter(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return currentUser.id(exchange)
        .defaultIfEmpty(java.util.Optional.empty())
        .flatMap(id -> chain.filter(exchange).contextWrite(context -> context.putAll(Actor.as(id).readOnly())));
  }
}
