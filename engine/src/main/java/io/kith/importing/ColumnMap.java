package io.kith.importing;

import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Where one column goes.
 *
 * @param column the header text, or null when the column is named by {@code index}
 * @param index the position from 1, or null
 * @param target the field filled, or null for a skipped column
 * @param row for a collection target: fixed values of the collection row ({@code location_type: home})
 * @param match for a reference target: the target's field the cell is compared with ({@code id}, {@code emails.email})
 * @param values cell text (lower case, stripped) to stored value
 * @param separator between values of a multi-value field
 */
record ColumnMap(String column, Integer index, FieldPath target, Map<String, JsonNode> row, String match,
    Map<String, String> values, String separator) {

  ColumnMap {
    // Kept in the order written, so a profile read back (and the wizard) shows them as given.
    row = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(row));
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }

  boolean skipped() {
    return target == null;
  }

  /** The stored value for a cell by the value map, or the cell itself. */
  String mapped(String cell) {
    String hit = values.get(cell.strip().toLowerCase(Locale.ROOT));
    return hit != null ? hit : cell;
  }

  /** How the column is named in messages: its header, or "column 3". */
  String describe() {
    return column != null ? column : "#" + index;
  }
}
