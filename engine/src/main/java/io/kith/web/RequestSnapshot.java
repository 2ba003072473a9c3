package io.kith.web;

import io.kith.metadata.MetadataRegistry;
import io.kith.metadata.MetadataSnapshot;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The one metadata snapshot an HTTP request uses from its start to its last byte. {@link #filter}
 * takes the registry's snapshot once as the request arrives (before security, so every answer,
 * a 401 too, says which version served it in {@value #HEADER}), keeps it in the exchange for
 * handlers and error handlers ({@link #of}) and pins it in the Reactor context for services
 * ({@link MetadataRegistry#pinned()}). An administrator's change that lands meanwhile is seen by
 * the next request, never by half of this one.
 */
public final class RequestSnapshot {

  /** The response header naming the snapshot version that served the request. */
  public static final String HEADER = "Kith-Metadata-Version";

  private static final String ATTRIBUTE = RequestSnapshot.class.getName();

  private RequestSnapshot() {}

  public static MetadataSnapshot of(ServerRequest request) {
    return of(request.exchange());
  }

  public static MetadataSnapshot of(ServerWebExchange exchange) {
    MetadataSnapshot snapshot = exchange.getAttribute(ATTRIBUTE);
    if (snapshot == null) {
      throw new IllegalStateException("No metadata snapshot is pinned for " + exchange.getRequest().getPath()
          + ": the RequestSnapshot filter did not run.");
    }
    return snapshot;
  }

  /** The filter that pins the snapshot; it runs first of all filters. */
  public static WebFilter filter(MetadataRegistry registry) {
    return new Filter(registry);
  }

  private static final class Filter implements WebFilter, Ordered {

    private final MetadataRegistry registry;

    Filter(MetadataRegistry registry) {
      this.registry = registry;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
      MetadataSnapshot snapshot = registry.snapshot();
      exchange.getAttributes().put(ATTRIBUTE, snapshot);
      exchange.getResponse().getHeaders().set(HEADER, String.valueOf(snapshot.version()));
      return chain.filter(exchange).contextWrite(context -> context.putAll(MetadataRegistry.pin(snapshot).readOnly()));
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }
}
