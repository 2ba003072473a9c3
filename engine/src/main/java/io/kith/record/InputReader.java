package io.kith.record;

import io.kith.validation.DependentOptions;
import io.kith.validation.RecordRules;
import io.kith.validation.RecordValidationException;
import io.kith.metadata.Expressions;
import io.kith.validation.FieldError;
import io.kith.fieldtype.FieldTypeSupport;
import io.kith.fieldtype.FieldTypes;
import io.kith.fieldtype.InvalidValueException;
import io.kith.jsonschema.JsonSchemas.Violation;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.Identifiers;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.OptionDef;
import io.kith.record.RecordSchemas.Mode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks that need no database: the generated JSON Schema, subtypes, read-only fields,
 * conversion to column values and inactive options. Errors name the field and a stable code.
 */
final class InputReader {

  /** System keys a client may send back unchanged (a record it read); they are ignored. */
  private static final Set<String> IGNORED_KEYS = Set.of(
      "id", "version", "created_at", "created_by", "updated_at", "updated_by", "owner", "active");

  private final FieldTypes fieldTypes;
  private final RecordSchemas schemas;
  private final RecordRules rules = new RecordRules();

  InputReader(FieldTypes fieldTypes, RecordSchemas schemas) {
    this.fieldTypes = fieldTypes;
    this.schemas = schemas;
  }

  /**
   * Reads {@code body}; {@code existing} is the stored record for a patch, null for a create.
   * Throws {@link RecordValidationException} with every error found.
   */
  RecordInput read(MetadataSnapshot snapshot, EntityDef entity, JsonNode body, Mode mode, JsonNode existing) {
    if (body == null || !body.isObject()) {
      throw new RecordValidationException(List.of(FieldError.of("", "not_an_object")));
    }
    List<FieldError> errors = new ArrayList<>();
    // Only top-level keys are taken out of it (ignored, read-only): a shallow copy keeps the body as sent.
    ObjectNode values = ((ObjectNode) body).objectNode();
    values.setAll((ObjectNode) body);
    IGNORED_KEYS.forEach(values::remove);
    checkNonInput(entity, values, mode, errors);
    ObjectNode present = withoutNulls(entity, values, errors);
    String named = present.path("subtype").isString() ? present.get("subtype").asString() : null;
    for (Violation v : schemas.compiled(snapshot, entity, mode, named).validate(present)) {
      errors.add(toError(entity, v, present));
    }
    if (!errors.isEmpty()) {
      throw new RecordValidationException(dedupe(errors));
    }
    String subtype = mode == Mode.CREATE && entity.hasSubtypes() ? values.get("subtype").asString() : null;
    String effectiveSubtype = subtype != null ? subtype
        : existing != null && existing.hasNonNull("subtype") ? existing.get("subtype").asString() : null;

    Map<String, Object> columns = new LinkedHashMap<>();
    Map<String, List<Map<String, Object>>> collections = new LinkedHashMap<>();
    Map<String, List<Long>> links = new LinkedHashMap<>();
    for (FieldDef field : entity.fields()) {
      if (!values.has(field.name())) {
        continue;
      }
      JsonNode value = values.get(field.name());
      if (!value.isNull() && !field.appliesTo(effectiveSubtype)) {
        errors.add(FieldError.of(field.name(), "not_in_subtype", effectiveSubtype));
        continue;
      }
      JsonNode old = existing == null ? null : existing.get(field.name());
      if (field.type() instanceof FieldType.Collection c) {
        collections.put(field.name(), rows(field, c, value, old, errors));
      } else if (field.type() instanceof FieldType.MultiReference) {
        List<Long> ids = new ArrayList<>();
        value.forEach(id -> ids.add(id.asLong()));
        links.put(field.name(), ids);
      } else {
        columns.put(field.name(), column(snapshot, field, field.name(), value, old, errors));
      }
    }
    if (!errors.isEmpty()) {
      throw new RecordValidationException(errors);
    }
    Map<String, Object> record = merged(entity, columns, existing);
    errors.addAll(DependentOptions.check(snapshot, entity, record, values::has));
    Map<String, Object> variables = variables(entity, record, effectiveSubtype);
    if (hasExpressions(entity)) {
      variables.putAll(listVariables(entity, collections, existing));
    }
    errors.addAll(rules.check(snapshot, entity, variables));
    if (!errors.isEmpty()) {
      throw new RecordValidationException(dedupe(errors));
    }
    return new RecordInput(subtype, columns, collections, links, rules.expressionValues(snapshot, entity, variables));
  }

  /** The record as it will be: the sent column values over the stored ones (fields without a value left out). */
  private Map<String, Object> merged(EntityDef entity, Map<String, Object> columns, JsonNode existing) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (FieldDef field : entity.fields()) {
      if (field.isComputed() || !field.type().hasColumn() && !(field.type() instanceof FieldType.MultiOption)) {
        continue;
      }
      Object value = null;
      if (columns.containsKey(field.name())) {
        value = columns.get(field.name());
      } else if (existing != null && existing.hasNonNull(field.name())) {
        try {
          value = fieldTypes.of(field.type()).toColumn(field.type(), field, existing.get(field.name()));
        } catch (InvalidValueException e) {
          value = null; // a stored value that no longer converts counts as none
        }
      }
      if (value != null) {
        out.put(field.name(), value);
      }
    }
    return out;
  }

  /** Expression variables: each field with a value, as CEL sees it, and the subtype. */
  private static Map<String, Object> variables(EntityDef entity, Map<String, Object> record, String subtype) {
    Map<String, Object> out = new java.util.HashMap<>();
    record.forEach((name, value) -> {
      FieldDef field = entity.field(name).orElseThrow();
      if (Expressions.variableType(field) != null) {
        out.put(name, Expressions.variable(value));
      }
    });
    if (entity.hasSubtypes() && subtype != null) {
      out.put("subtype", subtype);
    }
    return out;
  }

  /**
   * Collections as expressions see them, whether or not the record has rows:
   * the rows sent, else the stored ones (a collection row as a map of its child values, without
   * the children that have none).
   */
  private Map<String, Object> listVariables(EntityDef entity, Map<String, List<Map<String, Object>>> collections,
      JsonNode existing) {
    Map<String, Object> out = new java.util.HashMap<>();
    for (FieldDef field : entity.fields()) {
      JsonNode stored = existing == null ? null : existing.get(field.name());
      if (field.type() instanceof FieldType.Collection c) {
        List<Map<String, Object>> rows = collections.containsKey(field.name()) ? collections.get(field.name())
            : storedRows(c, stored);
        List<Map<String, Object>> seen = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
          Map<String, Object> values = new java.util.HashMap<>();
          row.forEach((name, value) -> {
            if (value != null && c.fields().stream().anyMatch(f -> f.name().equals(name) && Expressions.variableType(f) != null)) {
              values.put(name, Expressions.variable(value));
            }
          });
          seen.add(values);
        }
        out.put(field.name(), seen);
      }
    }
    return out;
  }

  private static boolean hasExpressions(EntityDef entity) {
    return !entity.rules().isEmpty() || entity.fields().stream()
        .anyMatch(f -> f.type() instanceof FieldType.Computed c && c.formula() == FieldType.Formula.EXPRESSION);
  }

  /** Stored collection rows (API shape) as column values; a value that no longer converts counts as none. */
  private List<Map<String, Object>> storedRows(FieldType.Collection collection, JsonNode stored) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (stored == null || !stored.isArray()) {
      return rows;
    }
    for (JsonNode row : stored) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (FieldDef child : collection.fields()) {
        JsonNode value = row.get(child.name());
        if (value != null && !value.isNull()) {
          try {
            values.put(child.name(), fieldTypes.of(child.type()).toColumn(child.type(), child, value));
          } catch (InvalidValueException e) {
            // left out, as for top-level fields
          }
        }
      }
      rows.add(values);
    }
    return rows;
  }

  private void checkNonInput(EntityDef entity, ObjectNode values, Mode mode, List<FieldError> errors) {
    for (FieldDef field : entity.fields()) {
      if (!values.has(field.name())) {
        continue;
      }
      if (field.isComputed() || (mode == Mode.PATCH && field.readOnly())) {
        errors.add(FieldError.of(field.name(), "read_only"));
        values.remove(field.name());
      }
    }
    if (mode == Mode.PATCH && values.has("subtype")) {
      errors.add(FieldError.of("subtype", "read_only"));
      values.remove("subtype");
    }
  }

  /**
   * The values without nulls (the schema describes present values); null on required is an error.
   * A copy when there are nulls to take out; most bodies, an import's rows among them, have none.
   */
  private ObjectNode withoutNulls(EntityDef entity, ObjectNode values, List<FieldError> errors) {
    if (!hasNulls(values)) {
      return values;
    }
    ObjectNode present = values.deepCopy();
    for (String name : new ArrayList<>(values.propertyNames())) {
      if (values.get(name).isNull()) {
        present.remove(name);
        entity.field(name).filter(FieldDef::required)
            .ifPresent(f -> errors.add(FieldError.of(name, "required")));
      }
    }
    for (FieldDef field : entity.fields()) {
      if (field.type() instanceof FieldType.Collection c && present.get(field.name()) instanceof tools.jackson.databind.node.ArrayNode rows) {
        for (int i = 0; i < rows.size(); i++) {
          if (rows.get(i) instanceof ObjectNode row) {
            for (String name : new ArrayList<>(row.propertyNames())) {
              if (row.get(name).isNull()) {
                row.remove(name);
              }
            }
          }
        }
      }
    }
    return present;
  }

  /** Whether a value or a collection row's value is null. */
  private static boolean hasNulls(ObjectNode values) {
    for (JsonNode value : values.values()) {
      if (value.isNull()) {
        return true;
      }
      if (value.isArray()) {
        for (JsonNode row : value) {
          if (row.isObject() && row.valueStream().anyMatch(JsonNode::isNull)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private List<Map<String, Object>> rows(
      FieldDef field, FieldType.Collection collection, JsonNode value, JsonNode old, List<FieldError> errors) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (value.isNull()) {
      return rows;
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode row = value.get(i);
      Map<String, Object> columns = new LinkedHashMap<>();
      for (FieldDef child : collection.fields()) {
        JsonNode childValue = row.get(child.name());
        String path = field.name() + "[" + i + "]." + child.name();
        if (childValue == null || childValue.isNull()) {
          if (child.required()) {
            errors.add(FieldError.of(path, "required"));
          }
          columns.put(child.name(), null);
        } else {
          columns.put(child.name(), column(null, child, path, childValue, null, errors));
        }
      }
      rows.add(columns);
    }
    return rows;
  }

  private Object column(
      MetadataSnapshot snapshot, FieldDef field, String path, JsonNode value, JsonNode old,
      List<FieldError> errors) {
    if (value.isNull()) {
      return null;
    }
    FieldTypeSupport<FieldType> support = fieldTypes.of(field.type());
    try {
      Object column = support.toColumn(field.type(), field, value);
      // The schema's minLength sees "   "; only the stripped value tells it is empty.
      if (column instanceof String text && text.isEmpty()) {
        if (field.required()) {
          errors.add(FieldError.of(path, "required"));
        }
        return null;
      }
      if (snapshot != null) {
        checkActiveOptions(snapshot, field, path, value, old, errors);
      }
      return column;
    } catch (InvalidValueException e) {
      errors.add(new FieldError(path, e.code(), e.arguments()));
      return null;
    }
  }

  /** Inactive options stay on records that have them but cannot be newly chosen. */
  private static void checkActiveOptions(
      MetadataSnapshot snapshot, FieldDef field, String path, JsonNode value, JsonNode old,
      List<FieldError> errors) {
    String list = field.type() instanceof FieldType.Option o ? o.list()
        : field.type() instanceof FieldType.MultiOption m ? m.list() : null;
    if (list == null) {
      return;
    }
    Set<String> kept = new HashSet<>();
    if (old != null) {
      if (old.isArray()) {
        old.forEach(code -> kept.add(code.asString()));
      } else if (old.isString()) {
        kept.add(old.asString());
      }
    }
    List<JsonNode> codes = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(codes::add);
    } else {
      codes.add(value);
    }
    for (JsonNode code : codes) {
      OptionDef option = snapshot.optionList(list).option(code.asString()).orElseThrow();
      if (!option.active() && !kept.contains(option.code())) {
        errors.add(FieldError.of(path, "inactive_option", option.code()));
      }
    }
  }

  private FieldError toError(EntityDef entity, Violation v, JsonNode body) {
    String path = path(v.pointer(), v.keyword(), v.property());
    FieldDef field = fieldAt(entity, v.pointer(), v.property());
    String code = genericCode(v.keyword());
    if (field != null && !(field.type() instanceof FieldType.Collection && v.pointer().chars().filter(ch -> ch == '/').count() <= 1)) {
      String specific = fieldTypes.of(field.type()).codeFor(v.keyword());
      if (specific != null) {
        code = specific;
      }
    }
    if (field == null && v.keyword().equals("additionalProperties")) {
      code = "unknown_field";
    }
    List<Object> args = switch (v.keyword()) {
      case "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" ->
          v.arguments().isEmpty() ? List.of() : List.of(v.arguments().get(0));
      default -> List.of();
    };
    if (code.equals("not_found")) {
      // The message names the record asked for, not the schema's lower bound.
      args = List.of(body.at(v.pointer()).asString());
    }
    return new FieldError(path, code, args);
  }

  private static String genericCode(String keyword) {
    return switch (keyword) {
      case "required", "minLength" -> "required";
      case "maxLength" -> "too_long";
      case "type" -> "wrong_type";
      case "additionalProperties" -> "unknown_field";
      case "enum", "const" -> "unknown_value";
      case "pattern" -> "pattern_mismatch";
      case "minimum", "exclusiveMinimum" -> "too_small";
      case "maximum", "exclusiveMaximum" -> "too_large";
      case "uniqueItems" -> "duplicate_value";
      default -> "invalid_value";
    };
  }

  /** {@code /emails/0/email} → {@code emails[0].email}; required/additional name their property. */
  static String path(String pointer, String keyword, String property) {
    StringBuilder out = new StringBuilder();
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.chars().allMatch(Character::isDigit)) {
        out.append('[').append(part).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(part);
      }
    }
    if ((keyword.equals("required") || keyword.equals("additionalProperties")) && property != null) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(property);
    }
    return out.toString();
  }

  /** The field a violation is about: a top-level field, or a collection's child field. */
  private static FieldDef fieldAt(EntityDef entity, String pointer, String property) {
    List<String> parts = new ArrayList<>();
    for (String part : pointer.split("/")) {
      if (!part.isEmpty() && !part.chars().allMatch(Character::isDigit)) {
        parts.add(part);
      }
    }
    if (property != null && Identifiers.isValid(property)) {
      parts.add(property);
    }
    if (parts.isEmpty()) {
      return null;
    }
    FieldDef field = entity.field(parts.get(0)).orElse(null);
    if (field != null && parts.size() > 1 && field.type() instanceof FieldType.Collection c) {
      return c.fields().stream().filter(f -> f.name().equals(parts.get(1))).findFirst().orElse(null);
    }
    return field;
  }

  /** One error per field: the first is the one to fix ("5" for a choice is a wrong type, not also unknown). */
  private static List<FieldError> dedupe(List<FieldError> errors) {
    Map<String, FieldError> first = new LinkedHashMap<>();
    for (FieldError e : errors) {
      first.putIfAbsent(e.field(), e);
    }
    return List.copyOf(first.values());
  }
}
