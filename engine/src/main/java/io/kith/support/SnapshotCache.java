package io.kith.support;

import io.kith.metadata.MetadataSnapshot;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Memoizes values that depend only on metadata (compiled schemas, SQL text, rendered forms), per
 * snapshot version: computed once per key and version, never per request. Only the newest version
 * seen is kept. A request still pinned to an older snapshot (it started before a change was
 * published) gets its value computed for it alone: it neither sees the newer version's values nor
 * throws them away.
 *
 * @param <V> the cached value
 */
public final class SnapshotCache<V> {

  private final AtomicReference<Generation<V>> generation = new AtomicReference<>(new Generation<>(-1));

  public V get(MetadataSnapshot snapshot, String key, Function<String, V> compute) {
    Generation<V> current = generation.get();
    while (current.version < snapshot.version()) {
      Generation<V> next = new Generation<>(snapshot.version());
      current = generation.compareAndSet(current, next) ? next : generation.get();
    }
    if (current.version != snapshot.version()) {
      return compute.apply(key);
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
