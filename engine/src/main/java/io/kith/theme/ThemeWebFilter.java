package io.kith.theme;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Puts the theme in force on every page request ({@link #ATTRIBUTE}), for the page layout. */
public final class ThemeWebFilter implements WebFilter {

  /** The exchange attribute holding the {@link Theme}. */
  static final String ATTRIBUTE = Theme.class.getName();

  private final ThemeSettings settings;

  ThemeWebFilter(ThemeSettings settings) {
    this.settings = settings;
  }

  /** The theme of a page request (the defaults if none was loaded). */
  public static Theme of(ServerWebExchange exchange) {
    return exchange.getAttributeOrDefault(ATTRIBUTE, Theme.DEFAULT);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().value();
    if (path.startsWith("/api/") || path.startsWith("/ui/")) {
      return chain.filter(exchange);
    }
    return settings.current()
        .doOnNext(theme -> exchange.getAttributes().put(ATTRIBUTE, theme))
        .onErrorResume(e -> Mono.empty())
        .then(chain.filter(exchange));
  }
}
