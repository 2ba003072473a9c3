package io.kith.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Web security. Until login arrives every page is open, but no HTML form can be posted cross-site:
 * state-changing requests to pages need the CSRF token (double-submit cookie, so it works across
 * instances without server-side session state). The JSON API takes no form posts and is exempt.
 * Security headers (no sniffing, frame denial) come with Spring Security's defaults.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  @Bean
  SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
    CookieServerCsrfTokenRepository tokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
    tokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
    return http
        .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
        .csrf(csrf -> csrf.csrfTokenRepository(tokens).requireCsrfProtectionMatcher(pageWrites())
            .csrfTokenRequestHandler(tokenHandler()))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .build();
  }

  /** The default handler (tokens masked per response), also reading the token from multipart forms (file uploads). */
  private static XorServerCsrfTokenRequestAttributeHandler tokenHandler() {
    XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
    handler.setTokenFromMultipartDataEnabled(true);
    return handler;
  }

  /** Until login exists, every request is anonymous; login replaces this bean. */
  @Bean
  CurrentUser currentUser() {
    return CurrentUser.ANONYMOUS;
  }

  /** Every non-safe request outside {@code /api/}. */
  private static ServerWebExchangeMatcher pageWrites() {
    ServerWebExchangeMatcher unsafe = new OrServerWebExchangeMatcher(
        ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/**"),
        ServerWebExchangeMatchers.pathMatchers(HttpMethod.PUT, "/**"),
        ServerWebExchangeMatchers.pathMatchers(HttpMethod.PATCH, "/**"),
        ServerWebExchangeMatchers.pathMatchers(HttpMethod.DELETE, "/**"));
    return new AndServerWebExchangeMatcher(
        unsafe, new NegatedServerWebExchangeMatcher(new PathPatternParserServerWebExchangeMatcher("/api/**")));
  }
}
