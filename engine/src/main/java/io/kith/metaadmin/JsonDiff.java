package io.kith.metaadmin;

import io.kith.fieldtype.Json;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The difference between two bodies as JSON Patch style operations ({@code add}, {@code remove},
 * {@code replace} with a JSON pointer, the new {@code value} and the {@code old} one): objects
 * compared key by key, arrays element by element.
 */
final class JsonDiff {

  private JsonDiff() {}

  static ArrayNode between(JsonNode before, JsonNode after) {
    ArrayNode out = Json.array();
    diff("", before, after, out);
    return out;
  }

  private static void diff(String path, JsonNode before, JsonNode after, ArrayNode out) {
    if (before == null || before.isMissingNode()) {
      if (after != null && !after.isMissingNode()) {
        out.addObject().put("op", "add").put("path", path).set("value", after);
      }
      return;
    }
    if (after == null || after.isMissingNode()) {
      out.addObject().put("op", "remove").put("path", path).set("old", before);
      return;
    }
    if (before.equals(after)) {
      return;
    }
    if (before.isObject() && after.isObject()) {
      Set<String> keys = new LinkedHashSet<>(before.propertyNames());
      keys.addAll(after.propertyNames());
      for (String key : keys) {
        diff(path + "/" + escape(key), before.get(key), after.get(key), out);
      }
    } else if (before.isArray() && after.isArray()) {
      int common = Math.min(before.size(), after.size());
      for (int i = 0; i < common; i++) {
        diff(path + "/" + i, before.get(i), after.get(i), out);
      }
      for (int i = common; i < after.size(); i++) {
        out.addObject().put("op", "add").put("path", path + "/" + i).set("value", after.get(i));
      }
      for (int i = before.size() - 1; i >= common; i--) {
        out.addObject().put("op", "remove").put("path", path + "/" + i).set("old", before.get(i));
      }
    } else {
      ObjectNode op = out.addObject().put("op", "replace").put("path", path);
      op.set("value", after);
      op.set("old", before);
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
