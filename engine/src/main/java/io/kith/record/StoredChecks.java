package io.kith.record;

import io.kith.validation.RecordValidationException;
import io.kith.validation.FieldError;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.schema.SqlNames;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The checks that need the database: referenced records exist (and have the right subtype), and
 * unique values are not taken. They run for a whole batch of inputs at once (one record from the
 * API is a batch of one): one query per target entity type for references and one per unique
 * group, never one per record. The unique indexes still guard against races; these checks make
 * the error name the field.
 */
final class StoredChecks {

  private final DatabaseClient db;

  StoredChecks(DatabaseClient db) {
    this.db = db;
  }

  /** Completes empty when all is well; errors with every problem found otherwise. */
  Mono<Void> check(MetadataSnapshot snapshot, EntityDef entity, RecordInput input, Long selfId,
      Map<String, Object> storedColumns) {
    return checkAll(snapshot, entity, List.of(new Subject(input, selfId, storedColumns)))
        .flatMap(errors -> errors.get(0).isEmpty() ? Mono.empty()
            : Mono.error(new RecordValidationException(errors.get(0))));
  }

  /**
   * One input to check.
   *
   * @param selfId the record being changed (its own values are not duplicates), or null
   * @param stored stored values of unique-group columns the input does not send
   */
  record Subject(RecordInput input, Long selfId, Map<String, Object> stored) {}

  /** The errors of each subject, in order (an empty list for a subject that passed). */
  Mono<List<List<FieldError>>> checkAll(MetadataSnapshot snapshot, EntityDef entity, List<Subject> subjects) {
    List<List<FieldError>> errors = new ArrayList<>();
    subjects.forEach(s -> errors.add(new ArrayList<>()));
    return Flux.concat(references(snapshot, entity, subjects, errors), unique(entity, subjects, errors))
        .then(Mono.fromSupplier(() -> errors));
  }

  /** A referenced record that must exist, with one of {@code subtypes} when that is not empty. */
  private record Wanted(int row, String path, long id, java.util.Set<String> subtypes) {
    Wanted(int row, String path, long id, String subtype) {
      this(row, path, id, subtype == null ? java.util.Set.of() : java.util.Set.of(subtype));
    }
  }

  private Mono<Void> references(MetadataSnapshot snapshot, EntityDef entity, List<Subject> subjects,
      List<List<FieldError>> errors) {
    Map<String, List<Wanted>> byTarget = new LinkedHashMap<>();
    for (int row = 0; row < subjects.size(); row++) {
      RecordInput input = subjects.get(row).input();
      for (FieldDef field : entity.fields()) {
        if (field.type() instanceof FieldType.Reference r && input.columns().get(field.name()) instanceof Long id) {
          byTarget.computeIfAbsent(r.entity(), k -> new ArrayList<>()).add(new Wanted(row, field.name(), id, r.subtype()));
        } else if (field.type() instanceof FieldType.MultiReference r && input.links().containsKey(field.name())) {
          List<Long> ids = input.links().get(field.name());
          for (int i = 0; i < ids.size(); i++) {
            byTarget.computeIfAbsent(r.entity(), k -> new ArrayList<>())
                .add(new Wanted(row, field.name() + "[" + i + "]", ids.get(i), r.subtype()));
          }
        } else if (field.type() instanceof FieldType.Collection c && input.collections().containsKey(field.name())) {
          List<Map<String, Object>> rows = input.collections().get(field.name());
          for (FieldDef child : c.fields()) {
            if (child.type() instanceof FieldType.Reference r) {
              for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).get(child.name()) instanceof Long id) {
                  byTarget.computeIfAbsent(r.entity(), k -> new ArrayList<>())
                      .add(new Wanted(row, field.name() + "[" + i + "]." + child.name(), id, r.subtype()));
                }
              }
            }
          }
        }
      }
    }
    RelationshipSides.wanted(snapshot, entity, subjects, errors, (row, field, target, subtypes) ->
        byTarget.computeIfAbsent(target.entity(), k -> new ArrayList<>()).add(new Wanted(row, field, target.id(), subtypes)));
    return Flux.fromIterable(byTarget.entrySet())
        .concatMap(e -> missing(snapshot.entity(e.getKey()).orElseThrow(), e.getValue(), errors))
        .then(Acyclic.check(db, entity, subjects, errors));
  }

  private Mono<Void> missing(EntityDef target, List<Wanted> wanted, List<List<FieldError>> errors) {
    Long[] ids = wanted.stream().map(Wanted::id).distinct().toArray(Long[]::new);
    String subtype = target.hasSubtypes() ? "\"subtype\"" : "null::text";
    return db.sql("select \"id\", " + subtype + " from " + SqlNames.table(target.name()) + " where \"id\" = any($1)")
        .bind(0, ids)
        .map(row -> Map.entry(row.get(0, Long.class), Objects.toString(row.get(1, String.class), "")))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
        .doOnNext(found -> {
          for (Wanted w : wanted) {
            String actual = found.get(w.id());
            if (actual == null) {
              errors.get(w.row()).add(FieldError.of(w.path(), "not_found", w.id()));
            } else if (!w.subtypes().isEmpty() && !w.subtypes().contains(actual)) {
              FieldError error = FieldError.of(w.path(), "wrong_subtype", String.join(", ", w.subtypes()));
              if (!errors.get(w.row()).contains(error)) {
                errors.get(w.row()).add(error);
              }
            }
          }
        })
        .then();
  }

  private Mono<Void> unique(EntityDef entity, List<Subject> subjects, List<List<FieldError>> errors) {
    List<List<String>> groups = new ArrayList<>();
    entity.fields().stream().filter(FieldDef::unique).forEach(f -> groups.add(List.of(f.name())));
    groups.addAll(entity.uniqueTogether());
    return Flux.fromIterable(groups).concatMap(group -> taken(entity, group, subjects, errors)).then();
  }

  /** One query for the whole batch; values repeated inside the batch are duplicates too. */
  private Mono<Void> taken(EntityDef entity, List<String> group, List<Subject> subjects, List<List<FieldError>> errors) {
    Map<Integer, List<Object>> tuples = new LinkedHashMap<>();
    for (int row = 0; row < subjects.size(); row++) {
      Subject s = subjects.get(row);
      if (group.stream().noneMatch(s.input().columns()::containsKey)) {
        continue;
      }
      List<Object> tuple = new ArrayList<>();
      for (String name : group) {
        Object value = s.input().columns().containsKey(name) ? s.input().columns().get(name) : s.stored().get(name);
        if (value == null || value.getClass().isArray()) {
          tuple = null;
          break;
        }
        tuple.add(normal(value));
      }
      if (tuple != null) {
        tuples.put(row, tuple);
      }
    }
    if (tuples.isEmpty()) {
      return Mono.empty();
    }
    List<String> conditions = new ArrayList<>();
    List<Object> arrays = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      int column = i;
      Class<?> type = tuples.values().iterator().next().get(i).getClass();
      Object[] values = tuples.values().stream().map(t -> t.get(column)).distinct().toArray(n -> (Object[]) Array.newInstance(type, n));
      arrays.add(values);
      conditions.add(SqlNames.quote(group.get(i)) + " = any($" + (i + 1) + ")");
    }
    String select = group.stream().map(SqlNames::quote).reduce("\"id\"", (a, b) -> a + ", " + b);
    DatabaseClient.GenericExecuteSpec spec = db.sql("select " + select + " from " + SqlNames.table(entity.name()) + " where " + String.join(" and ", conditions));
    for (int i = 0; i < arrays.size(); i++) {
      spec = spec.bind(i, arrays.get(i));
    }
    return spec.map(row -> {
          List<Object> tuple = new ArrayList<>();
          for (int i = 0; i < group.size(); i++) {
            tuple.add(normal(row.get(i + 1)));
          }
          return Map.entry(tuple, row.get(0, Long.class));
        })
        .all()
        .collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
        .doOnNext(found -> {
          Map<List<Object>, Long> inBatch = new HashMap<>();
          for (Map.Entry<Integer, List<Object>> e : tuples.entrySet()) {
            Subject s = subjects.get(e.getKey());
            boolean taken = found.getOrDefault(e.getValue(), List.of()).stream().anyMatch(id -> !id.equals(s.selfId()));
            Long self = s.selfId() == null ? -1L - e.getKey() : s.selfId();
            Long earlier = inBatch.putIfAbsent(e.getValue(), self);
            if (taken || (earlier != null && !earlier.equals(self))) {
              String field = group.stream().filter(s.input().columns()::containsKey).findFirst().orElse(group.get(0));
              errors.get(e.getKey()).add(FieldError.of(field, "duplicate"));
            }
          }
        })
        .then();
  }

  /** Values compared the way the database compares them ({@code 1.50 = 1.5}). */
  private static Object normal(Object value) {
    if (value instanceof java.time.OffsetDateTime t) {
      return t.withOffsetSameInstant(java.time.ZoneOffset.UTC);
    }
    return value instanceof BigDecimal d ? d.stripTrailingZeros() : value;
  }
}
