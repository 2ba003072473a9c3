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
    } else if (before.isArray() && after.isArray() && keyOf(before, after) != null) {
      diffKeyed(path, keyOf(before, after), before, after, out);
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

  /**
   * Fields and options are matched by name or code, not by position, so adding, removing or moving
   * one is one operation; a new order of the same items is one {@code reorder} listing the keys.
   */
  private static void diffKeyed(String path, String key, JsonNode before, JsonNode after, ArrayNode out) {
    java.util.Map<String, Integer> oldAt = positions(before, key);
    java.util.Map<String, Integer> newAt = positions(after, key);
    for (int i = before.size() - 1; i >= 0; i--) {
      if (!newAt.containsKey(before.get(i).get(key).asString())) {
        out.addObject().put("op", "remove").put("path", path + "/" + i).set("old", before.get(i));
      }
    }
    java.util.List<String> commonBefore = new java.util.ArrayList<>();
    oldAt.keySet().stream().filter(newAt::containsKey).forEach(commonBefore::add);
    java.util.List<String> commonAfter = new java.util.ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      String k = after.get(i).get(key).asString();
      Integer was = oldAt.get(k);
      if (was == null) {
        out.addObject().put("op", "add").put("path", path + "/" + i).set("value", after.get(i));
      } else {
        commonAfter.add(k);
        diff(path + "/" + i, before.get(was), after.get(i), out);
      }
    }
    if (!commonBefore.equals(commonAfter)) {
      ArrayNode order = out.addObject().put("op", "reorder").put("path", path).putArray("value");
      commonAfter.forEach(order::add);
    }
  }

  private static java.util.Map<String, Integer> positions(JsonNode array, String key) {
    java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < array.size(); i++) {
      out.put(array.get(i).get(key).asString(), i);
    }
    return out;
  }

  /** "name" or "code" when every element of both arrays is an object with a distinct one. */
  private static String keyOf(JsonNode before, JsonNode after) {
    for (String key : new String[] {"name", "code"}) {
      if (keyed(before, key) && keyed(after, key)) {
        return key;
      }
    }
    return null;
  }

  private static boolean keyed(JsonNode array, String key) {
    Set<String> seen = new java.util.HashSet<>();
    for (JsonNode item : array) {
      if (!item.isObject() || !item.path(key).isString() || !seen.add(item.get(key).asString())) {
        return false;
      }
    }
    return !array.isEmpty();
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
