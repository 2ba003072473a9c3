package io.kith.metadata;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the current {@link MetadataSnapshot}. Readers take one snapshot per request; a new model is
 * published by swapping the reference atomically.
 */
public final class MetadataRegistry {

  private final AtomicReference<MetadataSnapshot> current;

  public MetadataRegistry(MetadataSnapshot initial) {
    this.current = new AtomicReference<>(initial);
  }

  public MetadataSnapshot snapshot() {
    return current.get();
  }

  public void publish(MetadataSnapshot snapshot) {
    current.set(snapshot);
  }
}
