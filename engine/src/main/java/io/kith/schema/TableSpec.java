package io.kith.schema;

import java.util.List;
import java.util.Set;

/**
 * A table as the metadata wants it.
 *
 * @param owner the entity and field this table serves, for messages ({@code contact},
 *     {@code contact.emails})
 */
record TableSpec(
    String name,
    String owner,
    List<ColumnSpec> columns,
    String primaryKey,
    List<IndexSpec> indexes,
    List<ForeignKeySpec> foreignKeys) {

  /** A column; {@code field} is the metadata field behind it, or null for a system column. */
  record ColumnSpec(String name, String type, String constraints, String field) {}

  /**
   * An index; {@code method} is null for a b-tree, else the access method ({@code gin}). With
   * {@code lowerCase} each column is indexed as {@code lower("column"::text)}, the expression
   * case-insensitive look-ups (import duplicate keys) compare with. The columns in
   * {@code descending} are indexed {@code desc nulls last} (a descending sort's order), the others ascending.
   */
  record IndexSpec(
      String name, List<String> columns, boolean unique, String method, boolean lowerCase, Set<String> descending) {
    IndexSpec {
      columns = List.copyOf(columns);
      descending = Set.copyOf(descending);
    }

    IndexSpec(String name, List<String> columns, boolean unique, String method) {
      this(name, columns, unique, method, false, Set.of());
    }

    IndexSpec(String name, List<String> columns, boolean unique) {
      this(name, columns, unique, null, false, Set.of());
    }

    /** A b-tree over {@code lower(column::text)}. */
    static IndexSpec lowerCase(String name, String column) {
      return new IndexSpec(name, List.of(column), false, null, true, Set.of());
    }
  }

  record ForeignKeySpec(String name, String column, String targetTable, String onDelete) {}
}
