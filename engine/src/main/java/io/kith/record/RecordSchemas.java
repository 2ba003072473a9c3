package io.kith.record;

import io.kith.fieldtype.FieldTypes;
import io.kith.fieldtype.Json;
import io.kith.jsonschema.JsonSchemas;
import io.kith.jsonschema.JsonSchemas.CompiledSchema;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.SubtypeDef;
import io.kith.support.SnapshotCache;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the JSON Schema that record input must satisfy, from the metadata, and compiles it once
 * per entity type and metadata version. The create schema requires required fields (per subtype);
 * the patch schema only checks the fields sent. A {@code null} value means "no value": the
 * validator handles nulls itself (an error on a required field) and removes them before the schema
 * runs, so the schema describes present values only.
 */
public final class RecordSchemas {

  /** Which request the schema is for. */
  public enum Mode {
    CREATE,
    PATCH
  }

  private final FieldTypes fieldTypes;
  private final SnapshotCache<ObjectNode> documents = new SnapshotCache<>();
  private final SnapshotCache<CompiledSchema> compiled = new SnapshotCache<>();

  public RecordSchemas(FieldTypes fieldTypes) {
    this.fieldTypes = fieldTypes;
  }

  /** The published schema document ({@code GET /api/v1/meta/entities/{entity}/schema}). */
  public ObjectNode document(MetadataSnapshot snapshot, EntityDef entity, Mode mode) {
    return documents.get(snapshot, entity.name() + "/" + mode, k -> build(snapshot, entity, mode));
  }

  public CompiledSchema compiled(MetadataSnapshot snapshot, EntityDef entity, Mode mode) {
    return compiled.get(snapshot, entity.name() + "/" + mode,
        k -> JsonSchemas.compile(document(snapshot, entity, mode)));
  }

  /**
   * The compiled schema for a record of one subtype: for a create naming a known subtype, the create
   * schema with that subtype's conditional required fields made plain, so that checking a record
   * does not evaluate (and fail) every other subtype's condition. It finds what the whole schema
   * finds for such a record.
   */
  public CompiledSchema compiled(MetadataSnapshot snapshot, EntityDef entity, Mode mode, String subtype) {
    boolean known = subtype != null && entity.subtypes().stream().anyMatch(s -> s.name().equals(subtype));
    if (mode != Mode.CREATE || !known) {
      return compiled(snapshot, entity, mode);
    }
    return compiled.get(snapshot, entity.name() + "/" + mode + "/" + subtype,
        k -> JsonSchemas.compile(forSubtype(document(snapshot, entity, mode), subtype)));
  }

  private static ObjectNode forSubtype(ObjectNode document, String subtype) {
    ObjectNode schema = document.deepCopy();
    // An id of its own: the validator's registry must never take one for the other.
    schema.put("$id", document.get("$id").asString() + "?subtype=" + subtype);
    JsonNode conditions = schema.remove("allOf");
    if (conditions != null) {
      ArrayNode required = (ArrayNode) schema.get("required");
      for (JsonNode condition : conditions) {
        if (condition.at("/if/properties/subtype/const").asString("").equals(subtype)) {
          condition.at("/then/required").forEach(required::add);
        }
      }
    }
    return schema;
  }

  private ObjectNode build(MetadataSnapshot snapshot, EntityDef entity, Mode mode) {
    ObjectNode schema = Json.object();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", "/api/v1/meta/entities/" + entity.name() + "/schema"
        + (mode == Mode.PATCH ? "?mode=patch" : ""));
    schema.put("title", entity.label().resolve(io.kith.i18n.KithLocale.EN, entity.name()));
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    if (entity.hasSubtypes()) {
      ArrayNode names = properties.putObject("subtype").put("type", "string").putArray("enum");
      entity.subtypes().stream().map(SubtypeDef::name).forEach(names::add);
    }
    for (FieldDef field : entity.fields()) {
      if (!field.isComputed()) {
        properties.set(field.name(), fieldSchema(snapshot, field, mode));
      }
    }
    schema.put("additionalProperties", false);
    if (mode == Mode.CREATE) {
      ArrayNode required = schema.putArray("required");
      if (entity.hasSubtypes()) {
        required.add("subtype");
      }
      entity.fields().stream()
          .filter(f -> f.required() && f.subtypes().isEmpty())
          .forEach(f -> required.add(f.name()));
      ArrayNode conditions = Json.array();
      for (SubtypeDef subtype : entity.subtypes()) {
        List<String> names = entity.fields().stream()
            .filter(f -> f.required() && f.subtypes().contains(subtype.name()))
            .map(FieldDef::name)
            .toList();
        if (!names.isEmpty()) {
          ObjectNode condition = Json.object();
          condition.putObject("if").putObject("properties").putObject("subtype")
              .put("const", subtype.name());
          condition.withObject("/if").putArray("required").add("subtype");
          ArrayNode thenRequired = condition.putObject("then").putArray("required");
          names.forEach(thenRequired::add);
          conditions.add(condition);
        }
      }
      if (!conditions.isEmpty()) {
        schema.set("allOf", conditions);
      }
    }
    return schema;
  }

  private ObjectNode fieldSchema(MetadataSnapshot snapshot, FieldDef field, Mode mode) {
    ObjectNode value;
    if (field.type() instanceof FieldType.Collection collection) {
      value = Json.typed("array");
      ObjectNode row = value.putObject("items").put("type", "object");
      ObjectNode rowProperties = row.putObject("properties");
      ArrayNode rowRequired = Json.array();
      for (FieldDef child : collection.fields()) {
        rowProperties.set(child.name(), fieldSchema(snapshot, child, Mode.CREATE));
        if (child.required()) {
          rowRequired.add(child.name());
        }
      }
      row.put("additionalProperties", false);
      if (!rowRequired.isEmpty()) {
        row.set("required", rowRequired);
      }
    } else {
      value = fieldTypes.of(field.type()).valueSchema(field.type(), field, snapshot);
    }
    value.put("title", field.label().resolve(io.kith.i18n.KithLocale.EN, field.name()));
    if (field.required() && value.path("type").asString("").equals("string")) {
      value.put("minLength", 1);
    }
    return value;
  }
}
