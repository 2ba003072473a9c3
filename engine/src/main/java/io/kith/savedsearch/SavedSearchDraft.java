package io.kith.savedsearch;

import tools.jackson.databind.JsonNode;

/** What a client sends to save a search: {@code {entity, name, query, shared}}. */
public record SavedSearchDraft(String entity, String name, JsonNode query, boolean shared) {

  /** Reads the API body; shapes are checked by the service so all problems come back together. */
  public static SavedSearchDraft of(JsonNode body) {
    if (body == null || !body.isObject()) {
      return new SavedSearchDraft(null, null, null, false);
    }
    return new SavedSearchDraft(
        body.path("entity").isString() ? body.get("entity").asString() : null,
        body.path("name").isString() ? body.get("name").asString().strip() : null,
        body.get("query"),
        body.path("shared").asBoolean(false));
  }
}
