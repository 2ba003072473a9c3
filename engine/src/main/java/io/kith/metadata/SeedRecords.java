package io.kith.metadata;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Records shipped with an entity type (for example the standard tags), created at start-up when no
 * record has the same value in {@code key}. A seeded record that is deleted comes back at the next
 * start; deactivate it instead.
 */
public record SeedRecords(String key, List<JsonNode> records) {
  public SeedRecords {
    records = List.copyOf(records);
  }
}
