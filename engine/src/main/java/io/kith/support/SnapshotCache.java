package io.kith.support;

import io.kith.metadata.MetadataSnapshot;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Memoizes values that depend only on metadata (compiled schemas, SQL text), per snapshot version:
 * computed once per entity type and version, never per request.
 *
 * @param <V> the cached value
 */
public final class SnapshotCache<V> {

  private volatile Generation<V> generation = new Generation<>(-1);

  public V get(MetadataSnapshot snapshot, String key, Function<String, V> compute) {
    Generation<V> current = generation;
    if (current.version != snapshot.version()) {
      current = new Generation<>(snapshot.version());
      generation = current;
    }
    return current.values.computeIfAbsent(key, compute);
  }

  private static final class Generation<V> {
    final long version;
    final ConcurrentHashMap<String, V> values = new ConcurrentHashMap<>();

    Generation(long version) {
      this.version = version;
    }
  }
}
