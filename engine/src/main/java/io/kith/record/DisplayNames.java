package io.kith.record;

import io.kith.metadata.EntityDef;
import tools.jackson.databind.JsonNode;

/** A record's human label from its entity type's display-name template, "#id" when that is empty. */
public final class DisplayNames {

  private DisplayNames() {}

  public static String render(EntityDef entity, JsonNode record) {
    String subtype = record.path("subtype").isString() ? record.get("subtype").asString() : null;
    String label = entity.displayName().render(subtype, name -> {
      JsonNode value = record.get(name);
      return value == null || value.isNull() ? null : value.asString();
    });
    return label.isEmpty() ? "#" + record.path("id").asString() : label;
  }
}
