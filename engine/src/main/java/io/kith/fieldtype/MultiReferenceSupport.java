package io.kith.fieldtype;

import io.kith.query.Operator;
import io.kith.query.Operators;
import java.util.Set;

import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Ids of several records of another entity type, kept in a link table rather than a column. */
final class MultiReferenceSupport implements FieldTypeSupport<FieldType.MultiReference> {
  @Override
  public Class<FieldType.MultiReference> handles() {
    return FieldType.MultiReference.class;
  }

  @Override
  public String columnType(FieldType.MultiReference type) {
    return null;
  }

  @Override
  public ObjectNode valueSchema(FieldType.MultiReference type, FieldDef field, MetadataSnapshot s) {
    ObjectNode schema = Json.typed("array");
    schema.set("items", Json.typed("integer").put("minimum", 1));
    schema.put("uniqueItems", true);
    return schema;
  }

  @Override
  public String codeFor(String keyword) {
    return switch (keyword) {
      case "minimum" -> "not_found";
      case "uniqueItems" -> "duplicate_reference";
      default -> null;
    };
  }

  @Override
  public Object toColumn(FieldType.MultiReference type, FieldDef field, JsonNode value) {
    long[] ids = new long[value.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = value.get(i).asLong();
    }
    return ids;
  }

  @Override
  public Class<?> columnClass(FieldType.MultiReference type) {
    return Long.class;
  }

  @Override
  public JsonNode fromColumn(FieldType.MultiReference type, Object value) {
    return Json.NODES.numberNode(((Number) value).longValue());
  }

  @Override
  public JsonNode fromForm(FieldType.MultiReference type, List<String> values) {
    ArrayNode ids = Json.array();
    for (String value : values) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          ids.add(DecimalSupport.parseNumber(List.of(part)));
        }
      }
    }
    return ids;
  }

  @Override
  public String widget(FieldType.MultiReference type) {
    return "multireference";
  }

  @Override
  public Set<Operator> operators(FieldType.MultiReference type) {
    return Operators.MULTI_REFERENCE;
  }
}
