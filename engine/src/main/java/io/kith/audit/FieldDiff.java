package io.kith.audit;

import io.kith.fieldtype.Json;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Field-level differences between two states of a record in its API shape. Only the entity type's
 * own fields count: system columns (version, timestamps, owner, active), the quick-search columns
 * and computed fields are derived or reported by the action itself. Collections and
 * multi-values compare as whole lists of rows or values, so a changed, added, removed or reordered
 * row shows the rows before and after.
 */
final class FieldDiff {

  private FieldDiff() {}

  /** Every field a new record has a value for, from empty. */
  static List<Change> created(EntityDef entity, JsonNode record) {
    List<Change> out = new ArrayList<>();
    for (FieldDef field : entity.fields()) {
      JsonNode value = record.get(field.name());
      if (!field.isComputed() && !isEmpty(value)) {
        out.add(new Change(field.name(), emptyLike(value), value));
      }
    }
    return out;
  }

  /** The fields whose value differs between {@code before} and {@code after}. */
  static List<Change> updated(EntityDef entity, JsonNode before, JsonNode after) {
    List<Change> out = new ArrayList<>();
    for (FieldDef field : entity.fields()) {
      JsonNode old = normalised(before.get(field.name()));
      JsonNode now = normalised(after.get(field.name()));
      if (!field.isComputed() && !old.equals(now)) {
        out.add(new Change(field.name(), old, now));
      }
    }
    return out;
  }

  private static boolean isEmpty(JsonNode value) {
    return value == null || value.isNull() || (value.isArray() && value.isEmpty());
  }

  private static JsonNode normalised(JsonNode value) {
    return value == null ? Json.NODES.nullNode() : value;
  }

  private static JsonNode emptyLike(JsonNode value) {
    return value.isArray() ? Json.array() : Json.NODES.nullNode();
  }
}
