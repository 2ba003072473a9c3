package io.kith.fieldtype;

import io.kith.query.Operator;
import io.kith.query.Operators;
import java.util.Set;

import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Several codes from one option list, stored as a varchar array. */
final class MultiOptionSupport implements FieldTypeSupport<FieldType.MultiOption> {
  @Override
  public Class<FieldType.MultiOption> handles() {
    return FieldType.MultiOption.class;
  }

  @Override
  public String columnType(FieldType.MultiOption type) {
    return "character varying(" + OptionSupport.CODE_LENGTH + ")[]";
  }

  @Override
  public ObjectNode valueSchema(FieldType.MultiOption type, FieldDef field, MetadataSnapshot s) {
    ObjectNode schema = Json.typed("array");
    schema.set("items", OptionSupport.codeSchema(s, type.list()));
    schema.put("uniqueItems", true);
    return schema;
  }

  @Override
  public String codeFor(String keyword) {
    return switch (keyword) {
      case "enum" -> "unknown_option";
      case "uniqueItems" -> "duplicate_option";
      default -> null;
    };
  }

  @Override
  public Object toColumn(FieldType.MultiOption type, FieldDef field, JsonNode value) {
    String[] codes = new String[value.size()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = value.get(i).asString();
    }
    return codes;
  }

  @Override
  public Class<?> columnClass(FieldType.MultiOption type) {
    return String[].class;
  }

  @Override
  public JsonNode fromColumn(FieldType.MultiOption type, Object value) {
    ArrayNode codes = Json.array();
    for (String code : (String[]) value) {
      codes.add(code);
    }
    return codes;
  }

  @Override
  public JsonNode fromForm(FieldType.MultiOption type, List<String> values) {
    ArrayNode codes = Json.array();
    values.stream().filter(v -> !v.isBlank()).distinct().forEach(codes::add);
    return codes;
  }

  @Override
  public String widget(FieldType.MultiOption type) {
    return "multiselect";
  }

  @Override
  public Set<Operator> operators(FieldType.MultiOption type) {
    return Operators.MULTI_OPTION;
  }
}
