package io.kith.security;

import io.kith.access.Access;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Who the caller of a request is and what they may do, for handlers. */
public final class Callers {

  private Callers() {}

  /** The signed-in user, or empty. */
  public static Mono<SignedIn> user(ServerWebExchange exchange) {
    return exchange.getPrincipal()
        .filter(KithAuthentication.class::isInstance)
        .map(p -> ((KithAuthentication) p).getPrincipal());
  }

  /** The caller's permissions ({@link Access#NOBODY} when not signed in). */
  public static Mono<Access> access(ServerWebExchange exchange) {
    return user(exchange).map(SignedIn::access).defaultIfEmpty(Access.NOBODY);
  }

  /** The caller's user id, or empty. */
  public static Mono<Optional<Long>> id(ServerWebExchange exchange) {
    return user(exchange).map(u -> Optional.of(u.userId())).defaultIfEmpty(Optional.empty());
  }
}
