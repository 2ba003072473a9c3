package io.kith.fieldtype;

import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.query.Operator;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything Kith does differently per field type, in one place per type: the SQL column, the JSON
 * Schema of input values, conversion between JSON, database values and HTML form strings, and the
 * form widget. Implementations are stateless singletons held by {@link FieldTypes}.
 *
 * @param <T> the field type handled
 */
public interface FieldTypeSupport<T extends FieldType> {

  Class<T> handles();

  /**
   * The column type exactly as PostgreSQL's {@code format_type} prints it ({@code character
   * varying(64)}), or null when the type has no column in the entity's table.
   */
  String columnType(T type);

  /** The JSON Schema of one non-null input value (null-ness and requiredness are added around it). */
  ObjectNode valueSchema(T type, FieldDef field, MetadataSnapshot snapshot);

  /**
   * The error code reported when {@code keyword} of this type's value schema fails, so that an
   * email's {@code pattern} becomes {@code invalid_email}. Null to use the generic code.
   */
  default String codeFor(String keyword) {
    return null;
  }

  /** Converts a schema-valid JSON value into the Java value bound to the column. */
  Object toColumn(T type, FieldDef field, JsonNode value) throws InvalidValueException;

  /** The Java class read from and bound to the column (also used to bind nulls). */
  Class<?> columnClass(T type);

  /** Converts a column value (never null) back to JSON. */
  JsonNode fromColumn(T type, Object value);

  /**
   * Converts the strings an HTML form sent for this field into JSON, or null for none. Strings
   * that do not parse are returned as strings, so the schema reports a clear type error.
   */
  JsonNode fromForm(T type, List<String> values);

  /** Converts one query-string value into JSON for an equality filter. */
  default JsonNode fromQueryParameter(T type, String value) {
    return fromForm(type, List.of(value));
  }

  /** The filter operators this type offers in queries. */
  Set<Operator> operators(T type);

  /** The name of the FreeMarker macro that renders the input ({@code text}, {@code select}...). */
  String widget(T type);
}
