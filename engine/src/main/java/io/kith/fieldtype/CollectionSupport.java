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
 * Repeatable sub-records kept in a child table. The value schema is built by the record schema
 * generator, which knows how to describe the child fields; form rows are parsed by the form reader.
 */
final class CollectionSupport implements FieldTypeSupport<FieldType.Collection> {
  @Override
  public Class<FieldType.Collection> handles() {
    return FieldType.Collection.class;
  }

  @Override
  public String columnType(FieldType.Collection type) {
    return null;
  }

  @Override
  public ObjectNode valueSchema(FieldType.Collection type, FieldDef field, MetadataSnapshot s) {
    return Json.typed("array");
  }

  @Override
  public Object toColumn(FieldType.Collection type, FieldDef field, JsonNode value) {
    throw new IllegalStateException("collections have no column");
  }

  @Override
  public Class<?> columnClass(FieldType.Collection type) {
    throw new IllegalStateException("collections have no column");
  }

  @Override
  public JsonNode fromColumn(FieldType.Collection type, Object value) {
    throw new IllegalStateException("collections have no column");
  }

  @Override
  public JsonNode fromForm(FieldType.Collection type, List<String> values) {
    throw new IllegalStateException("collection rows are read by the form reader");
  }

  @Override
  public String widget(FieldType.Collection type) {
    return "collection";
  }

  @Override
  public Set<Operator> operators(FieldType.Collection type) {
    return Operators.COLLECTION;
  }
}
