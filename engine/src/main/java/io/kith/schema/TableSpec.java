package io.kith.schema;

import java.util.List;

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

  /** An index; {@code method} is null for a b-tree, else the access method ({@code gin}). */
  record IndexSpec(String name, List<String> columns, boolean unique, String method) {
    IndexSpec(String name, List<String> columns, boolean unique) {
      this(name, columns, unique, null);
    }
  }

  record ForeignKeySpec(String name, String column, String targetTable, String onDelete) {}
}
