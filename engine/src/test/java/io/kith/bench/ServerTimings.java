package io.kith.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Server time of selected paths: from the first web filter until the response is written, so it
 * covers security filters, routing, the handler, rendering and the write, and nothing on the client.
 * Runs first of all web filters; only {@link BenchRoutes} registers it.
 */
final class ServerTimings implements WebFilter, Ordered {

  private final Map<String, Samples> byPath;

  ServerTimings(Set<String> paths) {
    this.byPath = paths.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(p -> p, p -> new Samples()));
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Samples samples = byPath.get(exchange.getRequest().getPath().value());
    if (samples == null) {
      return chain.filter(exchange);
    }
    long start = System.nanoTime();
    return chain.filter(exchange).doFinally(signal -> samples.add(System.nanoTime() - start));
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  /** The nanosecond samples of {@code path} since the last call, which forgets them. */
  long[] drain(String path) {
    return byPath.get(path).drain();
  }

  private static final class Samples {
    private long[] values = new long[4096];
    private int size;

    synchronized void add(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }

    synchronized long[] drain() {
      long[] out = Arrays.copyOf(values, size);
      size = 0;
      return out;
    }
  }
}
