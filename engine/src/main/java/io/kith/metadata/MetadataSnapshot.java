package io.kith.metadata;

import java.util.Map;
import java.util.Optional;

/**
 * One immutable, validated version of the whole model. Everything downstream reads one snapshot
 * per request; per-version caches key on {@link #version()}.
 */
public record MetadataSnapshot(
    long version,
    Map<String, EntityDef> entities,
    Map<String, OptionList> optionLists,
    Map<String, RelationshipTypeDef> relationshipTypes) {

  public MetadataSnapshot {
    entities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entities));
    optionLists = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(optionLists));
    relationshipTypes =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(relationshipTypes));
  }

  public Optional<EntityDef> entity(String name) {
    return Optional.ofNullable(entities.get(name));
  }

  public OptionList optionList(String name) {
    OptionList list = optionLists.get(name);
    if (list == null) {
      throw new IllegalStateException("validated metadata lacks option list " + name);
    }
    return list;
  }
}
