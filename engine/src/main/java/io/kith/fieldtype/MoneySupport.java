package io.kith.fieldtype;

import io.kith.query.Operator;
import io.kith.query.Operators;
import java.util.Set;

import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An amount with two decimals, stored as numeric(19,2). */
final class MoneySupport implements FieldTypeSupport<FieldType.Money> {
  @Override
  public Class<FieldType.Money> handles() {
    return FieldType.Money.class;
  }

  @Override
  public String columnType(FieldType.Money type) {
    return "numeric(" + FieldType.Money.PRECISION + "," + FieldType.Money.SCALE + ")";
  }

  @Override
  public ObjectNode valueSchema(FieldType.Money type, FieldDef field, MetadataSnapshot s) {
    return DecimalSupport.schema(FieldType.Money.PRECISION, FieldType.Money.SCALE, field);
  }

  @Override
  public Object toColumn(FieldType.Money type, FieldDef field, JsonNode value)
      throws InvalidValueException {
    return DecimalSupport.decimal(value, FieldType.Money.SCALE);
  }

  @Override
  public Class<?> columnClass(FieldType.Money type) {
    return BigDecimal.class;
  }

  @Override
  public JsonNode fromColumn(FieldType.Money type, Object value) {
    return Json.NODES.numberNode((BigDecimal) value);
  }

  @Override
  public JsonNode fromForm(FieldType.Money type, List<String> values) {
    return DecimalSupport.parseNumber(values);
  }

  @Override
  public String widget(FieldType.Money type) {
    return "money";
  }

  @Override
  public Set<Operator> operators(FieldType.Money type) {
    return Operators.NUMBER;
  }
}
