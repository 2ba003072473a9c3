package io.kith.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.metadata.MetadataSnapshot;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Values are computed once per key and snapshot version, and an older pinned snapshot evicts nothing. */
class SnapshotCacheTest {

  private final SnapshotCache<String> cache = new SnapshotCache<>();
  private final AtomicInteger computed = new AtomicInteger();

  @Test
  void computesOncePerKeyAndVersion() {
    assertThat(get(5, "contact")).isEqualTo("contact@5");
    assertThat(get(5, "contact")).isEqualTo("contact@5");
    assertThat(computed).hasValue(1);
    assertThat(get(6, "contact")).isEqualTo("contact@6");
    assertThat(get(6, "contact")).isEqualTo("contact@6");
    assertThat(computed).hasValue(2);
  }

  @Test
  void aRequestOnAnOlderSnapshotGetsItsOwnValueAndKeepsTheNewerCached() {
    assertThat(get(6, "contact")).isEqualTo("contact@6");
    assertThat(get(5, "contact")).isEqualTo("contact@5");
    assertThat(get(5, "contact")).isEqualTo("contact@5");
    assertThat(computed).as("the older version is computed each time, never cached").hasValue(3);
    assertThat(get(6, "contact")).isEqualTo("contact@6");
    assertThat(computed).as("the newer version stayed cached").hasValue(3);
  }

  private String get(long version, String key) {
    MetadataSnapshot snapshot = new MetadataSnapshot(version, Map.of(), Map.of(), Map.of());
    return cache.get(snapshot, key, k -> {
      computed.incrementAndGet();
      return k + "@" + version;
    });
  }
}
