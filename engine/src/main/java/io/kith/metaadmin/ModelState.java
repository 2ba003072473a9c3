package io.kith.metaadmin;

import io.kith.metadata.MetadataFile;
import io.kith.metadata.MetadataLoader;
import io.kith.metadata.MetadataRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The effective model this instance serves, kept in step with the registry: a newer model (more
 * revisions) replaces the current one and its snapshot is published; an older or equal one is
 * ignored, so a local change and a notification about it may arrive in either order.
 */
public final class ModelState {

  private static final Logger log = LoggerFactory.getLogger(ModelState.class);

  private final MetadataRegistry registry;
  private final MetadataLoader loader;
  private final RevisionStore store;
  private final List<MetadataFile> shipped;
  private volatile EffectiveModel current;

  private ModelState(MetadataRegistry registry, MetadataLoader loader, RevisionStore store,
      List<MetadataFile> shipped, EffectiveModel initial) {
    this.registry = registry;
    this.shipped = List.copyOf(shipped);
    this.loader = loader;
    this.store = store;
    this.current = initial;
  }

  /**
   * At start-up (may block): the shipped files plus every stored revision, published into
   * {@code registry}. Kith's own schema must exist already.
   */
  public static ModelState start(List<MetadataFile> shipped, MetadataRegistry registry,
      org.springframework.r2dbc.core.DatabaseClient db) {
    MetadataLoader loader = new MetadataLoader();
    RevisionStore store = new RevisionStore(db);
    List<Revision> revisions = store.after(0).collectList().block();
    // With no revisions the registry already holds the shipped files' snapshot: no second load.
    EffectiveModel model = revisions.isEmpty() ? EffectiveModel.shipped(shipped, registry.snapshot())
        : EffectiveModel.of(shipped, revisions, loader);
    registry.publish(model.snapshot());
    if (!revisions.isEmpty()) {
      log.info("Metadata: {} stored revision(s) laid over the shipped files (version {}).", revisions.size(),
          model.snapshot().version());
    }
    return new ModelState(registry, loader, store, shipped, model);
  }

  EffectiveModel current() {
    return current;
  }

  MetadataLoader loader() {
    return loader;
  }

  /** The model as it stood right after revision {@code id}: the shipped files and revisions up to it. */
  Mono<EffectiveModel> asOf(long id) {
    return store.upTo(id).collectList().publishOn(Schedulers.boundedElastic())
        .map(revisions -> EffectiveModel.of(shipped, revisions, loader));
  }

  /** The item changes that make {@code base} the model as it stood right after revision {@code id}. */
  Mono<List<ItemChange>> revertTo(EffectiveModel base, long id) {
    return asOf(id).map(target -> ModelPackage.difference(base, target, loader));
  }

  RevisionStore store() {
    return store;
  }

  /** Publishes {@code model} if it is newer than the current one; whether it was. */
  synchronized boolean publish(EffectiveModel model) {
    if (model.lastRevision() <= current.lastRevision()) {
      return false;
    }
    current = model;
    registry.publish(model.snapshot());
    return true;
  }

  /** Reads revisions stored since the current model (by any instance) and publishes them. */
  public Mono<Boolean> catchUp() {
    EffectiveModel base = current;
    return store.after(base.lastRevision()).collectList()
        .publishOn(Schedulers.boundedElastic())
        .map(revisions -> {
          if (revisions.isEmpty()) {
            return false;
          }
          boolean published = publish(base.plus(revisions, loader));
          if (published) {
            log.info("Metadata reloaded: version {}.", current.snapshot().version());
          }
          return published;
        });
  }
}
