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
 */
record RecordInput(
    String subtype,
    Map<String, Object> columns,
    Map<String, List<Map<String, Object>>> collections,
    Map<String, List<Long>> links) {}
