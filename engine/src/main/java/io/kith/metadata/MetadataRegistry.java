package io.kith.metadata;

import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Holds the current {@link MetadataSnapshot}; a new model is published by swapping the reference
 * atomically. A unit of work (an HTTP request, an import job) pins one snapshot in its Reactor
 * context with {@link #pin} and reads it back with {@link #pinned()} or {@link #snapshot(ContextView)},
 * so a change published in the middle of it is not half seen: a request that validated against
 * version 5 also stores and renders with version 5.
 */
public final class MetadataRegistry {

  private static final Class<MetadataSnapshot> PINNED = MetadataSnapshot.class;

  private final AtomicReference<MetadataSnapshot> current;

  public MetadataRegistry(MetadataSnapshot initial) {
    this.current = new AtomicReference<>(initial);
  }

  /**
   * The newest published snapshot. Only for what starts a unit of work and pins it (the request
   * filter, a background job, start-up); code inside one uses {@link #pinned()}.
   */
  public MetadataSnapshot snapshot() {
    return current.get();
  }

  public void publish(MetadataSnapshot snapshot) {
    current.set(snapshot);
  }

  /** A context pinning {@code snapshot} for everything subscribed under it. */
  public static Context pin(MetadataSnapshot snapshot) {
    return Context.of(PINNED, snapshot);
  }

  /**
   * The snapshot pinned in {@code context}; work that pinned none (start-up, seeding) gets the
   * newest one.
   */
  public MetadataSnapshot snapshot(ContextView context) {
    return context.getOrDefault(PINNED, current.get());
  }

  /** The subscriber's pinned snapshot, see {@link #snapshot(ContextView)}. */
  public Mono<MetadataSnapshot> pinned() {
    return Mono.deferContextual(context -> Mono.just(snapshot(context)));
  }
}
