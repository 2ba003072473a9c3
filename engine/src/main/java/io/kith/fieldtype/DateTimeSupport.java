package io.kith.fieldtype;

import io.kith.query.Operator;
import io.kith.query.Operators;
import java.util.Set;

import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An instant, stored as timestamptz. JSON carries ISO-8601 with an offset; a value without an offset
 * (what a browser's datetime-local input sends) is read in Kith's time zone.
 */
final class DateTimeSupport implements FieldTypeSupport<FieldType.DateTime> {

  private final ZoneId zone;

  DateTimeSupport(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public Class<FieldType.DateTime> handles() {
    return FieldType.DateTime.class;
  }

  @Override
  public String columnType(FieldType.DateTime type) {
    return "timestamp with time zone";
  }

  @Override
  public ObjectNode valueSchema(FieldType.DateTime type, FieldDef field, MetadataSnapshot s) {
    return Json.typed("string").put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}");
  }

  @Override
  public String codeFor(String keyword) {
    return "pattern".equals(keyword) ? "invalid_datetime" : null;
  }

  @Override
  public Object toColumn(FieldType.DateTime type, FieldDef field, JsonNode value)
      throws InvalidValueException {
    String text = value.asString();
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
      } catch (DateTimeParseException e) {
        throw new InvalidValueException("invalid_datetime");
      }
    }
  }

  @Override
  public Class<?> columnClass(FieldType.DateTime type) {
    return OffsetDateTime.class;
  }

  @Override
  public JsonNode fromColumn(FieldType.DateTime type, Object value) {
    return Json.NODES.stringNode(((OffsetDateTime) value).atZoneSameInstant(zone).toOffsetDateTime().toString());
  }

  @Override
  public JsonNode fromForm(FieldType.DateTime type, List<String> values) {
    if (values.isEmpty() || values.get(0).isBlank()) {
      return null;
    }
    return Json.NODES.stringNode(values.get(0).strip());
  }

  @Override
  public String widget(FieldType.DateTime type) {
    return "datetime";
  }

  @Override
  public Set<Operator> operators(FieldType.DateTime type) {
    return Operators.DATE;
  }
}
