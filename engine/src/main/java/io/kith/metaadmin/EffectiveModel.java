package io.kith.metaadmin;

import io.kith.metadata.MetadataFile;
import io.kith.metadata.MetadataLoader;
import io.kith.metadata.MetadataProblem;
import io.kith.metadata.MetadataSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shipped metadata files with the stored revisions laid over them, in revision order, and the
 * snapshot they load into. Immutable; a change makes a new one.
 *
 * @param lastRevision the id of the newest revision included (0: the shipped files alone)
 */
record EffectiveModel(Map<ModelItem, MetadataFile> files, long lastRevision, MetadataSnapshot snapshot) {

  EffectiveModel {
    files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }

  /** Version of the snapshot holding revisions up to {@code lastRevision}: the shipped files alone are 1. */
  static long versionAfter(long lastRevision) {
    return lastRevision + 1;
  }

  static EffectiveModel of(List<MetadataFile> shipped, Collection<Revision> revisions, MetadataLoader loader) {
    Map<ModelItem, MetadataFile> files = new LinkedHashMap<>();
    for (MetadataFile file : shipped) {
      files.put(new ModelItem(file.kind(), file.baseName()), file);
    }
    long last = 0;
    for (Revision r : revisions) {
      overlay(files, r.item(), r.body() == null ? null : (ObjectNode) r.body());
      last = Math.max(last, r.id());
    }
    return new EffectiveModel(files, last, loader.load(List.copyOf(files.values()), versionAfter(last)));
  }

  /** The shipped files alone, already loaded into {@code snapshot}. */
  static EffectiveModel shipped(List<MetadataFile> shipped, MetadataSnapshot snapshot) {
    Map<ModelItem, MetadataFile> files = new LinkedHashMap<>();
    shipped.forEach(file -> files.put(new ModelItem(file.kind(), file.baseName()), file));
    return new EffectiveModel(files, 0, snapshot);
  }

  /** This model with {@code revisions} (newer than {@link #lastRevision}) laid over it. */
  EffectiveModel plus(Collection<Revision> revisions, MetadataLoader loader) {
    Map<ModelItem, MetadataFile> next = new LinkedHashMap<>(files);
    long last = lastRevision;
    for (Revision r : revisions) {
      overlay(next, r.item(), r.body() == null ? null : (ObjectNode) r.body());
      last = Math.max(last, r.id());
    }
    return new EffectiveModel(next, last, loader.load(List.copyOf(next.values()), versionAfter(last)));
  }

  /**
   * This model with {@code changes} stored as revisions up to {@code last}; {@code validated} is the
   * snapshot their files already loaded into, renumbered rather than loaded again.
   */
  EffectiveModel committed(List<ItemChange> changes, long last, MetadataSnapshot validated) {
    Map<ModelItem, MetadataFile> next = new LinkedHashMap<>(files);
    changes.forEach(c -> overlay(next, c.item(), c.body()));
    MetadataSnapshot snapshot = new MetadataSnapshot(versionAfter(last), validated.entities(),
        validated.optionLists(), validated.relationshipTypes());
    return new EffectiveModel(next, last, snapshot);
  }

  /** The files this model would have with {@code changes} applied (not validated). */
  List<MetadataFile> filesWith(List<ItemChange> changes) {
    Map<ModelItem, MetadataFile> next = new LinkedHashMap<>(files);
    changes.forEach(c -> overlay(next, c.item(), c.body()));
    return List.copyOf(next.values());
  }

  /** The body of {@code item} in the file shape, or null when the model has no such item. */
  ObjectNode body(ModelItem item, MetadataLoader loader) {
    MetadataFile file = files.get(item);
    if (file == null) {
      return null;
    }
    List<MetadataProblem> problems = new ArrayList<>();
    JsonNode tree = loader.parse(file, problems);
    return tree == null ? null : (ObjectNode) tree;
  }

  private static void overlay(Map<ModelItem, MetadataFile> files, ModelItem item, ObjectNode body) {
    if (body == null) {
      files.remove(item);
    } else {
      files.put(item, new MetadataFile(item.jsonPath(), item.kind(), body.toString()));
    }
  }
}
