package io.kith.record;

import java.util.List;
import java.util.Map;

/**
 * Validated input converted to database values.
 *
 * @param subtype the subtype (create only), or null
 * @param columns field name to column value for every field sent; a null value clears the field
 * @param collections collection field to its rows (each row: child field to column value)
 * @param links multi-reference field to target ids, in order
 * @param derived computed expression fields to their new column values (computed from the whole record)
 */
record RecordInput(
    String subtype,
    Map<String, Object> columns,
    Map<String, List<Map<String, Object>>> collections,
    Map<String, List<Long>> links,
    Map<String, Object> derived) {

  RecordInput(String subtype, Map<String, Object> columns, Map<String, List<Map<String, Object>>> collections,
      Map<String, List<Long>> links) {
    this(subtype, columns, collections, links, Map.of());
  }
}
