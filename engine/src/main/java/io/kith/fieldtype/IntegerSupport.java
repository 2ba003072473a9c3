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

final class IntegerSupport implements FieldTypeSupport<FieldType.IntegerNumber> {
  @Override
  public Class<FieldType.IntegerNumber> handles() {
    return FieldType.IntegerNumber.class;
  }

  @Override
  public String columnType(FieldType.IntegerNumber type) {
    return "bigint";
  }

  @Override
  public ObjectNode valueSchema(FieldType.IntegerNumber type, FieldDef field, MetadataSnapshot s) {
    ObjectNode schema = Json.typed("integer");
    schema.put("minimum", Long.MIN_VALUE).put("maximum", Long.MAX_VALUE);
    return NumberBounds.apply(schema, field);
  }

  @Override
  public Object toColumn(FieldType.IntegerNumber type, FieldDef field, JsonNode value) {
    return value.asLong();
  }

  @Override
  public Class<?> columnClass(FieldType.IntegerNumber type) {
    return Long.class;
  }

  @Override
  public JsonNode fromColumn(FieldType.IntegerNumber type, Object value) {
    return Json.NODES.numberNode(((Number) value).longValue());
  }

  @Override
  public JsonNode fromForm(FieldType.IntegerNumber type, List<String> values) {
    return DecimalSupport.parseNumber(values);
  }

  @Override
  public String widget(FieldType.IntegerNumber type) {
    return "integer";
  }

  @Override
  public Set<Operator> operators(FieldType.IntegerNumber type) {
    return Operators.NUMBER;
  }
}
