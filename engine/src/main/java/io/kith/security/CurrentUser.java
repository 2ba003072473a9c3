package io.kith.security;

import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who is making a request, as a user id. The one seam between features that care about ownership
 * (private saved searches) and authentication: until login exists every request is anonymous
 * ({@link #ANONYMOUS}); the login issue replaces the bean, nothing else.
 */
@FunctionalInterface
public interface CurrentUser {

  /** Every request is made by nobody in particular. */
  CurrentUser ANONYMOUS = exchange -> Mono.just(Optional.empty());

  /** The id of the signed-in user, or empty for an anonymous request. */
  Mono<Optional<Long>> id(ServerWebExchange exchange);
}
