package io.kith.fieldtype;

import io.kith.query.Operator;
import io.kith.query.Operators;
import java.util.Set;

import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A calendar date, ISO {@code 2026-11-22} in JSON and forms. */
final class DateSupport implements FieldTypeSupport<FieldType.Date> {
  @Override
  public Class<FieldType.Date> handles() {
    return FieldType.Date.class;
  }

  @Override
  public String columnType(FieldType.Date type) {
    return "date";
  }

  @Override
  public ObjectNode valueSchema(FieldType.Date type, FieldDef field, MetadataSnapshot s) {
    return Json.typed("string").put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  }

  @Override
  public String codeFor(String keyword) {
    return "pattern".equals(keyword) ? "invalid_date" : null;
  }

  @Override
  public Object toColumn(FieldType.Date type, FieldDef field, JsonNode value)
      throws InvalidValueException {
    LocalDate date;
    try {
      date = LocalDate.parse(value.asString());
    } catch (DateTimeParseException e) {
      throw new InvalidValueException("invalid_date");
    }
    if (field.min() != null && field.min().isString() && date.isBefore(LocalDate.parse(field.min().asString()))) {
      throw new InvalidValueException("too_small", field.min().asString());
    }
    if (field.max() != null && field.max().isString() && date.isAfter(LocalDate.parse(field.max().asString()))) {
      throw new InvalidValueException("too_large", field.max().asString());
    }
    return date;
  }

  @Override
  public Class<?> columnClass(FieldType.Date type) {
    return LocalDate.class;
  }

  @Override
  public JsonNode fromColumn(FieldType.Date type, Object value) {
    return Json.NODES.stringNode(value.toString());
  }

  @Override
  public JsonNode fromForm(FieldType.Date type, List<String> values) {
    if (values.isEmpty() || values.get(0).isBlank()) {
      return null;
    }
    return Json.NODES.stringNode(values.get(0).strip());
  }

  @Override
  public String widget(FieldType.Date type) {
    return "date";
  }

  @Override
  public Set<Operator> operators(FieldType.Date type) {
    return Operators.DATE;
  }
}
