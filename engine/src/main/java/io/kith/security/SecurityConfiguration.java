package io.kith.security;

import io.kith.db.ChannelListener;
import io.kith.i18n.KithLocale;
import io.kith.schema.DdlPlan;
import io.kith.users.Passwords;
import io.kith.web.Problems;
import io.kith.web.RequestLocale;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web security. Everything but the sign-in page and static files needs a signed-in user: pages
 * send strangers to {@code /login}, the API answers 401. Who is signed in comes from the session
 * cookie (a row in {@code kith.user_session}, so every instance accepts it; HttpOnly, SameSite=Lax,
 * Secure over HTTPS) or an access token ({@code Authorization: Bearer}).
 *
 * <p>No state-changing request can be forged by another site: every unsafe request needs the CSRF
 * token (double-submit cookie) unless it carries a bearer token, which browsers never add by
 * themselves.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  @Bean
  Passwords passwords() {
    return new Passwords();
  }

  @Bean
  SignInCache signInCache() {
    return new SignInCache(Clock.systemUTC());
  }

  /** Lets the sign-in cache go whenever users, roles, sessions or tokens change (after migrations ran). */
  @Bean
  ChannelListener signInListener(DdlPlan startupSchemaPlan, SignInCache cache, R2dbcProperties r2dbc) {
    return cache.listener(ChannelListener.connections(r2dbc));
  }

  @Bean
  SignIns signIns(DatabaseClient db, Passwords passwords, SignInCache cache,
      @Value("${kith.session.hours:12}") long sessionHours) {
    return new SignIns(db, passwords, Duration.ofHours(sessionHours), cache);
  }

  @Bean
  SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SignIns signIns, Problems problems) {
    CookieServerCsrfTokenRepository tokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
    tokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
    return http
        .securityContextRepository(new SignInContextRepository(signIns))
        .authorizeExchange(exchanges -> exchanges
            .pathMatchers("/login", "/ui/**", "/favicon.ico").permitAll()
            .anyExchange().authenticated())
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(problems)).accessDeniedHandler(denied(problems)))
        .csrf(csrf -> csrf.csrfTokenRepository(tokens).requireCsrfProtectionMatcher(unsafeWithoutBearer())
            .csrfTokenRequestHandler(tokenHandler()).accessDeniedHandler(csrfDenied(problems)))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .addFilterAfter(new PasswordChangeGate(), SecurityWebFiltersOrder.AUTHORIZATION)
        .addFilterAfter(new AccessContextFilter(), SecurityWebFiltersOrder.AUTHORIZATION)
        .build();
  }

  /** The default handler (tokens masked per response), also reading the token from multipart forms (file uploads). */
  private static XorServerCsrfTokenRequestAttributeHandler tokenHandler() {
    XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
    handler.setTokenFromMultipartDataEnabled(true);
    return handler;
  }

  /** The signed-in user's id, for features that keep an owner (saved searches, records). */
  @Bean
  CurrentUser currentUser() {
    return Callers::id;
  }

  /** Unsafe methods, unless the request carries a bearer token. */
  private static ServerWebExchangeMatcher unsafeWithoutBearer() {
    return exchange -> {
      HttpMethod method = exchange.getRequest().getMethod();
      boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
          || method == HttpMethod.TRACE;
      return safe || SignInContextRepository.hasBearer(exchange) ? MatchResult.notMatch() : MatchResult.match();
    };
  }

  private static boolean isApi(ServerWebExchange exchange) {
    return exchange.getRequest().getPath().value().startsWith("/api/");
  }

  /** API: 401 problem; pages: to the sign-in page, coming back here afterwards. */
  private static ServerAuthenticationEntryPoint entryPoint(Problems problems) {
    return (exchange, e) -> {
      if (isApi(exchange)) {
        return problem(exchange, HttpStatus.UNAUTHORIZED, problems, "sign_in_required");
      }
      String path = exchange.getRequest().getPath().value();
      String query = exchange.getRequest().getURI().getRawQuery();
      String next = path + (query == null ? "" : "?" + query);
      ServerHttpResponse response = exchange.getResponse();
      response.setStatusCode(HttpStatus.SEE_OTHER);
      response.getHeaders().setLocation(URI.create("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
      return response.setComplete();
    };
  }

  /** A denial after signing in. */
  private static ServerAccessDeniedHandler denied(Problems problems) {
    return (exchange, e) -> problem(exchange, HttpStatus.FORBIDDEN, problems, "csrf_refused");
  }

  /**
   * A request refused for its missing CSRF token: an API call with no credentials at all is told
   * to sign in (401); anything else is a 403.
   */
  private static ServerAccessDeniedHandler csrfDenied(Problems problems) {
    return (exchange, e) -> {
      boolean noSession = exchange.getRequest().getCookies().getFirst(SignIns.SESSION_COOKIE) == null;
      if (isApi(exchange) && noSession) {
        return problem(exchange, HttpStatus.UNAUTHORIZED, problems, "sign_in_required");
      }
      return problem(exchange, HttpStatus.FORBIDDEN, problems, "csrf_refused");
    };
  }

  private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, Problems problems, String code) {
    KithLocale locale = RequestLocale.of(exchange);
    byte[] body = JsonMapper.builder().build().writeValueAsBytes(problems.simple(status.value(), code, locale));
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }
}
