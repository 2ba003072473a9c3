package io.kith.record;

import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.Identifiers;
import io.kith.schema.SqlNames;
import io.kith.search.SearchColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SQL text for one entity type, built once per metadata version from validated names only. Values
 * are always bind parameters ({@code $1}...).
 */
final class EntityTable {

  final EntityDef entity;
  final String table;
  /** Fields stored in the entity's own table, in column order. */
  final List<FieldDef> columnFields;
  final List<FieldDef> collectionFields;
  final List<FieldDef> linkFields;
  final String selectList;
  final String insertSql;
  /** id, subtype and the display-name columns: enough to label a record. */
  final String labelSelect;
  final List<String> labelColumns;
  /** Columns autocomplete matches against: the stored display name, else the template's columns. */
  final List<String> searchColumns;
  /** The quick-search system columns every write sets (empty for types not in quick search). */
  final List<String> searchColumnsWritten;

  /** System columns every insert sets to the user making it. */
  static final List<String> ACTOR_COLUMNS = List.of("owner", "created_by", "updated_by");

  EntityTable(EntityDef entity) {
    this.entity = entity;
    this.table = SqlNames.table(entity.name());
    this.columnFields = entity.fields().stream().filter(f -> f.type().hasColumn()).toList();
    this.collectionFields = entity.fields().stream()
        .filter(f -> f.type() instanceof FieldType.Collection).toList();
    this.linkFields = entity.fields().stream()
        .filter(f -> f.type() instanceof FieldType.MultiReference).toList();
    List<String> select = new ArrayList<>(systemColumns());
    columnFields.forEach(f -> select.add(f.name()));
    this.selectList = select.stream().map(SqlNames::quote).collect(Collectors.joining(", "));
    this.searchColumnsWritten = entity.isSearchable()
        ? List.of(SearchColumns.LABEL, SearchColumns.TEXT, SearchColumns.GRAMS) : List.of();
    this.insertSql = buildInsert();
    this.labelColumns = List.copyOf(entity.displayName().fieldNames());
    List<String> label = new ArrayList<>(List.of("id"));
    if (entity.hasSubtypes()) {
      label.add("subtype");
    }
    label.addAll(labelColumns);
    this.labelSelect = label.stream().map(SqlNames::quote).collect(Collectors.joining(", "));
    List<String> stored = entity.fields().stream()
        .filter(f -> f.type() instanceof FieldType.Computed c && c.formula() == FieldType.Formula.DISPLAY_NAME)
        .map(FieldDef::name).toList();
    this.searchColumns = stored.isEmpty()
        ? labelColumns.stream().filter(n -> entity.field(n).map(f -> f.isText()).orElse(false)).toList()
        : stored;
  }

  List<String> systemColumns() {
    List<String> columns = new ArrayList<>(List.of("id", "version"));
    if (entity.hasSubtypes()) {
      columns.add("subtype");
    }
    columns.addAll(List.of("created_at", "created_by", "updated_at", "updated_by", "owner", "active"));
    return columns;
  }

  boolean isSystemColumn(String name) {
    return Identifiers.SYSTEM_COLUMNS.contains(name) && (entity.hasSubtypes() || !name.equals("subtype"));
  }

  /** Insert of subtype (if any) and every column field, returning the whole stored row. */
  private String buildInsert() {
    List<String> names = new ArrayList<>();
    if (entity.hasSubtypes()) {
      names.add("subtype");
    }
    columnFields.forEach(f -> names.add(f.name()));
    names.addAll(searchColumnsWritten);
    names.addAll(ACTOR_COLUMNS);
    if (names.isEmpty()) {
      return "insert into " + table + " default values returning " + selectList;
    }
    StringBuilder values = new StringBuilder();
    for (int i = 1; i <= names.size(); i++) {
      values.append(i > 1 ? ", " : "").append('$').append(i);
    }
    return "insert into " + table + " ("
        + names.stream().map(SqlNames::quote).collect(Collectors.joining(", "))
        + ") values (" + values + ") returning " + selectList;
  }

  String childTable(FieldDef field) {
    return SqlNames.table(SqlNames.childTable(entity.name(), field.name()));
  }
}
