package io.kith.fieldtype;

import io.kith.query.Operator;
import io.kith.query.Operators;
import java.util.Set;

import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

final class BooleanSupport implements FieldTypeSupport<FieldType.Bool> {
  @Override
  public Class<FieldType.Bool> handles() {
    return FieldType.Bool.class;
  }

  @Override
  public String columnType(FieldType.Bool type) {
    return "boolean";
  }

  @Override
  public ObjectNode valueSchema(FieldType.Bool type, FieldDef field, MetadataSnapshot s) {
    return Json.typed("boolean");
  }

  @Override
  public Object toColumn(FieldType.Bool type, FieldDef field, JsonNode value) {
    return value.asBoolean();
  }

  @Override
  public Class<?> columnClass(FieldType.Bool type) {
    return Boolean.class;
  }

  @Override
  public JsonNode fromColumn(FieldType.Bool type, Object value) {
    return Json.NODES.booleanNode((Boolean) value);
  }

  /** A checkbox sends "true" when ticked; the form also sends a hidden "false" so unticking works. */
  @Override
  public JsonNode fromForm(FieldType.Bool type, List<String> values) {
    return Json.NODES.booleanNode(values.contains("true") || values.contains("on"));
  }

  @Override
  public JsonNode fromQueryParameter(FieldType.Bool type, String value) {
    return switch (value) {
      case "true" -> Json.NODES.booleanNode(true);
      case "false" -> Json.NODES.booleanNode(false);
      default -> Json.NODES.stringNode(value);
    };
  }

  @Override
  public String widget(FieldType.Bool type) {
    return "checkbox";
  }

  @Override
  public Set<Operator> operators(FieldType.Bool type) {
    return Operators.BOOLEAN;
  }
}
