package io.kith.record;

import io.kith.fieldtype.FieldTypes;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.SortSpec;
import io.kith.query.Query;
import io.kith.query.QuerySql;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the SQL for records of any entity type. Child rows and links are read in one query per
 * field for a whole page, never one per record; writes of child rows are one multi-row insert.
 */
final class RecordStore {

  private final DatabaseClient db;
  private final FieldTypes fieldTypes;
  private final RowMapper rows;
  private final Counts counts;

  RecordStore(DatabaseClient db, FieldTypes fieldTypes, RowMapper rows) {
    this.db = db;
    this.fieldTypes = fieldTypes;
    this.rows = rows;
    this.counts = new Counts(db);
  }

  Mono<ObjectNode> find(EntityTable t, long id) {
    return find(t, id, "");
  }

  /**
   * Like {@link #find}, but locks the row until the transaction ends, so a concurrent write waits and
   * what was read is what the update changes (the old values its history records). Child rows need
   * no lock of their own: only writes that lock the parent row change them.
   */
  Mono<ObjectNode> findForUpdate(EntityTable t, long id) {
    return find(t, id, " for update");
  }

  private Mono<ObjectNode> find(EntityTable t, long id, String lock) {
    return db.sql("select " + t.selectList + " from " + t.table + " where \"id\" = $1" + lock)
        .bind(0, id)
        .map(row -> rows.record(t, row))
        .one()
        .flatMap(record -> attach(t, List.of(record)).thenReturn(record));
  }

  /** Records by id, with child rows and links; ids not found are left out. */
  Mono<List<ObjectNode>> findAll(EntityTable t, Long[] ids) {
    return db.sql("select " + t.selectList + " from " + t.table + " where \"id\" = any($1) order by \"id\"")
        .bind(0, ids)
        .map(row -> rows.record(t, row))
        .all().collectList()
        .flatMap(list -> attach(t, list).thenReturn(list));
  }

  /** One page of records matching {@code where} (compiled from a checked query), with its total. */
  Mono<Page> list(EntityTable t, Query query, QuerySql.Fragment where) {
    String from = " from " + t.table + " t where " + where.sql();
    return Mono.zip(rows(t, query, where), counts.count(t.table, from, where.binds()))
        .map(r -> new Page(r.getT1(), query.page(), query.size(), r.getT2().total(), r.getT2().estimated()));
  }

  /** The records of one page of {@code query}, child rows attached, without counting the total. */
  Mono<List<ObjectNode>> rows(EntityTable t, Query query, QuerySql.Fragment where) {
    return SqlBinder.bind(db.sql(pageSql(t, query, where)), where.binds())
        .map(row -> rows.record(t, row)).all().collectList()
        .flatMap(list -> needsChildren(t, query) ? attach(t, list).thenReturn(list) : Mono.just(list));
  }

  /**
   * The statement of one page: the query's sort, then the entity type's default sort for ties
   * (rows equal on a sorted column come in the order the list shows by default), then {@code id}
   * so that pages never overlap; nulls last. This order is what the sort indexes hold (see
   * {@code io.kith.schema.SortIndexes}), so the page is read from an index and cut by the limit.
   */
  static String pageSql(EntityTable t, Query query, QuerySql.Fragment where) {
    List<SortSpec> keys = new ArrayList<>(query.sort());
    SortSpec fallback = t.entity.defaultSort();
    if (fallback != null && keys.stream().noneMatch(k -> k.name().equals(fallback.name()))) {
      keys.add(fallback);
    }
    StringBuilder order = new StringBuilder();
    for (SortSpec key : keys) {
      if (key.name().equals("id")) {
        // Unique: nothing after it changes the order.
        return page(t, where, order.append("\"id\"").append(key.descending() ? " desc" : ""), query);
      }
      order.append(SqlNames.quote(key.name())).append(key.descending() ? " desc nulls last, " : " asc nulls last, ");
    }
    return page(t, where, order.append("\"id\""), query);
  }

  private static String page(EntityTable t, QuerySql.Fragment where, CharSequence order, Query query) {
    return "select " + t.selectList + " from " + t.table + " t where " + where.sql() + " order by " + order
        + " limit " + query.size() + " offset " + query.offset();
  }

  /** Child rows are loaded unless the query's columns show none of them (a list page). */
  private static boolean needsChildren(EntityTable t, Query query) {
    return query.columns().isEmpty() || query.columns().stream().anyMatch(c -> t.entity.field(c)
        .map(f -> f.type() instanceof FieldType.Collection || f.type() instanceof FieldType.MultiReference)
        .orElse(false));
  }

  /** Loads collection rows and link ids for a page of records. */
  Mono<Void> attach(EntityTable t, List<ObjectNode> records) {
    if (records.isEmpty() || (t.collectionFields.isEmpty() && t.linkFields.isEmpty())) {
      return Mono.empty();
    }
    Map<Long, ObjectNode> byId = new LinkedHashMap<>();
    records.forEach(r -> byId.put(r.get("id").asLong(), r));
    Long[] ids = byId.keySet().toArray(Long[]::new);
    List<Mono<Void>> loads = new ArrayList<>();
    for (FieldDef field : t.collectionFields) {
      List<FieldDef> children = ((FieldType.Collection) field.type()).fields();
      String columns = children.stream().map(f -> SqlNames.quote(f.name())).collect(Collectors.joining(", "));
      String sql = "select \"parent_id\"" + (columns.isEmpty() ? "" : ", " + columns) + " from "
          + t.childTable(field) + " where \"parent_id\" = any($1) order by \"parent_id\", \"position\"";
      loads.add(db.sql(sql).bind(0, ids)
          .map(row -> Map.entry(row.get("parent_id", Long.class), rows.childRow(children, row)))
          .all()
          .doOnNext(e -> ((ArrayNode) byId.get(e.getKey()).get(field.name())).add(e.getValue()))
          .then());
    }
    for (FieldDef field : t.linkFields) {
      String sql = "select \"source_id\", \"target_id\" from " + t.childTable(field)
          + " where \"source_id\" = any($1) order by \"source_id\", \"position\"";
      loads.add(db.sql(sql).bind(0, ids)
          .map(row -> Map.entry(row.get(0, Long.class), row.get(1, Long.class)))
          .all()
          .doOnNext(e -> ((ArrayNode) byId.get(e.getKey()).get(field.name())).add(e.getValue()))
          .then());
    }
    return Flux.merge(loads).then();
  }

  /** Id, subtype and the columns of the display-name template, for many ids in one query. */
  Mono<Map<Long, ObjectNode>> labelValues(EntityTable t, Long[] ids) {
    return db.sql("select " + t.labelSelect + " from " + t.table + " where \"id\" = any($1)")
        .bind(0, ids)
        .map(row -> rows.labelRow(t, row))
        .all()
        .collectMap(r -> r.get("id").asLong(), r -> r);
  }

  /**
   * Records whose display name (or, without a stored one, a display-name column) contains
   * {@code text}, prefix matches first. {@code text} is a bind parameter with LIKE wildcards escaped.
   */
  /** {@code scope} narrows the rows (the caller's record scope; its binds come first). */
  Flux<ObjectNode> autocomplete(EntityTable t, String text, int limit, QuerySql.Fragment scope) {
    String pattern = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    int first = scope.binds().size() + 1;
    String match = t.searchColumns.stream()
        .map(c -> "t." + SqlNames.quote(c) + " ilike $" + first)
        .collect(Collectors.joining(" or "));
    String prefix = t.searchColumns.stream()
        .map(c -> "t." + SqlNames.quote(c) + " ilike $" + (first + 1))
        .collect(Collectors.joining(" or "));
    String sql = "select " + t.labelSelect + " from " + t.table + " t where t.\"active\" and (" + match
        + ") and " + scope.sql() + " order by case when (" + prefix + ") then 0 else 1 end, t.\"id\" limit " + limit;
    List<Bind> binds = new ArrayList<>(scope.binds());
    binds.add(new Bind("%" + pattern + "%", String.class));
    binds.add(new Bind(pattern + "%", String.class));
    return SqlBinder.bind(db.sql(sql), binds).map(row -> rows.labelRow(t, row)).all();
  }

  /** Labels of records of {@code t} whose reference or multi-reference {@code field} holds {@code targetId}. */
  Mono<Map.Entry<List<ObjectNode>, Long>> referencing(EntityTable t, FieldDef field, long targetId, int limit,
      QuerySql.Fragment scope) {
    String where = (field.type() instanceof FieldType.MultiReference
        ? " t where t.\"id\" in (select \"source_id\" from " + t.childTable(field) + " where \"target_id\" = $1)"
        : " t where t." + SqlNames.quote(field.name()) + " = $1") + " and " + scope.sql();
    List<Bind> binds = new ArrayList<>();
    binds.add(new Bind(targetId, Long.class));
    binds.addAll(scope.binds());
    Mono<List<ObjectNode>> items = SqlBinder.bind(db.sql("select " + t.labelSelect + " from " + t.table + where
            + " order by t.\"id\" desc limit " + limit), binds)
        .map(row -> rows.labelRow(t, row)).all().collectList();
    Mono<Long> total = SqlBinder.bind(db.sql("select count(*) from " + t.table + where), binds)
        .map(row -> row.get(0, Long.class)).one();
    return Mono.zip(items, total).map(r -> Map.entry(r.getT1(), r.getT2()));
  }

  /**
   * Inserts a record with its child rows and returns it as stored: the row comes back from the
   * insert itself and the child rows are the ones just written, so nothing is read again.
   */
  /** Inserts a record owned (and created) by {@code actor}, null for nobody. */
  Mono<ObjectNode> insert(EntityTable t, RecordInput input, Map<String, Object> computed, Long actor) {
    List<Bind> binds = new ArrayList<>();
    if (t.entity.hasSubtypes()) {
      binds.add(new Bind(input.subtype(), String.class));
    }
    for (FieldDef field : t.columnFields) {
      Object value = computed.containsKey(field.name()) ? computed.get(field.name()) : input.columns().get(field.name());
      binds.add(new Bind(value, columnClass(field)));
    }
    for (String column : t.searchColumnsWritten) {
      binds.add(new Bind(computed.get(column), SearchValues.columnClass(column)));
    }
    for (int i = 0; i < EntityTable.ACTOR_COLUMNS.size(); i++) {
      binds.add(new Bind(actor, Long.class));
    }
    return SqlBinder.bind(db.sql(t.insertSql), binds)
        .map(row -> rows.record(t, row)).one()
        .flatMap(record -> writeChildren(t, record.get("id").asLong(), input)
            .then(Mono.fromSupplier(() -> rows.withInput(t, record, input))));
  }

  /**
   * Updates the sent columns and bumps the version. With {@code expectedVersion} the row changes
   * only if it still has that version. Emits the number of rows changed (0 or 1).
   */
  Mono<Long> update(EntityTable t, long id, Integer expectedVersion, RecordInput input, Map<String, Object> computed,
      Long actor) {
    List<Bind> binds = new ArrayList<>(List.of(new Bind(actor, Long.class)));
    StringBuilder set = new StringBuilder("\"version\" = \"version\" + 1, \"updated_at\" = now(), \"updated_by\" = $1");
    Map<String, Object> values = new LinkedHashMap<>(input.columns());
    values.putAll(computed);
    for (Map.Entry<String, Object> e : values.entrySet()) {
      binds.add(new Bind(e.getValue(), SearchColumns.isSearchColumn(e.getKey())
          ? SearchValues.columnClass(e.getKey()) : columnClass(t.entity.field(e.getKey()).orElseThrow())));
      set.append(", ").append(SqlNames.quote(e.getKey())).append(" = $").append(binds.size());
    }
    binds.add(new Bind(id, Long.class));
    String where = " where \"id\" = $" + binds.size() + " and \"active\"";
    if (expectedVersion != null) {
      binds.add(new Bind(expectedVersion, Integer.class));
      where += " and \"version\" = $" + binds.size();
    }
    return SqlBinder.bind(db.sql("update " + t.table + " set " + set + where), binds)
        .fetch().rowsUpdated()
        .flatMap(count -> count == 0 ? Mono.just(0L) : replaceChildren(t, id, input).thenReturn(count));
  }

  /** Sets {@code active} for the given ids; emits the ids of the rows that changed. */
  Mono<List<Long>> setActive(EntityTable t, Long[] ids, boolean active) {
    return db.sql("update " + t.table + " set \"active\" = $1, \"version\" = \"version\" + 1, "
            + "\"updated_at\" = now() where \"id\" = any($2) and \"active\" <> $1 returning \"id\"")
        .bind(0, active).bind(1, ids)
        .map(row -> row.get(0, Long.class)).all().collectList();
  }

  Mono<Long> delete(EntityTable t, long id) {
    return db.sql("delete from " + t.table + " where \"id\" = $1").bind(0, id).fetch().rowsUpdated();
  }

  /** Version and active flag of one record, to explain why a conditional update changed nothing. */
  Mono<Map.Entry<Integer, Boolean>> state(EntityTable t, long id) {
    return db.sql("select \"version\", \"active\" from " + t.table + " where \"id\" = $1")
        .bind(0, id)
        .map(row -> Map.entry(row.get(0, Integer.class), row.get(1, Boolean.class)))
        .one();
  }

  private Mono<Void> replaceChildren(EntityTable t, long id, RecordInput input) {
    List<Mono<Long>> deletes = new ArrayList<>();
    for (FieldDef field : t.collectionFields) {
      if (input.collections().containsKey(field.name())) {
        deletes.add(db.sql("delete from " + t.childTable(field) + " where \"parent_id\" = $1").bind(0, id).fetch().rowsUpdated());
      }
    }
    for (FieldDef field : t.linkFields) {
      if (input.links().containsKey(field.name())) {
        deletes.add(db.sql("delete from " + t.childTable(field) + " where \"source_id\" = $1").bind(0, id).fetch().rowsUpdated());
      }
    }
    return Flux.concat(deletes).then(writeChildren(t, id, input));
  }

  private Mono<Void> writeChildren(EntityTable t, long id, RecordInput input) {
    List<Mono<Long>> writes = new ArrayList<>();
    for (FieldDef field : t.collectionFields) {
      List<Map<String, Object>> childRows = input.collections().get(field.name());
      if (childRows != null && !childRows.isEmpty()) {
        writes.add(insertRows(t.childTable(field), ((FieldType.Collection) field.type()).fields(), id, childRows));
      }
    }
    for (FieldDef field : t.linkFields) {
      List<Long> targets = input.links().get(field.name());
      if (targets != null && !targets.isEmpty()) {
        StringBuilder sql = new StringBuilder("insert into " + t.childTable(field)
            + " (\"source_id\", \"target_id\", \"position\") values ");
        List<Bind> binds = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
          binds.add(new Bind(id, Long.class));
          binds.add(new Bind(targets.get(i), Long.class));
          binds.add(new Bind(i, Integer.class));
          sql.append(i > 0 ? ", " : "").append(placeholders(binds.size() - 2, 3));
        }
        writes.add(SqlBinder.bind(db.sql(sql.toString()), binds).fetch().rowsUpdated());
      }
    }
    return Flux.concat(writes).then();
  }

  private Mono<Long> insertRows(String table, List<FieldDef> fields, long parentId, List<Map<String, Object>> childRows) {
    String columns = fields.stream().map(f -> ", " + SqlNames.quote(f.name())).collect(Collectors.joining());
    StringBuilder sql = new StringBuilder("insert into " + table + " (\"parent_id\", \"position\"" + columns + ") values ");
    List<Bind> binds = new ArrayList<>();
    for (int i = 0; i < childRows.size(); i++) {
      int first = binds.size() + 1;
      binds.add(new Bind(parentId, Long.class));
      binds.add(new Bind(i, Integer.class));
      for (FieldDef f : fields) {
        binds.add(new Bind(childRows.get(i).get(f.name()), columnClass(f)));
      }
      sql.append(i > 0 ? ", " : "").append(placeholders(first, fields.size() + 2));
    }
    return SqlBinder.bind(db.sql(sql.toString()), binds).fetch().rowsUpdated();
  }

  private static String placeholders(int first, int count) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < count; i++) {
      out.append(i > 0 ? ", " : "").append('$').append(first + i);
    }
    return out.append(')').toString();
  }

  private Class<?> columnClass(FieldDef field) {
    return fieldTypes.of(field.type()).columnClass(field.type());
  }
}
