package io.kith.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bounds multipart uploads (CSV imports, files) while they arrive, and still reads each one to its
 * end. Past the limit the rest of the body is read and discarded rather than stored, then the
 * readers downstream get a {@link DataBufferLimitException} (answered as {@code file_too_large}).
 * Stopping to read instead would have the server answer while the client is still sending: the
 * connection then closes with unread data, and many clients see a reset rather than the answer.
 */
public final class UploadLimitFilter implements WebFilter {

  /** Room for a form's other parts, part headers and boundaries around the file. */
  static final long SLACK = 64 * 1024;

  private final long limit;

  /** {@code maxFileBytes}: the largest file a form may carry. */
  public UploadLimitFilter(long maxFileBytes) {
    this.limit = maxFileBytes + SLACK;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    MediaType type = exchange.getRequest().getHeaders().getContentType();
    if (type == null || !"multipart".equalsIgnoreCase(type.getType())) {
      return chain.filter(exchange);
    }
    ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
      @Override
      public Flux<DataBuffer> getBody() {
        return bounded(super.getBody());
      }
    };
    return chain.filter(exchange.mutate().request(request).build());
  }

  /** The body up to the limit; past it, the rest read and released, then the limit's error. */
  Flux<DataBuffer> bounded(Flux<DataBuffer> body) {
    return Flux.defer(() -> {
      long[] seen = {0};
      return body.<DataBuffer>handle((buffer, sink) -> {
            seen[0] += buffer.readableByteCount();
            if (seen[0] <= limit) {
              sink.next(buffer);
            } else {
              DataBufferUtils.release(buffer);
            }
          })
          .concatWith(Flux.defer(() -> seen[0] > limit
              ? Flux.error(new DataBufferLimitException("upload larger than " + limit + " bytes"))
              : Flux.empty()));
    });
  }
}
