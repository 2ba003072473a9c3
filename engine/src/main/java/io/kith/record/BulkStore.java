package io.kith.record;

import io.kith.fieldtype.FieldTypes;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.query.Bind;
import io.kith.schema.SqlNames;
import io.kith.search.SearchColumns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Multi-row SQL for many records of one type at once: one insert for all new records (child rows
 * and links likewise), one update per set of changed columns, never one statement per record.
 * Statements are cut so none binds more than {@link #MAX_BINDS} values.
 */
final class BulkStore {

  /** PostgreSQL allows 65,535 parameters per statement; stay well below. */
  static final int MAX_BINDS = 30_000;

  /** A record to write with its converted input and stored computed values; id null for a new one. */
  record Row(Long id, RecordInput input, Map<String, Object> computed) {}

  private final DatabaseClient db;
  private final FieldTypes fieldTypes;

  BulkStore(DatabaseClient db, FieldTypes fieldTypes) {
    this.db = db;
    this.fieldTypes = fieldTypes;
  }

  /** Inserts the records and their child rows; emits the new ids in the order of {@code rows}. */
  Mono<List<Long>> insert(EntityTable t, List<Row> rows) {
    if (rows.isEmpty()) {
      return Mono.just(List.of());
    }
    List<String> names = new ArrayList<>();
    if (t.entity.hasSubtypes()) {
      names.add("subtype");
    }
    t.columnFields.forEach(f -> names.add(f.name()));
    names.addAll(t.searchColumnsWritten);
    int perRow = Math.max(1, names.size());
    return Flux.fromIterable(chunks(rows, perRow))
        .concatMap(chunk -> insertChunk(t, names, chunk))
        .collectList()
        .map(lists -> lists.stream().flatMap(List::stream).toList())
        .flatMap(ids -> {
          List<Row> withIds = new ArrayList<>();
          for (int i = 0; i < rows.size(); i++) {
            withIds.add(new Row(ids.get(i), rows.get(i).input(), rows.get(i).computed()));
          }
          return writeChildren(t, withIds).thenReturn(ids);
        });
  }

  private Mono<List<Long>> insertChunk(EntityTable t, List<String> names, List<Row> chunk) {
    if (names.isEmpty()) {
      return db.sql("insert into " + t.table + " (\"active\") select true from generate_series(1, $1) returning \"id\"")
          .bind(0, chunk.size()).map(r -> r.get(0, Long.class)).all().collectList();
    }
    StringBuilder sql = new StringBuilder("insert into " + t.table + " ("
        + names.stream().map(SqlNames::quote).collect(Collectors.joining(", ")) + ") values ");
    List<Bind> binds = new ArrayList<>();
    for (int r = 0; r < chunk.size(); r++) {
      Row row = chunk.get(r);
      int first = binds.size() + 1;
      if (t.entity.hasSubtypes()) {
        binds.add(new Bind(row.input().subtype(), String.class));
      }
      for (FieldDef field : t.columnFields) {
        Object value = row.computed().containsKey(field.name()) ? row.computed().get(field.name())
            : row.input().columns().get(field.name());
        binds.add(new Bind(value, columnClass(field)));
      }
      for (String column : t.searchColumnsWritten) {
        binds.add(new Bind(row.computed().get(column), SearchValues.columnClass(column)));
      }
      sql.append(r > 0 ? ", " : "").append(placeholders(first, names.size(), null));
    }
    // The rows of a multi-row VALUES insert come back in the order they were listed.
    return SqlBinder.bind(db.sql(sql + " returning \"id\""), binds)
        .map(r -> r.get(0, Long.class)).all().collectList();
  }

  /**
   * Updates the sent columns of existing active records and bumps their versions; records sending
   * the same set of columns share one statement. Child rows of sent collections are replaced.
   * Emits the number of records changed.
   */
  Mono<Long> update(EntityTable t, List<Row> rows) {
    Map<List<String>, List<Row>> byColumns = new LinkedHashMap<>();
    for (Row row : rows) {
      Map<String, Object> values = values(row);
      byColumns.computeIfAbsent(List.copyOf(values.keySet()), k -> new ArrayList<>()).add(row);
    }
    return Flux.fromIterable(byColumns.entrySet())
        .concatMap(e -> Flux.fromIterable(chunks(e.getValue(), e.getKey().size() + 1))
            .concatMap(chunk -> updateChunk(t, e.getKey(), chunk)))
        .reduce(0L, Long::sum)
        .flatMap(count -> replaceChildren(t, rows).thenReturn(count));
  }

  private Mono<Long> updateChunk(EntityTable t, List<String> columns, List<Row> chunk) {
    List<String> types = new ArrayList<>(List.of("bigint"));
    columns.forEach(c -> types.add(sqlType(t, c)));
    StringBuilder set = new StringBuilder("\"version\" = t.\"version\" + 1, \"updated_at\" = now()");
    columns.forEach(c -> set.append(", ").append(SqlNames.quote(c)).append(" = v.").append(SqlNames.quote(c)));
    StringBuilder values = new StringBuilder();
    List<Bind> binds = new ArrayList<>();
    for (int r = 0; r < chunk.size(); r++) {
      Row row = chunk.get(r);
      Map<String, Object> rowValues = values(row);
      int first = binds.size() + 1;
      binds.add(new Bind(row.id(), Long.class));
      for (String c : columns) {
        binds.add(new Bind(rowValues.get(c), bindClass(t, c)));
      }
      values.append(r > 0 ? ", " : "").append(placeholders(first, columns.size() + 1, types));
    }
    String names = columns.stream().map(SqlNames::quote).map(n -> ", " + n).collect(Collectors.joining());
    String sql = "update " + t.table + " as t set " + set + " from (values " + values + ") as v(\"id\"" + names
        + ") where t.\"id\" = v.\"id\" and t.\"active\"";
    return SqlBinder.bind(db.sql(sql), binds).fetch().rowsUpdated();
  }

  private static Map<String, Object> values(Row row) {
    Map<String, Object> values = new LinkedHashMap<>(row.input().columns());
    values.putAll(row.computed());
    return values;
  }

  private Mono<Void> replaceChildren(EntityTable t, List<Row> rows) {
    List<Mono<Long>> deletes = new ArrayList<>();
    for (FieldDef field : t.collectionFields) {
      Long[] ids = rows.stream().filter(r -> r.input().collections().containsKey(field.name())).map(Row::id).toArray(Long[]::new);
      if (ids.length > 0) {
        deletes.add(db.sql("delete from " + t.childTable(field) + " where \"parent_id\" = any($1)").bind(0, ids).fetch().rowsUpdated());
      }
    }
    for (FieldDef field : t.linkFields) {
      Long[] ids = rows.stream().filter(r -> r.input().links().containsKey(field.name())).map(Row::id).toArray(Long[]::new);
      if (ids.length > 0) {
        deletes.add(db.sql("delete from " + t.childTable(field) + " where \"source_id\" = any($1)").bind(0, ids).fetch().rowsUpdated());
      }
    }
    return Flux.concat(deletes).then(writeChildren(t, rows));
  }

  /** Child rows and links of many records: one multi-row insert per field (cut by bind count). */
  private Mono<Void> writeChildren(EntityTable t, List<Row> rows) {
    List<Mono<Long>> writes = new ArrayList<>();
    for (FieldDef field : t.collectionFields) {
      List<FieldDef> children = ((FieldType.Collection) field.type()).fields();
      List<List<Bind>> values = new ArrayList<>();
      for (Row row : rows) {
        List<Map<String, Object>> childRows = row.input().collections().getOrDefault(field.name(), List.of());
        for (int i = 0; i < childRows.size(); i++) {
          List<Bind> binds = new ArrayList<>(List.of(new Bind(row.id(), Long.class), new Bind(i, Integer.class)));
          for (FieldDef child : children) {
            binds.add(new Bind(childRows.get(i).get(child.name()), columnClass(child)));
          }
          values.add(binds);
        }
      }
      String columns = children.stream().map(f -> ", " + SqlNames.quote(f.name())).collect(Collectors.joining());
      writes.addAll(inserts("insert into " + t.childTable(field) + " (\"parent_id\", \"position\"" + columns + ") values ",
          values, children.size() + 2));
    }
    for (FieldDef field : t.linkFields) {
      List<List<Bind>> values = new ArrayList<>();
      for (Row row : rows) {
        List<Long> targets = row.input().links().getOrDefault(field.name(), List.of());
        for (int i = 0; i < targets.size(); i++) {
          values.add(List.of(new Bind(row.id(), Long.class), new Bind(targets.get(i), Long.class), new Bind(i, Integer.class)));
        }
      }
      writes.addAll(inserts("insert into " + t.childTable(field) + " (\"source_id\", \"target_id\", \"position\") values ",
          values, 3));
    }
    return Flux.concat(writes).then();
  }

  private List<Mono<Long>> inserts(String prefix, List<List<Bind>> values, int perRow) {
    List<Mono<Long>> out = new ArrayList<>();
    for (List<List<Bind>> chunk : chunks(values, perRow)) {
      StringBuilder sql = new StringBuilder(prefix);
      List<Bind> binds = new ArrayList<>();
      for (int r = 0; r < chunk.size(); r++) {
        int first = binds.size() + 1;
        binds.addAll(chunk.get(r));
        sql.append(r > 0 ? ", " : "").append(placeholders(first, perRow, null));
      }
      out.add(Mono.defer(() -> SqlBinder.bind(db.sql(sql.toString()), binds).fetch().rowsUpdated()));
    }
    return out;
  }

  private static <T> List<List<T>> chunks(List<T> items, int bindsPerItem) {
    int size = Math.max(1, MAX_BINDS / Math.max(1, bindsPerItem));
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return out;
  }

  /** {@code ($1, $2)}, or with types {@code ($1::bigint, $2::text)} so VALUES columns are typed. */
  private static String placeholders(int first, int count, List<String> types) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < count; i++) {
      out.append(i > 0 ? ", " : "").append('$').append(first + i);
      if (types != null) {
        out.append("::").append(types.get(i));
      }
    }
    return out.append(')').toString();
  }

  /** The column's SQL type, from metadata only (the same text schema sync creates it with). */
  private String sqlType(EntityTable t, String column) {
    if (SearchColumns.isSearchColumn(column)) {
      return column.equals(SearchColumns.GRAMS) ? SearchColumns.GRAMS_TYPE : SearchColumns.TEXT_TYPE;
    }
    FieldDef field = t.entity.field(column).orElseThrow();
    return fieldTypes.of(field.type()).columnType(field.type());
  }

  private Class<?> bindClass(EntityTable t, String column) {
    return SearchColumns.isSearchColumn(column) ? SearchValues.columnClass(column)
        : columnClass(t.entity.field(column).orElseThrow());
  }

  private Class<?> columnClass(FieldDef field) {
    return fieldTypes.of(field.type()).columnClass(field.type());
  }
}
