package io.kith.importing;

import io.kith.metadata.MetadataRegistry;
import io.kith.record.RecordException;
import io.kith.record.RecordException.Reason;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Named import profiles: the shipped ones ({@code metadata/imports/*.yaml}, read-only, checked at
 * start-up) and those saved through the API ({@code kith.import_profile}). Every profile saved is
 * checked against the JSON Schema and the current metadata first.
 */
public final class ImportProfiles {

  private final MetadataRegistry registry;
  private final ProfileReader reader = new ProfileReader();
  private final DatabaseClient db;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, JsonNode> shipped;

  public ImportProfiles(MetadataRegistry registry, DatabaseClient db, String metadataLocation) {
    this.registry = registry;
    this.db = db;
    this.shipped = readShipped(metadataLocation);
    shipped.forEach((name, body) -> {
      try {
        reader.read(registry.snapshot(), body);
      } catch (RecordValidationException e) {
        throw new IllegalStateException("The shipped import profile imports/" + name + " is not valid: " + e.errors());
      }
    });
  }

  /** Every profile: {@code {name, entity, label, shipped, profile}}, by name. */
  public Flux<ObjectNode> list() {
    Flux<ObjectNode> stored = db.sql("select name, body::text as body from kith.import_profile order by name")
        .map(row -> item(row.get("body", String.class) == null ? null : json.readTree(row.get("body", String.class)), false))
        .all();
    return Flux.concat(Flux.fromIterable(shipped.values()).map(b -> item(b, true)), stored);
  }

  /** The profile document of that name, or a 404. */
  public Mono<JsonNode> get(String name) {
    if (shipped.containsKey(name)) {
      return Mono.just(shipped.get(name));
    }
    return db.sql("select body::text as body from kith.import_profile where name = $1").bind(0, name)
        .map(row -> json.readTree(row.get("body", String.class))).one()
        .switchIfEmpty(Mono.error(() -> new RecordException(Reason.NOT_FOUND, "import_profile_not_found", name)));
  }

  public Mono<ObjectNode> create(JsonNode body) {
    return registry.pinned().flatMap(snapshot -> {
      ImportProfile profile = reader.read(snapshot, body);
      refuseShipped(profile.name());
      return db.sql("insert into kith.import_profile (name, body) values ($1, $2::jsonb)")
          .bind(0, profile.name()).bind(1, json.writeValueAsString(body)).then()
          .onErrorMap(DataIntegrityViolationException.class,
              e -> new RecordValidationException(List.of(FieldError.of("name", "duplicate_profile"))))
          .thenReturn(item(body, false));
    });
  }

  public Mono<ObjectNode> update(String name, JsonNode body) {
    return registry.pinned().flatMap(snapshot -> {
      refuseShipped(name);
      ImportProfile profile = reader.read(snapshot, body);
      if (!profile.name().equals(name)) {
        throw new RecordValidationException(List.of(FieldError.of("name", "name_mismatch", name)));
      }
      return db.sql("update kith.import_profile set body = $2::jsonb, updated_at = now() where name = $1")
          .bind(0, name).bind(1, json.writeValueAsString(body)).fetch().rowsUpdated()
          .flatMap(n -> n == 0 ? Mono.error(new RecordException(Reason.NOT_FOUND, "import_profile_not_found", name))
              : Mono.just(item(body, false)));
    });
  }

  public Mono<Void> delete(String name) {
    return Mono.defer(() -> {
      refuseShipped(name);
      return db.sql("delete from kith.import_profile where name = $1").bind(0, name).fetch().rowsUpdated()
          .flatMap(n -> n == 0 ? Mono.error(new RecordException(Reason.NOT_FOUND, "import_profile_not_found", name))
              : Mono.<Void>empty());
    });
  }

  private void refuseShipped(String name) {
    if (shipped.containsKey(name)) {
      throw new RecordException(Reason.FORBIDDEN, "shipped_profile", name);
    }
  }

  private static ObjectNode item(JsonNode body, boolean isShipped) {
    ObjectNode out = JsonMapper.shared().createObjectNode();
    out.put("name", body.path("name").asString()).put("entity", body.path("entity").asString());
    out.set("label", body.get("label"));
    out.put("shipped", isShipped);
    out.set("profile", body);
    return out;
  }

  /** Shipped profiles, read once at start-up (before traffic, so blocking is fine). */
  private static Map<String, JsonNode> readShipped(String location) {
    YAMLMapper yaml = YAMLMapper.builder().build();
    Map<String, JsonNode> out = new LinkedHashMap<>();
    try {
      if (location == null || location.isBlank() || location.startsWith("classpath:")) {
        String base = location == null || location.isBlank() ? "kith/metadata" : location.substring("classpath:".length());
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + base + "/imports/*.*")) {
          if (r.getFilename() != null && r.getFilename().matches(".*\\.(ya?ml|json)")) {
            try (InputStream in = r.getInputStream()) {
              JsonNode body = yaml.readTree(in);
              out.put(body.path("name").asString(), body);
            }
          }
        }
      } else {
        Path folder = Path.of(location.startsWith("file:") ? location.substring(5) : location).resolve("imports");
        if (Files.isDirectory(folder)) {
          try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.sorted().toList()) {
              if (p.getFileName().toString().matches(".*\\.(ya?ml|json)")) {
                JsonNode body = yaml.readTree(Files.readString(p));
                out.put(body.path("name").asString(), body);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
