package io.kith.record;

import io.kith.fieldtype.FieldTypeSupport;
import io.kith.fieldtype.FieldTypes;
import io.kith.fieldtype.InvalidValueException;
import io.kith.fieldtype.Json;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import tools.jackson.databind.JsonNode;

/** Converts filter values to typed bind values, with the same rules as record input. */
final class FilterValues {

  private FilterValues() {}

  /** Query-string text to JSON for {@code name}. */
  static JsonNode parse(EntityDef entity, FieldTypes fieldTypes, String name, String text) {
    FieldDef field = entity.field(name).orElse(null);
    if (field == null) {
      return switch (name) {
        case "active" -> Json.NODES.booleanNode(Boolean.parseBoolean(text));
        case "id", "version", "created_by", "updated_by", "owner" -> parseLong(name, text);
        default -> Json.NODES.stringNode(text);
      };
    }
    JsonNode value = fieldTypes.of(field.type()).fromQueryParameter(field.type(), text);
    if (value != null && value.isArray()) {
      return value.isEmpty() ? null : value.get(0);
    }
    return value;
  }

  /** JSON to the value bound in SQL; a multi-option filter yields a one-element String[]. */
  static SqlBinder.Value of(EntityTable t, FieldTypes fieldTypes, String name, JsonNode value) {
    FieldDef field = t.entity.field(name).orElse(null);
    if (value == null || value.isNull()) {
      return new SqlBinder.Value(null, Object.class);
    }
    if (field == null) {
      return switch (name) {
        case "active" -> new SqlBinder.Value(value.asBoolean(), Boolean.class);
        case "created_at", "updated_at" -> throw new RecordException(
            RecordException.Reason.BAD_QUERY, "unsupported_filter", name);
        case "subtype" -> new SqlBinder.Value(value.asString(), String.class);
        default -> new SqlBinder.Value(value.asLong(), Long.class);
      };
    }
    if (field.type() instanceof FieldType.MultiOption) {
      return new SqlBinder.Value(new String[] {value.asString()}, String[].class);
    }
    FieldTypeSupport<FieldType> support = fieldTypes.of(field.type());
    Class<?> columnClass = support.columnClass(field.type());
    if (!fits(columnClass, value)) {
      throw new RecordException(RecordException.Reason.BAD_QUERY, "bad_filter_value", name);
    }
    try {
      return new SqlBinder.Value(support.toColumn(field.type(), field, value), columnClass);
    } catch (InvalidValueException e) {
      throw new RecordException(RecordException.Reason.BAD_QUERY, "bad_filter_value", name);
    }
  }

  /** Whether the JSON value has the shape the column's Java class is made from. */
  private static boolean fits(Class<?> columnClass, JsonNode value) {
    if (columnClass == Long.class) {
      return value.isIntegralNumber();
    }
    if (columnClass == java.math.BigDecimal.class) {
      return value.isNumber();
    }
    if (columnClass == Boolean.class) {
      return value.isBoolean();
    }
    return value.isString();
  }

  private static JsonNode parseLong(String name, String text) {
    try {
      return Json.NODES.numberNode(Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw new RecordException(RecordException.Reason.BAD_QUERY, "bad_filter_value", name);
    }
  }
}
