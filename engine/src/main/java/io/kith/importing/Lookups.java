package io.kith.importing;

import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataSnapshot;
import io.kith.schema.SqlNames;
import io.kith.validation.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;

/**
 * The database lookups an import needs, once per batch: records referenced by a key (one query
 * per target type and key field) and existing duplicates (one query). Text is compared ignoring
 * case; only active records match. Names come from checked metadata paths; values are bound.
 */
final class Lookups {

  private final DatabaseClient db;

  Lookups(DatabaseClient db) {
    this.db = db;
  }

  /** Fills every reference of the batch with its record's id, or records why none was found. */
  Mono<Void> resolveReferences(MetadataSnapshot snapshot, List<Converted> rows) {
    Map<List<String>, Set<String>> wanted = new LinkedHashMap<>();
    rows.forEach(r -> r.refs.forEach(ref ->
        wanted.computeIfAbsent(List.of(ref.entity(), ref.match()), k -> new LinkedHashSet<>()).add(ref.key())));
    return Flux.fromIterable(wanted.entrySet())
        .concatMap(e -> find(snapshot.entity(e.getKey().get(0)).orElseThrow(), List.of(FieldPath.parse(e.getKey().get(1))),
            e.getValue().stream().map(List::of).toList())
            .map(found -> Map.entry(e.getKey(), found)))
        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
        .doOnNext(found -> {
          for (Converted row : rows) {
            for (Converted.Ref ref : row.refs) {
              Set<Long> ids = found.get(List.of(ref.entity(), ref.match())).getOrDefault(List.of(ref.key()), Set.of());
              String path = ref.position() < 0 ? ref.field() : ref.field() + "[" + ref.position() + "]";
              if (ids.size() == 1) {
                long id = ids.iterator().next();
                if (ref.position() < 0) {
                  row.body.put(ref.field(), id);
                } else {
                  ((ArrayNode) row.body.get(ref.field())).set(ref.position(), row.body.numberNode(id));
                }
              } else {
                row.errors.add(FieldError.of(path, ids.isEmpty() ? "no_match" : "ambiguous_match", ref.cell(), ref.match(),
                    ids.size()));
              }
            }
          }
          // Unresolved entries of a multi-reference are dropped so the rest of the row can be checked.
          for (Converted row : rows) {
            row.refs.stream().filter(ref -> ref.position() >= 0).map(Converted.Ref::field).distinct().forEach(field -> {
              ArrayNode ids = (ArrayNode) row.body.get(field);
              for (int i = ids.size() - 1; i >= 0; i--) {
                if (ids.get(i).isNull()) {
                  ids.remove(i);
                }
              }
            });
          }
        })
        .then();
  }

  /** Ids of active records of {@code entity} by key tuple (each part lower-cased text). */
  Mono<Map<List<String>, Set<Long>>> find(EntityDef entity, List<FieldPath> key, List<List<String>> tuples) {
    if (tuples.isEmpty()) {
      return Mono.just(Map.of());
    }
    String table = SqlNames.table(entity.name());
    StringBuilder from = new StringBuilder(table + " t");
    List<String> expressions = new ArrayList<>();
    Map<String, String> joined = new HashMap<>();
    for (FieldPath path : key) {
      if (path.inCollection()) {
        String alias = joined.computeIfAbsent(path.field(), f -> {
          String a = "c" + joined.size();
          from.append(" join ").append(SqlNames.table(SqlNames.childTable(entity.name(), f))).append(' ').append(a)
              .append(" on ").append(a).append(".\"parent_id\" = t.\"id\"");
          return a;
        });
        expressions.add("lower(" + alias + "." + SqlNames.quote(path.child()) + "::text)");
      } else {
        expressions.add("lower(t." + SqlNames.quote(path.field()) + "::text)");
      }
    }
    // The keys join as a table (hashed once), rather than "= any(array)" compared row by row.
    List<String> keyColumns = new ArrayList<>();
    List<String> on = new ArrayList<>();
    for (int i = 0; i < expressions.size(); i++) {
      keyColumns.add("k" + i);
      on.add(expressions.get(i) + " = k.k" + i);
    }
    String arrays = java.util.stream.IntStream.range(0, key.size()).mapToObj(i -> "$" + (i + 1) + "::text[]")
        .collect(java.util.stream.Collectors.joining(", "));
    String sql = "select distinct t.\"id\", " + String.join(", ", expressions) + " from " + from
        + " join unnest(" + arrays + ") as k(" + String.join(", ", keyColumns) + ") on " + String.join(" and ", on)
        + " where t.\"active\"";
    List<List<String>> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(tuples));
    List<Object> binds = new ArrayList<>();
    for (int i = 0; i < key.size(); i++) {
      int part = i;
      binds.add(distinct.stream().map(t -> t.get(part)).toArray(String[]::new));
    }
    DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bindValues(binds);
    Set<List<String>> asked = new java.util.HashSet<>(tuples);
    return spec.map(row -> {
          List<String> tuple = new ArrayList<>();
          for (int i = 0; i < key.size(); i++) {
            tuple.add(row.get(i + 1, String.class));
          }
          return Map.entry(tuple, row.get(0, Long.class));
        })
        .all()
        .filter(e -> asked.contains(e.getKey()))
        .collect(HashMap::new, (Map<List<String>, Set<Long>> m, Map.Entry<List<String>, Long> e) ->
            m.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).add(e.getValue()));
  }
}
