package io.kith.record;

import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * File fields may hold a file the record already has, or one the writer uploaded; any other id is
 * {@code not_found} (whether it exists is not revealed), so nobody attaches someone else's upload to
 * gain a way to read it. One query per write.
 */
final class FileChecks {

  private final DatabaseClient db;

  FileChecks(DatabaseClient db) {
    this.db = db;
  }

  private record Wanted(String path, long id) {}

  Mono<Void> check(EntityDef entity, RecordInput input, JsonNode existing, Long userId) {
    List<Wanted> wanted = new ArrayList<>();
    Set<Long> kept = new HashSet<>();
    for (FieldDef field : entity.fields()) {
      if (field.type() instanceof FieldType.File) {
        if (input.columns().get(field.name()) instanceof Long id) {
          wanted.add(new Wanted(field.name(), id));
        }
        if (existing != null && existing.path(field.name()).isNumber()) {
          kept.add(existing.get(field.name()).asLong());
        }
      } else if (field.type() instanceof FieldType.Collection c) {
        for (FieldDef child : c.fields()) {
          if (!(child.type() instanceof FieldType.File)) {
            continue;
          }
          List<Map<String, Object>> rows = input.collections().getOrDefault(field.name(), List.of());
          for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get(child.name()) instanceof Long id) {
              wanted.add(new Wanted(field.name() + "[" + i + "]." + child.name(), id));
            }
          }
          if (existing != null) {
            existing.path(field.name()).forEach(row -> {
              if (row.path(child.name()).isNumber()) {
                kept.add(row.get(child.name()).asLong());
              }
            });
          }
        }
      }
    }
    List<Wanted> fresh = wanted.stream().filter(w -> !kept.contains(w.id())).toList();
    if (fresh.isEmpty()) {
      return Mono.empty();
    }
    return db.sql("select id, uploaded_by from kith.file where id = any($1)")
        .bind(0, fresh.stream().map(Wanted::id).distinct().toArray(Long[]::new))
        .map(row -> Map.entry(row.get(0, Long.class), java.util.Optional.ofNullable(row.get(1, Long.class))))
        .all().collectMap(Map.Entry::getKey, Map.Entry::getValue)
        .flatMap(found -> {
          List<FieldError> errors = new ArrayList<>();
          for (Wanted w : fresh) {
            if (!found.containsKey(w.id()) || !Objects.equals(found.get(w.id()).orElse(null), userId)) {
              errors.add(FieldError.of(w.path(), "not_found", w.id()));
            }
          }
          return errors.isEmpty() ? Mono.empty() : Mono.error(new RecordValidationException(errors));
        });
  }
}
