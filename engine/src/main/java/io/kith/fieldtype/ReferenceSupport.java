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

/** The id of one record of another entity type; a foreign key in the database. */
final class ReferenceSupport implements FieldTypeSupport<FieldType.Reference> {
  @Override
  public Class<FieldType.Reference> handles() {
    return FieldType.Reference.class;
  }

  @Override
  public String columnType(FieldType.Reference type) {
    return "bigint";
  }

  @Override
  public ObjectNode valueSchema(FieldType.Reference type, FieldDef field, MetadataSnapshot s) {
    return Json.typed("integer").put("minimum", 1);
  }

  @Override
  public String codeFor(String keyword) {
    return "minimum".equals(keyword) ? "not_found" : null;
  }

  @Override
  public Object toColumn(FieldType.Reference type, FieldDef field, JsonNode value) {
    return value.asLong();
  }

  @Override
  public Class<?> columnClass(FieldType.Reference type) {
    return Long.class;
  }

  @Override
  public JsonNode fromColumn(FieldType.Reference type, Object value) {
    return Json.NODES.numberNode(((Number) value).longValue());
  }

  @Override
  public JsonNode fromForm(FieldType.Reference type, List<String> values) {
    return DecimalSupport.parseNumber(values);
  }

  @Override
  public String widget(FieldType.Reference type) {
    return "reference";
  }

  @Override
  public Set<Operator> operators(FieldType.Reference type) {
    return Operators.REFERENCE;
  }
}
