package io.kith.query;

import io.kith.query.LenientQuery.Dropped;
import io.kith.query.LenientQuery.Part;
import io.kith.validation.FieldError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes from query JSON the parts that {@link QueryReader} refused, so a stored query still runs
 * after the metadata changed. An error is traced to the innermost condition around it, and that
 * condition is dropped whole; groups left empty disappear with it.
 */
final class QueryPruner {

  private static final Pattern STEP = Pattern.compile("\\.?([A-Za-z_][A-Za-z0-9_]*)(?:\\[(\\d+)])?");

  private QueryPruner() {}

  /** Prunes {@code root} in place; false when some error could not be traced to a removable part. */
  static boolean prune(ObjectNode root, List<FieldError> errors, List<Dropped> dropped) {
    Set<JsonNode> doomed = Collections.newSetFromMap(new IdentityHashMap<>());
    List<String> removeKeys = new ArrayList<>();
    for (FieldError error : errors) {
      String path = error.field();
      String head = head(path);
      switch (head) {
        case "filter" -> {
          Located target = locateCondition(root, path);
          if (target == null) {
            return false;
          }
          if (doomed.add(target.node())) {
            dropped.add(new Dropped(target.path(), Part.CONDITION, target.node().deepCopy(), error));
          }
        }
        case "sort", "columns" -> {
          Part part = head.equals("sort") ? Part.SORT : Part.COLUMN;
          Located item = locateItem(root, path);
          if (item == null) {
            removeKeys.add(head);
            dropped.add(new Dropped(head, part, root.get(head), error));
          } else if (doomed.add(item.node())) {
            dropped.add(new Dropped(item.path(), part, item.node().deepCopy(), error));
          }
        }
        case "" -> {
          return false;
        }
        default -> {
          removeKeys.add(head);
          dropped.add(new Dropped(head, Part.OTHER, root.get(head), error));
        }
      }
    }
    removeKeys.forEach(root::remove);
    if (root.get("filter") != null) {
      JsonNode filter = rebuild(root.get("filter"), doomed);
      if (filter == null) {
        root.remove("filter");
      } else {
        root.set("filter", filter);
      }
    }
    for (String list : List.of("sort", "columns")) {
      if (root.get(list) instanceof ArrayNode items) {
        ArrayNode kept = items.arrayNode();
        items.forEach(item -> {
          if (!doomed.contains(item)) {
            kept.add(item);
          }
        });
        root.set(list, kept);
      }
    }
    return true;
  }

  private record Located(String path, JsonNode node) {}

  private static String head(String path) {
    Matcher m = STEP.matcher(path);
    return m.lookingAt() ? m.group(1) : "";
  }

  /** The innermost condition (or group) that contains {@code path}. */
  private static Located locateCondition(ObjectNode root, String path) {
    JsonNode node = root;
    StringBuilder at = new StringBuilder();
    Located found = null;
    Located parentCondition = null;
    Matcher m = STEP.matcher(path);
    int position = 0;
    while (position < path.length() && m.find(position) && m.start() == position) {
      position = m.end();
      JsonNode child = node.get(m.group(1));
      if (m.group(2) != null && child != null) {
        child = child.get(Integer.parseInt(m.group(2)));
      }
      if (child == null) {
        break;
      }
      at.append(at.length() == 0 ? "" : ".").append(m.group(1)).append(m.group(2) == null ? "" : "[" + m.group(2) + "]");
      if (child.isObject() && (child.has("field") || child.has("and") || child.has("or") || child.isEmpty())) {
        // The nested filter of an "any" condition is dropped with the condition that holds it.
        boolean nestedOfAny = found != null && found.node().has("field") && m.group(1).equals("value") && m.group(2) == null;
        parentCondition = nestedOfAny ? found : null;
        found = new Located(at.toString(), child);
      }
      node = child;
    }
    if (found != null && parentCondition != null && !found.node().has("field") && found.path().equals(at.toString())) {
      return parentCondition;
    }
    return found;
  }

  private static Located locateItem(ObjectNode root, String path) {
    Matcher m = STEP.matcher(path);
    if (!m.matches() || m.group(2) == null || !(root.get(m.group(1)) instanceof ArrayNode items)) {
      return null;
    }
    JsonNode item = items.get(Integer.parseInt(m.group(2)));
    return item == null ? null : new Located(path, item);
  }

  /** A copy of {@code node} without the doomed parts; null when nothing is left. */
  private static JsonNode rebuild(JsonNode node, Set<JsonNode> doomed) {
    if (doomed.contains(node)) {
      return null;
    }
    if (!node.isObject()) {
      return node;
    }
    for (String group : List.of("and", "or")) {
      if (node.get(group) instanceof ArrayNode items) {
        ArrayNode kept = items.arrayNode();
        for (JsonNode item : items) {
          JsonNode child = rebuild(item, doomed);
          if (child != null) {
            kept.add(child);
          }
        }
        if (kept.isEmpty()) {
          return null;
        }
        ObjectNode out = ((ObjectNode) node).objectNode();
        out.set(group, kept);
        return out;
      }
    }
    if (node.has("field") && "any".equals(node.path("op").asString("")) && node.get("value") != null
        && node.get("value").isObject()) {
      JsonNode inner = rebuild(node.get("value"), doomed);
      if (inner == null) {
        return null;
      }
      ObjectNode out = ((ObjectNode) node).deepCopy();
      out.set("value", inner);
      return out;
    }
    return node;
  }
}
