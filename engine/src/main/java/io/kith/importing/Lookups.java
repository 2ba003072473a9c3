package io.kith.importing;

import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.schema.DedupeIndexes;
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

  /**
   * Ids of active records of {@code entity} by key tuple. Text parts compare ignoring case; whole
   * number parts (the id, integer and reference fields) compare as numbers, so the id's index
   * serves them, and a part that is not a number matches nothing.
   */
  Mono<Map<List<String>, Set<Long>>> find(EntityDef entity, List<FieldPath> key, List<List<String>> tuples) {
    List<Boolean> numeric = key.stream().map(path -> isWholeNumber(entity, path)).toList();
    Map<List<String>, List<List<String>>> asked = new LinkedHashMap<>();
    for (List<String> tuple : tuples) {
      List<String> canonical = canonical(tuple, numeric);
      if (canonical != null) {
        asked.computeIfAbsent(canonical, k -> new ArrayList<>()).add(tuple);
      }
    }
    if (asked.isEmpty()) {
      return Mono.just(Map.of());
    }
    String sql = keySql(entity, key, numeric);
    List<Object> binds = new ArrayList<>();
    for (int i = 0; i < key.size(); i++) {
      int part = i;
      binds.add(numeric.get(i) ? asked.keySet().stream().map(t -> Long.valueOf(t.get(part))).toArray(Long[]::new)
          : asked.keySet().stream().map(t -> t.get(part)).toArray(String[]::new));
    }
    return db.sql(sql).bindValues(binds)
        .map(row -> {
          List<String> tuple = new ArrayList<>();
          for (int i = 0; i < key.size(); i++) {
            tuple.add(row.get(i + 1, String.class));
          }
          return Map.entry(tuple, row.get(0, Long.class));
        })
        .all()
        .filter(e -> asked.containsKey(e.getKey()))
        .collect(HashMap::new, (Map<List<String>, Set<Long>> m, Map.Entry<List<String>, Long> e) -> {
          for (List<String> original : asked.get(e.getKey())) {
            m.computeIfAbsent(original, k -> new LinkedHashSet<>()).add(e.getValue());
          }
        });
  }

  /**
   * The look-up of key tuples: the entity's table joined with the key's child tables and with the
   * asked tuples ({@code unnest} of one array per key part). Text parts compare as
   * {@code lower(column::text)}, the expression the duplicate rules' indexes are built on (see the
   * schema's DedupeIndexes). When a key part has an index (such a rule's, the id's, a reference's),
   * the filtered part is a {@code lateral} subquery per tuple, kept apart by {@code offset 0}, so
   * each tuple is one index probe whatever the planner estimates: joined flat, PostgreSQL hashed the
   * whole emails table for every batch (a full scan per batch, 35-85 ms at 40k-100k contacts
   * against some 6 ms of probes). Without such an index, the flat join: one scan per batch, not one
   * per tuple.
   */
  static String keySql(EntityDef entity, List<FieldPath> key, List<Boolean> numeric) {
    StringBuilder from = new StringBuilder(SqlNames.table(entity.name()) + " t");
    Map<String, String> joined = new HashMap<>();
    List<String> compared = new ArrayList<>();
    List<String> keyColumns = new ArrayList<>();
    List<String> arrays = new ArrayList<>();
    boolean probed = false;
    for (int i = 0; i < key.size(); i++) {
      FieldPath path = key.get(i);
      String column;
      if (path.inCollection()) {
        String alias = joined.computeIfAbsent(path.field(), f -> {
          String a = "c" + joined.size();
          from.append(" join ").append(SqlNames.table(SqlNames.childTable(entity.name(), f))).append(' ').append(a)
              .append(" on ").append(a).append(".\"parent_id\" = t.\"id\"");
          return a;
        });
        column = alias + "." + SqlNames.quote(path.child());
      } else {
        column = "t." + SqlNames.quote(path.field());
      }
      keyColumns.add("k" + i);
      if (numeric.get(i)) {
        compared.add(column);
        arrays.add("$" + (i + 1) + "::bigint[]");
        probed |= !path.inCollection() && (path.field().equals("id") || isReference(entity, path.field()));
      } else {
        compared.add("lower(" + column + "::text)");
        arrays.add("$" + (i + 1) + "::text[]");
        probed |= DedupeIndexes.covers(entity, path.toString());
      }
    }
    String asked = "unnest(" + String.join(", ", arrays) + ") as k(" + String.join(", ", keyColumns) + ")";
    List<String> selected = new ArrayList<>();
    List<String> outer = new ArrayList<>();
    List<String> matches = new ArrayList<>();
    for (int i = 0; i < compared.size(); i++) {
      String value = numeric.get(i) ? compared.get(i) + "::text" : compared.get(i);
      selected.add(value + " as v" + i);
      outer.add("m.v" + i);
      matches.add(compared.get(i) + " = k.k" + i);
    }
    if (!probed) {
      return "select distinct t.\"id\", " + String.join(", ", selected) + " from " + from + " join " + asked
          + " on " + String.join(" and ", matches) + " where t.\"active\"";
    }
    return "select distinct m.\"id\", " + String.join(", ", outer) + " from " + asked
        + " cross join lateral (select t.\"id\", " + String.join(", ", selected) + " from " + from
        + " where " + String.join(" and ", matches) + " and t.\"active\" offset 0) m";
  }

  /** The tuple with whole numbers written the database's way ("007" is 7), or null if a number part is not one. */
  private static List<String> canonical(List<String> tuple, List<Boolean> numeric) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < tuple.size(); i++) {
      if (!numeric.get(i)) {
        out.add(tuple.get(i));
        continue;
      }
      try {
        out.add(Long.toString(Long.parseLong(tuple.get(i).strip())));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return out;
  }

  private static boolean isReference(EntityDef entity, String field) {
    return entity.field(field).map(f -> f.type() instanceof FieldType.Reference).orElse(false);
  }

  private static boolean isWholeNumber(EntityDef entity, FieldPath path) {
    if (!path.inCollection() && path.field().equals("id")) {
      return true;
    }
    FieldDef field = entity.field(path.field()).orElse(null);
    if (field != null && path.inCollection() && field.type() instanceof FieldType.Collection c) {
      field = c.fields().stream().filter(f -> f.name().equals(path.child())).findFirst().orElse(null);
    }
    return field != null && (field.type() instanceof FieldType.IntegerNumber || field.type() instanceof FieldType.Reference);
  }
}
