package io.kith.record;

import io.kith.db.CopyIn;
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
import reactor.core.scheduler.Schedulers;

/**
 * Many records of one type at once: one {@code COPY} for all new records (child rows and links
 * likewise, each a {@link CopyIn}), one update per set of changed columns, never one statement per
 * record. Updates are cut so none binds more than {@link #MAX_BINDS} values.
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

  /**
   * Ids for {@code count} new records, taken from the table's sequence before they are written, so
   * child rows and history entries know their records without relying on the order rows come back.
   */
  Mono<List<Long>> newIds(EntityTable t, int count) {
    if (count == 0) {
      return Mono.just(List.of());
    }
    return db.sql("select nextval(pg_get_serial_sequence($1, 'id')) from generate_series(1, $2)")
        .bind(0, t.table).bind(1, count)
        .map(r -> r.get(0, Long.class)).all().collectList();
  }

  /**
   * Inserts new records, ids from {@link #newIds} included, and their child rows with {@code COPY},
   * owned and created by {@code actor} (null for nobody). The child rows are encoded while the
   * records' COPY runs.
   */
  Mono<Void> insert(EntityTable t, List<Row> rows, Long actor) {
    if (rows.isEmpty()) {
      return Mono.empty();
    }
    List<String> names = new ArrayList<>(List.of("id"));
    if (t.entity.hasSubtypes()) {
      names.add("subtype");
    }
    for (FieldDef field : t.columnFields) {
      names.add(field.name());
    }
    names.addAll(t.searchColumnsWritten);
    names.addAll(EntityTable.ACTOR_COLUMNS);
    CopyIn copy = new CopyIn(t.table, names);
    Mono<Long> records = Mono.fromCallable(() -> {
      List<Object[]> values = new ArrayList<>(rows.size());
      for (Row row : rows) {
        List<Object> v = new ArrayList<>(names.size());
        v.add(row.id());
        if (t.entity.hasSubtypes()) {
          v.add(row.input().subtype());
        }
        for (FieldDef field : t.columnFields) {
          v.add(row.computed().containsKey(field.name()) ? row.computed().get(field.name())
              : row.input().columns().get(field.name()));
        }
        t.searchColumnsWritten.forEach(c -> v.add(row.computed().get(c)));
        EntityTable.ACTOR_COLUMNS.forEach(c -> v.add(actor));
        values.add(v.toArray());
      }
      return copy.encoded(values);
    }).subscribeOn(Schedulers.parallel()).flatMap(encoded -> encoded.send(db));
    Mono<List<CopyIn.Encoded>> children = Mono.fromCallable(() -> encodedChildren(t, rows))
        .subscribeOn(Schedulers.parallel());
    return Mono.zip(records, children).flatMap(both -> send(both.getT2()));
  }

  /**
   * Updates the sent columns of existing active records and bumps their versions; records sending
   * the same set of columns share one statement. Child rows of sent collections are replaced.
   * Emits the number of records changed.
   */
  Mono<Long> update(EntityTable t, List<Row> rows, Long actor) {
    Map<List<String>, List<Row>> byColumns = new LinkedHashMap<>();
    for (Row row : rows) {
      Map<String, Object> values = values(row);
      byColumns.computeIfAbsent(List.copyOf(values.keySet()), k -> new ArrayList<>()).add(row);
    }
    return Flux.fromIterable(byColumns.entrySet())
        .concatMap(e -> Flux.fromIterable(chunks(e.getValue(), e.getKey().size() + 1))
            .concatMap(chunk -> updateChunk(t, e.getKey(), chunk, actor)))
        .reduce(0L, Long::sum)
        .flatMap(count -> replaceChildren(t, rows).thenReturn(count));
  }

  private Mono<Long> updateChunk(EntityTable t, List<String> columns, List<Row> chunk, Long actor) {
    List<String> types = new ArrayList<>(List.of("bigint"));
    columns.forEach(c -> types.add(sqlType(t, c)));
    StringBuilder set = new StringBuilder("\"version\" = t.\"version\" + 1, \"updated_at\" = now(), "
        + "\"updated_by\" = $1");
    columns.forEach(c -> set.append(", ").append(SqlNames.quote(c)).append(" = v.").append(SqlNames.quote(c)));
    StringBuilder values = new StringBuilder();
    List<Bind> binds = new ArrayList<>(List.of(new Bind(actor, Long.class)));
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

  /** Child rows and links of many records: one {@code COPY} per field. */
  private Mono<Void> writeChildren(EntityTable t, List<Row> rows) {
    return Mono.fromCallable(() -> encodedChildren(t, rows)).subscribeOn(Schedulers.parallel()).flatMap(this::send);
  }

  /** COPYs encoded earlier, one after another on the caller's connection. */
  private Mono<Void> send(List<CopyIn.Encoded> copies) {
    return Flux.fromIterable(copies).concatMap(encoded -> encoded.send(db)).then();
  }

  /** The COPY data of the records' child rows and links, one per field that has any. */
  private static List<CopyIn.Encoded> encodedChildren(EntityTable t, List<Row> rows) {
    List<CopyIn.Encoded> copies = new ArrayList<>();
    for (FieldDef field : t.collectionFields) {
      List<FieldDef> children = ((FieldType.Collection) field.type()).fields();
      List<Object[]> values = new ArrayList<>();
      for (Row row : rows) {
        List<Map<String, Object>> childRows = row.input().collections().getOrDefault(field.name(), List.of());
        for (int i = 0; i < childRows.size(); i++) {
          List<Object> v = new ArrayList<>(List.of(row.id(), i));
          for (FieldDef child : children) {
            v.add(childRows.get(i).get(child.name()));
          }
          values.add(v.toArray());
        }
      }
      if (!values.isEmpty()) {
        List<String> names = new ArrayList<>(List.of("parent_id", "position"));
        children.forEach(child -> names.add(child.name()));
        copies.add(new CopyIn(t.childTable(field), names).encoded(values));
      }
    }
    for (FieldDef field : t.linkFields) {
      List<Object[]> values = new ArrayList<>();
      for (Row row : rows) {
        List<Long> targets = row.input().links().getOrDefault(field.name(), List.of());
        for (int i = 0; i < targets.size(); i++) {
          values.add(new Object[] {row.id(), targets.get(i), i});
        }
      }
      if (!values.isEmpty()) {
        copies.add(new CopyIn(t.childTable(field), List.of("source_id", "target_id", "position")).encoded(values));
      }
    }
    return copies;
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
