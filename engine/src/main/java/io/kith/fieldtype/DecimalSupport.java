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

final class DecimalSupport implements FieldTypeSupport<FieldType.DecimalNumber> {
  @Override
  public Class<FieldType.DecimalNumber> handles() {
    return FieldType.DecimalNumber.class;
  }

  @Override
  public String columnType(FieldType.DecimalNumber type) {
    return "numeric(" + type.precision() + "," + type.scale() + ")";
  }

  @Override
  public ObjectNode valueSchema(FieldType.DecimalNumber type, FieldDef field, MetadataSnapshot s) {
    return schema(type.precision(), type.scale(), field);
  }

  @Override
  public Object toColumn(FieldType.DecimalNumber type, FieldDef field, JsonNode value)
      throws InvalidValueException {
    return decimal(value, type.scale());
  }

  @Override
  public Class<?> columnClass(FieldType.DecimalNumber type) {
    return BigDecimal.class;
  }

  @Override
  public JsonNode fromColumn(FieldType.DecimalNumber type, Object value) {
    return Json.NODES.numberNode((BigDecimal) value);
  }

  @Override
  public JsonNode fromForm(FieldType.DecimalNumber type, List<String> values) {
    return parseNumber(values);
  }

  @Override
  public String widget(FieldType.DecimalNumber type) {
    return "decimal";
  }

  /** A number schema whose bounds keep the value inside numeric(precision, scale). */
  static ObjectNode schema(int precision, int scale, FieldDef field) {
    BigDecimal limit = BigDecimal.TEN.pow(precision - scale);
    ObjectNode schema = Json.typed("number");
    schema.put("exclusiveMaximum", limit).put("exclusiveMinimum", limit.negate());
    return NumberBounds.apply(schema, field);
  }

  static BigDecimal decimal(JsonNode value, int scale) throws InvalidValueException {
    BigDecimal number = value.decimalValue();
    if (number.stripTrailingZeros().scale() > scale) {
      throw new InvalidValueException("too_many_decimals", scale);
    }
    return number;
  }

  /** Parses a form's number input; returns the raw string if it is not a number. */
  static JsonNode parseNumber(List<String> values) {
    if (values.isEmpty() || values.get(0).isBlank()) {
      return null;
    }
    String text = values.get(0).strip().replace(",", "");
    try {
      BigDecimal number = new BigDecimal(text);
      return number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
          ? Json.NODES.numberNode(number.longValueExact())
          : Json.NODES.numberNode(number);
    } catch (NumberFormatException | ArithmeticException e) {
      return Json.NODES.stringNode(values.get(0));
    }
  }

  @Override
  public Set<Operator> operators(FieldType.DecimalNumber type) {
    return Operators.NUMBER;
  }
}
