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

/**
 * A value the engine derives. A display name is stored (so it sorts and searches); an age is
 * computed when the record is read. Computed values are never accepted as input. An expression's
 * value is stored in a column of its result type (integer, decimal, boolean or text), handled by
 * that type's support.
 */
final class ComputedSupport implements FieldTypeSupport<FieldType.Computed> {

  private final IntegerSupport integers = new IntegerSupport();
  private final DecimalSupport decimals = new DecimalSupport();
  private final BooleanSupport booleans = new BooleanSupport();
  private final DateSupport dates = new DateSupport();

  /** The support of a typed expression result, or null for text values. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private FieldTypeSupport<FieldType> typed(FieldType.Computed type) {
    FieldType result = type.valueType();
    FieldTypeSupport support = result instanceof FieldType.Date ? dates
        : result instanceof FieldType.IntegerNumber ? integers
        : result instanceof FieldType.DecimalNumber ? decimals
        : result instanceof FieldType.Bool ? booleans : null;
    return support;
  }

  @Override
  public Class<FieldType.Computed> handles() {
    return FieldType.Computed.class;
  }

  @Override
  public String columnType(FieldType.Computed type) {
    if (typed(type) != null) {
      return typed(type).columnType(type.valueType());
    }
    return type.hasColumn() ? "text" : null;
  }

  @Override
  public ObjectNode valueSchema(FieldType.Computed type, FieldDef field, MetadataSnapshot s) {
    return Json.object();
  }

  @Override
  public Object toColumn(FieldType.Computed type, FieldDef field, JsonNode value) throws InvalidValueException {
    if (typed(type) != null) {
      return typed(type).toColumn(type.valueType(), field, value);
    }
    return value.asString();
  }

  @Override
  public Class<?> columnClass(FieldType.Computed type) {
    if (typed(type) != null) {
      return typed(type).columnClass(type.valueType());
    }
    return String.class;
  }

  @Override
  public JsonNode fromColumn(FieldType.Computed type, Object value) {
    if (typed(type) != null) {
      return typed(type).fromColumn(type.valueType(), value);
    }
    return Json.NODES.stringNode(value.toString());
  }

  @Override
  /** Computed values are never read from forms (FormValues skips them); this serves filters. */
  public JsonNode fromForm(FieldType.Computed type, List<String> values) {
    if (typed(type) != null) {
      return typed(type).fromForm(type.result(), values);
    }
    if (values.isEmpty() || values.get(0).isBlank()) {
      return null;
    }
    return Json.NODES.stringNode(values.get(0).strip());
  }

  @Override
  public String widget(FieldType.Computed type) {
    return "readonly";
  }

  /** A stored display name filters like text; an age is computed on read and cannot be filtered. */
  @Override
  public Set<Operator> operators(FieldType.Computed type) {
    if (!type.hasColumn()) {
      return Operators.NONE;
    }
    if (typed(type) != null) {
      return typed(type).operators(type.valueType());
    }
    return Operators.TEXT;
  }
}
