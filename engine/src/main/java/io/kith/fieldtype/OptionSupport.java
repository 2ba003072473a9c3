package io.kith.fieldtype;

import io.kith.query.Operator;
import io.kith.query.Operators;
import java.util.Set;

import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.OptionDef;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One code from an option list. Whether an inactive code may be written is the validator's call. */
final class OptionSupport implements FieldTypeSupport<FieldType.Option> {

  static final int CODE_LENGTH = 64;

  @Override
  public Class<FieldType.Option> handles() {
    return FieldType.Option.class;
  }

  @Override
  public String columnType(FieldType.Option type) {
    return "character varying(" + CODE_LENGTH + ")";
  }

  @Override
  public ObjectNode valueSchema(FieldType.Option type, FieldDef field, MetadataSnapshot snapshot) {
    return codeSchema(snapshot, type.list());
  }

  @Override
  public String codeFor(String keyword) {
    return "enum".equals(keyword) ? "unknown_option" : null;
  }

  @Override
  public Object toColumn(FieldType.Option type, FieldDef field, JsonNode value) {
    return value.asString();
  }

  @Override
  public Class<?> columnClass(FieldType.Option type) {
    return String.class;
  }

  @Override
  public JsonNode fromColumn(FieldType.Option type, Object value) {
    return Json.NODES.stringNode((String) value);
  }

  @Override
  public JsonNode fromForm(FieldType.Option type, List<String> values) {
    if (values.isEmpty() || values.get(0).isBlank()) {
      return null;
    }
    return Json.NODES.stringNode(values.get(0));
  }

  @Override
  public String widget(FieldType.Option type) {
    return "select";
  }

  static ObjectNode codeSchema(MetadataSnapshot snapshot, String list) {
    ArrayNode codes = Json.array();
    for (OptionDef option : snapshot.optionList(list).options()) {
      codes.add(option.code());
    }
    ObjectNode schema = Json.typed("string");
    schema.set("enum", codes);
    return schema;
  }

  @Override
  public Set<Operator> operators(FieldType.Option type) {
    return Operators.OPTION;
  }
}
