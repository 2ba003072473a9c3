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
 * computed when the record is read. Computed values are never accepted as input.
 */
final class ComputedSupport implements FieldTypeSupport<FieldType.Computed> {
  @Override
  public Class<FieldType.Computed> handles() {
    return FieldType.Computed.class;
  }

  @Override
  public String columnType(FieldType.Computed type) {
    if (!type.hasColumn()) {
      return null;
    }
    return type.formula() == FieldType.Formula.PERIOD_END ? "date" : "text";
  }

  @Override
  public ObjectNode valueSchema(FieldType.Computed type, FieldDef field, MetadataSnapshot s) {
    return Json.object();
  }

  @Override
  public Object toColumn(FieldType.Computed type, FieldDef field, JsonNode value) {
    return type.formula() == FieldType.Formula.PERIOD_END ? java.time.LocalDate.parse(value.asString()) : value.asString();
  }

  @Override
  public Class<?> columnClass(FieldType.Computed type) {
    return type.formula() == FieldType.Formula.PERIOD_END ? java.time.LocalDate.class : String.class;
  }

  @Override
  public JsonNode fromColumn(FieldType.Computed type, Object value) {
    return Json.NODES.stringNode(value.toString());
  }

  @Override
  /** Computed values are never read from forms (FormValues skips them); this serves filters. */
  public JsonNode fromForm(FieldType.Computed type, List<String> values) {
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
    return type.formula() == FieldType.Formula.PERIOD_END ? Operators.DATE : Operators.TEXT;
  }
}
