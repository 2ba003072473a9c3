package io.kith.record;

import io.kith.validation.RecordValidationException;
import io.kith.validation.FieldError;
import io.kith.metadata.EntityDef;
import io.kith.query.Bind;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.schema.SqlNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The checks that need the database: referenced records exist (and have the right subtype), and
 * unique values are not taken. References are checked with one query per target entity type. The
 * unique indexes still guard against races; these checks make the error name the field.
 */
final class StoredChecks {

  private final DatabaseClient db;

  StoredChecks(DatabaseClient db) {
    this.db = db;
  }

  /** Completes empty when all is well; errors with every problem found otherwise. */
  Mono<Void> check(MetadataSnapshot snapshot, EntityDef entity, RecordInput input, Long selfId,
      Map<String, Object> storedColumns) {
    return Flux.concat(references(snapshot, entity, input), unique(entity, input, selfId, storedColumns))
        .collectList()
        .flatMap(errors -> errors.isEmpty() ? Mono.empty() : Mono.error(new RecordValidationException(errors)));
  }

  private record Wanted(String path, long id, String subtype) {}

  private Flux<FieldError> references(MetadataSnapshot snapshot, EntityDef entity, RecordInput input) {
    Map<String, List<Wanted>> byTarget = new LinkedHashMap<>();
    for (FieldDef field : entity.fields()) {
      if (field.type() instanceof FieldType.Reference r && input.columns().get(field.name()) instanceof Long id) {
        byTarget.computeIfAbsent(r.entity(), k -> new ArrayList<>()).add(new Wanted(field.name(), id, r.subtype()));
      } else if (field.type() instanceof FieldType.MultiReference r && input.links().containsKey(field.name())) {
        List<Long> ids = input.links().get(field.name());
        for (int i = 0; i < ids.size(); i++) {
          byTarget.computeIfAbsent(r.entity(), k -> new ArrayList<>())
              .add(new Wanted(field.name() + "[" + i + "]", ids.get(i), r.subtype()));
        }
      } else if (field.type() instanceof FieldType.Collection c && input.collections().containsKey(field.name())) {
        List<Map<String, Object>> rows = input.collections().get(field.name());
        for (FieldDef child : c.fields()) {
          if (child.type() instanceof FieldType.Reference r) {
            for (int i = 0; i < rows.size(); i++) {
              if (rows.get(i).get(child.name()) instanceof Long id) {
                byTarget.computeIfAbsent(r.entity(), k -> new ArrayList<>())
                    .add(new Wanted(field.name() + "[" + i + "]." + child.name(), id, r.subtype()));
              }
            }
          }
        }
      }
    }
    return Flux.fromIterable(byTarget.entrySet())
        .concatMap(e -> missing(snapshot.entity(e.getKey()).orElseThrow(), e.getValue()));
  }

  private Flux<FieldError> missing(EntityDef target, List<Wanted> wanted) {
    Long[] ids = wanted.stream().map(Wanted::id).distinct().toArray(Long[]::new);
    String subtype = target.hasSubtypes() ? "\"subtype\"" : "null::text";
    return db.sql("select \"id\", " + subtype + " from " + SqlNames.table(target.name()) + " where \"id\" = any($1)")
        .bind(0, ids)
        .map(row -> Map.entry(row.get(0, Long.class), Objects.toString(row.get(1, String.class), "")))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
        .flatMapMany(found -> Flux.fromIterable(wanted).handle((w, sink) -> {
          String actual = found.get(w.id());
          if (actual == null) {
            sink.next(FieldError.of(w.path(), "not_found", w.id()));
          } else if (w.subtype() != null && !w.subtype().equals(actual)) {
            sink.next(FieldError.of(w.path(), "wrong_subtype", w.subtype()));
          }
        }));
  }

  private Flux<FieldError> unique(EntityDef entity, RecordInput input, Long selfId, Map<String, Object> stored) {
    List<List<String>> groups = new ArrayList<>();
    entity.fields().stream().filter(FieldDef::unique).forEach(f -> groups.add(List.of(f.name())));
    groups.addAll(entity.uniqueTogether());
    return Flux.fromIterable(groups)
        .filter(group -> group.stream().anyMatch(input.columns()::containsKey))
        .concatMap(group -> taken(entity, group, input, selfId, stored));
  }

  private Mono<FieldError> taken(EntityDef entity, List<String> group, RecordInput input, Long selfId,
      Map<String, Object> stored) {
    List<Bind> binds = new ArrayList<>();
    List<String> conditions = new ArrayList<>();
    for (String name : group) {
      Object value = input.columns().containsKey(name) ? input.columns().get(name) : stored.get(name);
      if (value == null) {
        return Mono.empty();
      }
      binds.add(new Bind(value, value.getClass()));
      conditions.add(SqlNames.quote(name) + " = $" + binds.size());
    }
    if (selfId != null) {
      binds.add(new Bind(selfId, Long.class));
      conditions.add("\"id\" <> $" + binds.size());
    }
    String sql = "select 1 from " + SqlNames.table(entity.name()) + " where " + String.join(" and ", conditions) + " limit 1";
    String field = group.stream().filter(input.columns()::containsKey).findFirst().orElse(group.get(0));
    return SqlBinder.bind(db.sql(sql), binds).map(row -> 1).one()
        .map(found -> FieldError.of(field, "duplicate"));
  }
}
