package io.kith.security;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Finds who makes a request: an {@code Authorization: Bearer} access token, else the session
 * cookie. Sessions are rows in the database, so any instance accepts them. Saving is the
 * sign-in page's job (it sets the cookie), not Spring's.
 */
final class SignInContextRepository implements ServerSecurityContextRepository {

  private final SignIns signIns;

  SignInContextRepository(SignIns signIns) {
    this.signIns = signIns;
  }

  @Override
  public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
    return Mono.empty();
  }

  /** Where one request keeps its look-up: Spring Security subscribes to {@link #load} for every principal query. */
  private static final String LOOKUP = SignInContextRepository.class.getName() + ".lookup";

  @Override
  @SuppressWarnings("unchecked")
  public Mono<SecurityContext> load(ServerWebExchange exchange) {
    return (Mono<SecurityContext>) exchange.getAttributes().computeIfAbsent(LOOKUP, key -> lookup(exchange).cache());
  }

  private Mono<SecurityContext> lookup(ServerWebExchange exchange) {
    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    Mono<SignedIn> user;
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      user = signIns.byToken(authorization.substring(7).strip());
    } else {
      HttpCookie cookie = exchange.getRequest().getCookies().getFirst(SignIns.SESSION_COOKIE);
      user = cookie == null || cookie.getValue().isEmpty() ? Mono.empty() : signIns.bySession(cookie.getValue());
    }
    return user.map(u -> new SecurityContextImpl(new KithAuthentication(u)));
  }

  /** Whether the request carries a bearer token (such requests cannot be forged by another site). */
  static boolean hasBearer(ServerWebExchange exchange) {
    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
  }
}
