package io.kith.importing;

import io.kith.jsonschema.JsonSchemas;
import io.kith.jsonschema.JsonSchemas.CompiledSchema;
import io.kith.jsonschema.JsonSchemas.Violation;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an import profile document: first against {@code metadata/schemas/import-profile.schema.json},
 * then against the current metadata (the entity type, subtype, fields, collection rows, match keys
 * and duplicate key must exist). Every problem is reported at once, named by its path in the
 * document ({@code columns[2].field}).
 */
final class ProfileReader {

  static final String SCHEMA = "kith/metadata/schemas/import-profile.schema.json";

  private final CompiledSchema schema;

  ProfileReader() {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException("missing schema on the classpath: " + SCHEMA);
      }
      this.schema = JsonSchemas.compile(JsonMapper.builder().build().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ImportProfile read(MetadataSnapshot snapshot, JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new RecordValidationException(List.of(FieldError.of("profile", "not_an_object")));
    }
    List<FieldError> errors = new ArrayList<>();
    for (Violation v : schema.validate(json)) {
      List<Object> args = switch (v.keyword()) {
        case "maxLength", "minimum", "maximum", "minItems", "maxItems", "minLength" ->
            v.arguments().isEmpty() ? List.of() : List.of(v.arguments().get(0));
        default -> List.of();
      };
      errors.add(new FieldError(path(v), code(v.keyword()), args));
    }
    if (!errors.isEmpty()) {
      throw new RecordValidationException(dedupe(columnOrIndex(errors)));
    }
    EntityDef entity = snapshot.entity(json.get("entity").asString()).orElse(null);
    if (entity == null) {
      throw new RecordValidationException(List.of(FieldError.of("entity", "unknown_entity_type", json.get("entity").asString())));
    }
    String subtype = json.path("subtype").asString(null);
    if (entity.hasSubtypes() && subtype == null) {
      errors.add(FieldError.of("subtype", "required"));
    } else if (subtype != null && entity.subtype(subtype).isEmpty()) {
      errors.add(FieldError.of("subtype", "unknown_subtype", subtype));
    }
    List<ColumnMap> columns = null;
    if (json.has("columns")) {
      columns = new ArrayList<>();
      JsonNode list = json.get("columns");
      for (int i = 0; i < list.size(); i++) {
        columns.add(column(snapshot, entity, list.get(i), "columns[" + i + "]", errors));
      }
    }
    ObjectNode constants = json.has("constants") ? (ObjectNode) json.get("constants").deepCopy() : JsonMapper.shared().createObjectNode();
    for (String name : constants.propertyNames()) {
      Optional<FieldDef> field = entity.field(name);
      if (field.isEmpty()) {
        errors.add(FieldError.of("constants." + name, "unknown_target", name));
      } else if (field.get().isComputed()) {
        errors.add(FieldError.of("constants." + name, "read_only"));
      } else if (holdsFiles(field.get())) {
        errors.add(FieldError.of("constants." + name, "not_importable"));
      }
    }
    DuplicateMode mode = DuplicateMode.NONE;
    List<FieldPath> key = new ArrayList<>();
    if (json.has("duplicates")) {
      mode = DuplicateMode.of(json.get("duplicates").get("mode").asString());
      JsonNode keys = json.get("duplicates").path("key");
      for (int i = 0; i < keys.size(); i++) {
        FieldPath path = FieldPath.parse(keys.get(i).asString());
        if (!isColumnPath(entity, path)) {
          errors.add(FieldError.of("duplicates.key[" + i + "]", "unknown_target", path.toString()));
        } else if (!comparesAsText(entity, path)) {
          errors.add(FieldError.of("duplicates.key[" + i + "]", "key_type_unsupported", path.toString()));
        }
        key.add(path);
      }
      String rule = json.get("duplicates").path("rule").asString(null);
      if (rule != null && !key.isEmpty()) {
        errors.add(FieldError.of("duplicates", "key_or_rule"));
      } else if (rule != null) {
        entity.dedupeRule(rule).ifPresentOrElse(r -> r.fields().forEach(f -> key.add(FieldPath.parse(f))),
            () -> errors.add(FieldError.of("duplicates.rule", "unknown_rule", rule)));
      } else if (mode != DuplicateMode.NONE && key.isEmpty() && !entity.dedupeRules().isEmpty()) {
        entity.dedupeRules().get(0).fields().forEach(f -> key.add(FieldPath.parse(f)));
      }
      if (mode != DuplicateMode.NONE && key.isEmpty() && errors.stream().noneMatch(e -> e.field().startsWith("duplicates"))) {
        errors.add(FieldError.of("duplicates.key", "required"));
      }
    }
    if (!errors.isEmpty()) {
      throw new RecordValidationException(errors);
    }
    JsonNode file = json.path("file");
    FileOptions options = new FileOptions(file.path("encoding").asString(null), file.path("delimiter").asString(null),
        file.path("quote").asString(null), file.path("header").asBoolean(true));
    return new ImportProfile(json.get("name").asString(), entity.name(), subtype, options, columns, constants, mode,
        key, json);
  }

  /** File fields, and collections with a file field, are not imported. */
  private static boolean holdsFiles(FieldDef field) {
    return field.type() instanceof FieldType.File
        || field.type() instanceof FieldType.Collection c && c.fields().stream().anyMatch(f -> f.type() instanceof FieldType.File);
  }

  private static ColumnMap column(MetadataSnapshot snapshot, EntityDef entity, JsonNode node, String at,
      List<FieldError> errors) {
    String header = node.path("column").asString(null);
    Integer index = node.has("index") ? node.get("index").asInt() : null;
    Map<String, String> values = new LinkedHashMap<>();
    node.path("values").properties().forEach(e -> values.put(e.getKey().strip().toLowerCase(Locale.ROOT), e.getValue().asString()));
    String separator = node.path("separator").asString(";");
    if (node.path("skip").asBoolean(false) || !node.has("field")) {
      if (!node.path("skip").asBoolean(false)) {
        errors.add(FieldError.of(at + ".field", "required"));
      }
      return new ColumnMap(header, index, null, Map.of(), null, values, separator);
    }
    FieldPath target = FieldPath.parse(node.get("field").asString());
    FieldDef field = entity.field(target.field()).orElse(null);
    Map<String, JsonNode> row = new LinkedHashMap<>();
    String match = null;
    if (field == null) {
      errors.add(FieldError.of(at + ".field", "unknown_target", target.toString()));
    } else if (field.isComputed()) {
      errors.add(FieldError.of(at + ".field", "read_only"));
    } else if (holdsFiles(field)) {
      // A file id from a CSV would attach an upload without the checks a record write makes.
      errors.add(FieldError.of(at + ".field", "not_importable"));
    } else if (field.type() instanceof FieldType.Collection c) {
      if (!target.inCollection() || c.fields().stream().noneMatch(f -> f.name().equals(target.child()))) {
        errors.add(FieldError.of(at + ".field", "unknown_target", target.toString()));
      }
      node.path("row").properties().forEach(e -> {
        if (c.fields().stream().noneMatch(f -> f.name().equals(e.getKey()))) {
          errors.add(FieldError.of(at + ".row." + e.getKey(), "unknown_target", target.field() + "." + e.getKey()));
        }
        row.put(e.getKey(), e.getValue());
      });
    } else if (target.inCollection()) {
      errors.add(FieldError.of(at + ".field", "unknown_target", target.toString()));
    } else if (field.type() instanceof FieldType.Reference || field.type() instanceof FieldType.MultiReference) {
      String targetEntity = field.type() instanceof FieldType.Reference r ? r.entity() : ((FieldType.MultiReference) field.type()).entity();
      match = node.path("match").asString("id");
      EntityDef referenced = snapshot.entity(targetEntity).orElseThrow();
      if (!match.equals("id") && !isColumnPath(referenced, FieldPath.parse(match))) {
        errors.add(FieldError.of(at + ".match", "unknown_match", match, targetEntity));
      } else if (!match.equals("id") && !comparesAsText(referenced, FieldPath.parse(match))) {
        errors.add(FieldError.of(at + ".match", "key_type_unsupported", match));
      }
    }
    if (node.has("match") && match == null) {
      errors.add(FieldError.of(at + ".match", "match_not_reference"));
    }
    return new ColumnMap(header, index, target, row, match, values, separator);
  }

  /** A field with a column of its own, or a collection's field: something SQL can compare. */
  static boolean isColumnPath(EntityDef entity, FieldPath path) {
    if (!path.inCollection() && path.field().equals("id")) {
      return true;
    }
    FieldDef field = entity.field(path.field()).orElse(null);
    if (field == null) {
      return false;
    }
    if (field.type() instanceof FieldType.Collection c) {
      return path.inCollection() && c.fields().stream().anyMatch(f -> f.name().equals(path.child()) && f.type().hasColumn());
    }
    return !path.inCollection() && field.type().hasColumn();
  }

  /**
   * Whether a key part's cells and stored values compare as text: date-times and decimal amounts
   * are written differently by the database ({@code 2024-07-01 10:00:00+00}, {@code 10.00}) than in
   * a record, so a key of them would never find its duplicates.
   */
  private static boolean comparesAsText(EntityDef entity, FieldPath path) {
    FieldDef field = entity.field(path.field()).orElse(null);
    if (field != null && path.inCollection() && field.type() instanceof FieldType.Collection c) {
      field = c.fields().stream().filter(f -> f.name().equals(path.child())).findFirst().orElse(null);
    }
    return field == null || !(field.type() instanceof FieldType.DateTime || field.type() instanceof FieldType.DecimalNumber
        || field.type() instanceof FieldType.Money);
  }

  private static String path(Violation v) {
    StringBuilder out = new StringBuilder();
    for (String part : v.pointer().split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.chars().allMatch(Character::isDigit)) {
        out.append('[').append(part).append(']');
      } else {
        out.append(out.length() > 0 ? "." : "").append(part);
      }
    }
    if ((v.keyword().equals("required") || v.keyword().equals("additionalProperties")) && v.property() != null) {
      out.append(out.length() > 0 ? "." : "").append(v.property());
    }
    return out.length() == 0 ? "profile" : out.toString();
  }

  private static String code(String keyword) {
    return switch (keyword) {
      case "required" -> "required";
      case "additionalProperties" -> "unknown_field";
      case "enum" -> "unknown_value";
      case "pattern", "propertyNames" -> "pattern_mismatch";
      case "type" -> "wrong_type";
      case "maxLength" -> "too_long";
      case "minimum", "minItems", "minLength" -> "too_small";
      case "maximum", "maxItems" -> "too_large";
      case "anyOf" -> "column_or_index";
      default -> "invalid_value";
    };
  }

  /** A column named neither way fails both branches of the schema's anyOf: one error says so. */
  private static List<FieldError> columnOrIndex(List<FieldError> errors) {
    List<FieldError> out = new ArrayList<>();
    for (FieldError e : errors) {
      if (e.code().equals("required") && (e.field().endsWith(".column") || e.field().endsWith(".index"))
          && e.field().startsWith("columns[")) {
        out.add(FieldError.of(e.field().substring(0, e.field().lastIndexOf('.')), "column_or_index"));
      } else if (!e.code().equals("column_or_index")) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<FieldError> dedupe(List<FieldError> errors) {
    Map<String, FieldError> first = new LinkedHashMap<>();
    errors.forEach(e -> first.putIfAbsent(e.field(), e));
    return List.copyOf(first.values());
  }
}
