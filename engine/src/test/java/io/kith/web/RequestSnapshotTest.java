package io.kith.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.metadata.MetadataRegistry;
import io.kith.metadata.MetadataSnapshot;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.test.StepVerifier;

/**
 * The request filter and its accessors: a request keeps the snapshot it started with, in the
 * exchange and in the Reactor context, even when a new one is published while it runs.
 */
class RequestSnapshotTest {

  private final MetadataRegistry registry = new MetadataRegistry(snapshot(5));

  /** A handler that lets an administrator's change land halfway, then reads the model again. */
  private final RouterFunction<ServerResponse> probe = RouterFunctions.route()
      .GET("/probe", request -> {
        long before = RequestSnapshot.of(request).version();
        registry.publish(snapshot(registry.snapshot().version() + 1));
        return registry.pinned().flatMap(pinned -> ServerResponse.ok()
            .bodyValue(before + " " + RequestSnapshot.of(request).version() + " " + pinned.version()));
      })
      .build();

  private final WebTestClient client = WebTestClient.bindToRouterFunction(probe)
      .webFilter(RequestSnapshot.filter(registry)).build();

  @Test
  void aRequestKeepsItsSnapshotWhenANewOneIsPublishedMeanwhile() {
    client.get().uri("/probe").exchange()
        .expectHeader().valueEquals(RequestSnapshot.HEADER, "5")
        .expectBody(String.class).isEqualTo("5 5 5");
    assertThat(registry.snapshot().version()).isEqualTo(6);

    client.get().uri("/probe").exchange()
        .expectHeader().valueEquals(RequestSnapshot.HEADER, "6")
        .expectBody(String.class).isEqualTo("6 6 6");
  }

  @Test
  void workWithoutAPinnedSnapshotGetsTheNewestAndAPinWins() {
    StepVerifier.create(registry.pinned().map(MetadataSnapshot::version)).expectNext(5L).verifyComplete();
    StepVerifier.create(registry.pinned().map(MetadataSnapshot::version).contextWrite(MetadataRegistry.pin(snapshot(3))))
        .expectNext(3L).verifyComplete();
  }

  @Test
  void readingTheRequestSnapshotWhereTheFilterDidNotRunFailsLoudly() {
    MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/unfiltered"));
    assertThatThrownBy(() -> RequestSnapshot.of(exchange)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/unfiltered");
  }

  private static MetadataSnapshot snapshot(long version) {
    return new MetadataSnapshot(version, Map.of(), Map.of(), Map.of());
  }
}
