package io.kith.web.page;

import io.kith.files.FileStore;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * The files a record form shows beside its file inputs: for each file id in the form's file fields
 * (top level or in a collection's rows), its name and size, and on a stored record the download
 * link {@code GET /api/v1/{entity}/{id}/files/{fileId}} (which checks that the record holds it).
 */
final class FormFiles {

  private FormFiles() {}

  /** Whether the entity type has a file field, so its form must be sent as multipart. */
  static boolean hasFileFields(EntityDef entity) {
    return entity.fields().stream().anyMatch(f -> f.type() instanceof FieldType.File
        || f.type() instanceof FieldType.Collection c && c.fields().stream().anyMatch(x -> x.type() instanceof FieldType.File));
  }

  /** By file id (as text, the form value): {@code name}, {@code size} and, when stored, {@code url}. */
  static Mono<Map<String, Map<String, String>>> of(FileStore files, EntityDef entity, ObjectNode current,
      Map<String, List<String>> values) {
    Set<Long> ids = new LinkedHashSet<>();
    values.forEach((key, list) -> {
      if (isFileInput(entity, key)) {
        list.forEach(v -> {
          Long id = PageIds.positive(v);
          if (id != null) {
            ids.add(id);
          }
        });
      }
    });
    if (ids.isEmpty()) {
      return Mono.just(Map.of());
    }
    String base = current == null ? null : "/api/v1/" + entity.name() + "/" + current.get("id").asLong() + "/files/";
    return files.facts(ids.toArray(Long[]::new)).map(facts -> {
      Map<String, Map<String, String>> out = new LinkedHashMap<>();
      facts.forEach((id, file) -> {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("name", file.name());
        one.put("size", String.valueOf(file.size()));
        if (base != null) {
          one.put("url", base + id);
        }
        out.put(String.valueOf(id), one);
      });
      return out;
    });
  }

  private static boolean isFileInput(EntityDef entity, String key) {
    for (FieldDef field : entity.fields()) {
      if (field.type() instanceof FieldType.File && key.equals(field.name())) {
        return true;
      }
      if (field.type() instanceof FieldType.Collection c && key.startsWith(field.name() + "[")) {
        for (FieldDef child : c.fields()) {
          if (child.type() instanceof FieldType.File && key.endsWith("]." + child.name())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Names of the files a stored record holds (top level and in collections' rows), by file id. */
  static Mono<Map<Long, String>> names(FileStore files, EntityDef entity, ObjectNode record) {
    Set<Long> ids = new LinkedHashSet<>();
    for (FieldDef field : entity.fields()) {
      if (field.type() instanceof FieldType.File && record.path(field.name()).isNumber()) {
        ids.add(record.get(field.name()).asLong());
      } else if (field.type() instanceof FieldType.Collection c) {
        for (FieldDef child : c.fields()) {
          if (child.type() instanceof FieldType.File) {
            record.path(field.name()).forEach(row -> {
              if (row.path(child.name()).isNumber()) {
                ids.add(row.get(child.name()).asLong());
              }
            });
          }
        }
      }
    }
    if (ids.isEmpty()) {
      return Mono.just(Map.of());
    }
    return files.facts(ids.toArray(Long[]::new)).map(facts -> {
      Map<Long, String> out = new LinkedHashMap<>();
      facts.forEach((id, file) -> out.put(id, file.name()));
      return out;
    });
  }
}
