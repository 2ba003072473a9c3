package io.kith.record;

import io.kith.access.Access;
import io.kith.audit.HistoryWriter;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.query.Filter;
import io.kith.query.QuerySql;
import io.kith.schema.SqlNames;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adds and removes targets of one multi-reference field on many records at once (contacts into a
 * group, a tag onto contacts): one insert and one delete over the link table for the whole
 * selection, then the changed records' versions and audit history, all in one transaction.
 * Inactive records and records outside the caller's scope are not touched.
 */
final class BulkLinks {

  /** Most records one request may change. */
  static final int MAX_RECORDS = 10_000;

  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final RecordStore store;
  private final HistoryWriter history;
  private final QuerySql querySql;

  BulkLinks(DatabaseClient db, TransactionalOperator tx, RecordStore store, HistoryWriter history, QuerySql querySql) {
    this.db = db;
    this.tx = tx;
    this.store = store;
    this.history = history;
    this.querySql = querySql;
  }

  /** {@code selection} is the caller's scope and the request's ids or query, already combined. */
  Mono<LinkEdit> edit(EntityTable t, FieldDef field, Filter selection, List<Long> add, List<Long> remove, Access access) {
    FieldType.MultiReference ref = (FieldType.MultiReference) field.type();
    return sources(t, selection)
        .flatMap(sources -> targetsExist(ref, add)
            .then(acyclic(t, field, ref, sources, add))
            .then(tx.transactional(write(t, field, sources, add, remove, access))));
  }

  private Mono<Long[]> sources(EntityTable t, Filter selection) {
    QuerySql.Fragment where = querySql.where(t.entity, selection, "t");
    String sql = "select t.\"id\" from " + t.table + " t where t.\"active\" and " + where.sql()
        + " order by t.\"id\" limit " + (MAX_RECORDS + 1);
    return SqlBinder.bind(db.sql(sql), where.binds()).map(row -> row.get(0, Long.class)).all().collectList()
        .map(ids -> {
          if (ids.size() > MAX_RECORDS) {
            throw new RecordValidationException(List.of(FieldError.of("ids", "too_many_records", MAX_RECORDS)));
          }
          return ids.toArray(Long[]::new);
        });
  }

  private Mono<Void> targetsExist(FieldType.MultiReference ref, List<Long> add) {
    if (add.isEmpty()) {
      return Mono.empty();
    }
    String subtype = ref.subtype() == null ? "null::text" : "\"subtype\"";
    return db.sql("select \"id\", " + subtype + " from " + SqlNames.table(ref.entity()) + " where \"id\" = any($1)")
        .bind(0, add.toArray(Long[]::new))
        .map(row -> Map.entry(row.get(0, Long.class), java.util.Objects.toString(row.get(1, String.class), "")))
        .all().collectMap(Map.Entry::getKey, Map.Entry::getValue)
        .flatMap(found -> {
          List<FieldError> errors = new ArrayList<>();
          for (int i = 0; i < add.size(); i++) {
            String subtypeFound = found.get(add.get(i));
            if (subtypeFound == null) {
              errors.add(FieldError.of("add[" + i + "]", "not_found", add.get(i)));
            } else if (ref.subtype() != null && !ref.subtype().equals(subtypeFound)) {
              errors.add(FieldError.of("add[" + i + "]", "wrong_subtype", ref.subtype()));
            }
          }
          return errors.isEmpty() ? Mono.empty() : Mono.error(new RecordValidationException(errors));
        });
  }

  private Mono<Void> acyclic(EntityTable t, FieldDef field, FieldType.MultiReference ref, Long[] sources, List<Long> add) {
    if (!ref.acyclic() || add.isEmpty()) {
      return Mono.empty();
    }
    return Flux.fromArray(sources)
        .concatMap(source -> Acyclic.reaches(db, t.entity, field, add.toArray(Long[]::new), source))
        .any(Boolean::booleanValue)
        .flatMap(cycle -> cycle ? Mono.error(new RecordValidationException(List.of(FieldError.of("add", "cycle"))))
            : Mono.empty());
  }

  private Mono<LinkEdit> write(EntityTable t, FieldDef field, Long[] sources, List<Long> add, List<Long> remove,
      Access access) {
    String links = t.childTable(field);
    Mono<List<Long>> added = add.isEmpty() || sources.length == 0 ? Mono.just(List.of())
        : db.sql("insert into " + links + " (\"source_id\", \"target_id\", \"position\") "
                + "select s.id, a.target, coalesce((select max(x.\"position\") from " + links
                + " x where x.\"source_id\" = s.id), -1) + a.ord::integer "
                + "from unnest($1::bigint[]) as s(id) cross join unnest($2::bigint[]) with ordinality as a(target, ord) "
                + "on conflict do nothing returning \"source_id\"")
            .bind(0, sources).bind(1, add.stream().distinct().toArray(Long[]::new))
            .map(row -> row.get(0, Long.class)).all().collectList();
    Mono<List<Long>> removed = remove.isEmpty() || sources.length == 0 ? Mono.just(List.of())
        : db.sql("delete from " + links + " where \"source_id\" = any($1) and \"target_id\" = any($2) returning \"source_id\"")
            .bind(0, sources).bind(1, remove.toArray(Long[]::new))
            .map(row -> row.get(0, Long.class)).all().collectList();
    return store.findAll(t, sources).flatMap(before -> added.zipWith(removed).flatMap(done -> {
      Set<Long> changed = new LinkedHashSet<>(done.getT1());
      changed.addAll(done.getT2());
      LinkEdit result = new LinkEdit(sources.length, changed.size(), done.getT1().size(), done.getT2().size());
      if (changed.isEmpty()) {
        return Mono.just(result);
      }
      Long[] ids = changed.toArray(Long[]::new);
      Map<Long, ObjectNode> old = new java.util.HashMap<>();
      before.forEach(r -> old.put(r.get("id").asLong(), r));
      return SqlBinder.bind(db.sql("update " + t.table + " set \"version\" = \"version\" + 1, \"updated_at\" = now(), "
              + "\"updated_by\" = $1 where \"id\" = any($2)"),
              List.of(new io.kith.query.Bind(access.userId(), Long.class), new io.kith.query.Bind(ids, Long[].class)))
          .fetch().rowsUpdated()
          .then(store.findAll(t, ids))
          .flatMapMany(Flux::fromIterable)
          .concatMap(after -> history.updated(t.entity, old.get(after.get("id").asLong()), after))
          .then(Mono.just(result));
    }));
  }
}
