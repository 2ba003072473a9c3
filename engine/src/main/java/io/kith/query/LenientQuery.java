package io.kith.query;

import io.kith.validation.FieldError;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A stored query read against today's metadata: what still applies, and what was left out because
 * the metadata changed since it was saved (a retired field, a removed option, a type change).
 *
 * @param query the query without the parts that no longer apply
 * @param json the query document without those parts (what a form shows and a re-save stores)
 * @param dropped what was left out, in the order found
 */
public record LenientQuery(Query query, JsonNode json, List<Dropped> dropped) {

  public LenientQuery {
    dropped = List.copyOf(dropped);
  }

  /** Which part of a query a dropped item was. */
  public enum Part {
    CONDITION,
    SORT,
    COLUMN,
    OTHER
  }

  /**
   * One part left out.
   *
   * @param path where it was in the stored JSON ({@code filter.and[1]}, {@code columns[0]})
   * @param node the JSON that was left out
   * @param reason the check it failed
   */
  public record Dropped(String path, Part part, JsonNode node, FieldError reason) {

    /** A short text naming what was left out: {@code mood contains "happy"}, or the column name. */
    public String describe() {
      if (part == Part.CONDITION && node != null && node.isObject() && node.has("field")) {
        String value = node.has("value") && !node.get("value").isNull() ? " " + node.get("value") : "";
        return node.path("field").asString("") + " " + node.path("op").asString("") + value;
      }
      return node == null ? path : node.isString() ? node.asString() : node.toString();
    }
  }
}
