package io.kith.fieldtype;

import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Shared behaviour of the types stored as strings: trimmed input, length limit, optional pattern. */
abstract class StringSupport<T extends FieldType> implements FieldTypeSupport<T> {

  /** The longest value allowed, or 0 for unlimited. */
  abstract int maxLength(T type);

  /** The pattern every value of this type must match, or null. */
  String typePattern() {
    return null;
  }

  @Override
  public String columnType(T type) {
    int max = maxLength(type);
    return max == 0 ? "text" : "character varying(" + max + ")";
  }

  @Override
  public ObjectNode valueSchema(T type, FieldDef field, MetadataSnapshot snapshot) {
    ObjectNode schema = Json.typed("string");
    if (maxLength(type) > 0) {
      schema.put("maxLength", maxLength(type));
    }
    if (typePattern() != null) {
      schema.put("pattern", typePattern());
    }
    if (field.pattern() != null) {
      schema.set("allOf", Json.array().add(Json.object().put("pattern", field.pattern())));
    }
    return schema;
  }

  @Override
  public Object toColumn(T type, FieldDef field, JsonNode value) {
    return value.asString().strip();
  }

  @Override
  public Class<?> columnClass(T type) {
    return String.class;
  }

  @Override
  public JsonNode fromColumn(T type, Object value) {
    return Json.NODES.stringNode((String) value);
  }

  @Override
  public JsonNode fromForm(T type, List<String> values) {
    if (values.isEmpty() || values.get(0).isBlank()) {
      return null;
    }
    return Json.NODES.stringNode(values.get(0).strip());
  }

  @Override
  public String widget(T type) {
    return "text";
  }
}
