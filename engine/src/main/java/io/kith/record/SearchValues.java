package io.kith.record;

import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.search.SearchColumns;
import io.kith.search.SearchDocument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The quick-search columns of one record, from the values being written merged over the stored
 * ones (child rows included), so every create and patch refreshes them in its own transaction.
 */
final class SearchValues {

  private SearchValues() {}

  /** The Java class bound to a search column. */
  static Class<?> columnClass(String column) {
    return column.equals(SearchColumns.GRAMS) ? Integer[].class : String.class;
  }

  /**
   * Search column values for the record {@code input} makes of {@code existing} (null on create).
   * {@code computed} holds the stored computed values already worked out for this write.
   */
  static Map<String, Object> of(EntityDef entity, String subtype, RecordInput input, JsonNode existing,
      Map<String, Object> computed) {
    Function<String, String> value = name -> {
      Object v = computed.containsKey(name) ? computed.get(name)
          : input.columns().containsKey(name) ? input.columns().get(name) : null;
      if (v != null || computed.containsKey(name) || input.columns().containsKey(name)) {
        return v == null ? null : v.toString();
      }
      JsonNode stored = existing == null ? null : existing.get(name);
      return stored == null || stored.isNull() ? null : stored.asString();
    };
    SearchDocument.Builder doc = SearchDocument.builder();
    for (String path : entity.searchFields()) {
      int dot = path.indexOf('.');
      FieldDef field = entity.field(dot < 0 ? path : path.substring(0, dot)).orElseThrow();
      if (dot < 0) {
        doc.add(field.type(), value.apply(field.name()));
        continue;
      }
      String childName = path.substring(dot + 1);
      FieldDef child = ((FieldType.Collection) field.type()).fields().stream()
          .filter(f -> f.name().equals(childName)).findFirst().orElseThrow();
      List<Map<String, Object>> rows = input.collections().get(field.name());
      if (rows != null) {
        rows.forEach(row -> doc.add(child.type(), row.get(childName) == null ? null : row.get(childName).toString()));
      } else if (existing != null && existing.get(field.name()) != null) {
        existing.get(field.name()).forEach(row -> doc.add(child.type(),
            row.path(childName).isNull() || row.path(childName).isMissingNode() ? null : row.path(childName).asString()));
      }
    }
    SearchDocument built = doc.build(entity.displayName().render(subtype, value));
    Map<String, Object> out = new HashMap<>();
    out.put(SearchColumns.LABEL, built.label());
    out.put(SearchColumns.TEXT, built.text());
    out.put(SearchColumns.GRAMS, built.keys());
    return out;
  }
}
