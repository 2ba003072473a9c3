package io.kith.savedsearch;

import io.kith.fieldtype.Json;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored search.
 *
 * @param query the query document as saved (it may name fields retired since)
 * @param owner the user who saved it; null for anonymous (before login exists)
 * @param shared whether everybody sees it; otherwise only its owner does
 */
public record SavedSearch(long id, String entity, String name, JsonNode query, Long owner, boolean shared,
    OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  /** Shared searches are seen by everybody; private ones by their owner only. */
  public boolean visibleTo(Optional<Long> viewer) {
    return shared || ownedBy(viewer);
  }

  /** Only the owner changes or deletes a search (anonymous owns what anonymous saved). */
  public boolean ownedBy(Optional<Long> viewer) {
    return Objects.equals(owner, viewer.orElse(null));
  }

  /** The API shape; {@code mine} says whether the viewer may change it. */
  public ObjectNode toJson(Optional<Long> viewer) {
    ObjectNode out = Json.object();
    out.put("id", id).put("entity", entity).put("name", name).put("shared", shared)
        .put("mine", ownedBy(viewer));
    out.set("query", query);
    out.put("createdAt", createdAt.toString()).put("updatedAt", updatedAt.toString());
    return out;
  }
}
