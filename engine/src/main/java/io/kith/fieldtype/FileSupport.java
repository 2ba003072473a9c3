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
 * A file field holds the id of an uploaded file ({@code POST /api/v1/files}); the content is
 * served through the record ({@code GET /api/v1/{entity}/{id}/files/{fileId}}) so the record's
 * permissions apply. Whether the id may be attached is checked with the record's other stored checks.
 */
final class FileSupport implements FieldTypeSupport<FieldType.File> {

  @Override
  public Class<FieldType.File> handles() {
    return FieldType.File.class;
  }

  @Override
  public String columnType(FieldType.File type) {
    return "bigint";
  }

  @Override
  public ObjectNode valueSchema(FieldType.File type, FieldDef field, MetadataSnapshot s) {
    return Json.typed("integer").put("minimum", 1).put("maximum", Long.MAX_VALUE);
  }

  @Override
  public String codeFor(String keyword) {
    return keyword.equals("minimum") || keyword.equals("maximum") ? "not_found" : null;
  }

  @Override
  public Object toColumn(FieldType.File type, FieldDef field, JsonNode value) {
    return value.asLong();
  }

  @Override
  public Class<?> columnClass(FieldType.File type) {
    return Long.class;
  }

  @Override
  public JsonNode fromColumn(FieldType.File type, Object value) {
    return Json.NODES.numberNode(((Number) value).longValue());
  }

  @Override
  public JsonNode fromForm(FieldType.File type, List<String> values) {
    return DecimalSupport.parseNumber(values);
  }

  @Override
  public String widget(FieldType.File type) {
    return "file";
  }

  @Override
  public Set<Operator> operators(FieldType.File type) {
    return Set.of(Operator.EMPTY, Operator.NOT_EMPTY);
  }
}
