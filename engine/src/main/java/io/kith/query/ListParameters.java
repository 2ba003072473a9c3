package io.kith.query;

import io.kith.fieldtype.FieldTypes;
import io.kith.fieldtype.Json;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.SortSpec;
import io.kith.record.RecordException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The simple list parameters ({@code page}, {@code size}, {@code sort} and {@code field=value}
 * equality filters) read into the one {@link Query} model. Every name must be a system column or a
 * field with a column; anything else is a 400 naming it, before any SQL exists.
 */
public final class ListParameters {

  /** Parameters that are not filters. */
  public static final Set<String> CONTROL = Set.of("page", "size", "sort", "lang", "jump");

  private final FieldTypes fieldTypes;
  private final QueryReader reader;

  public ListParameters(FieldTypes fieldTypes, QueryReader reader) {
    this.fieldTypes = fieldTypes;
    this.reader = reader;
  }

  /** API lists: {@code field=value} means equality. */
  public Query parse(MetadataSnapshot snapshot, EntityDef entity, Map<String, List<String>> params) {
    return parse(snapshot, entity, params, false);
  }

  /** List pages: text filters match any part of the text, ignoring case. */
  /** The parameters with {@code owner=me} ("my records") standing for the caller's own id. */
  public static org.springframework.util.MultiValueMap<String, String> mine(
      org.springframework.util.MultiValueMap<String, String> params, java.util.Optional<Long> me) {
    if (!"me".equals(params.getFirst("owner"))) {
      return params;
    }
    org.springframework.util.LinkedMultiValueMap<String, String> out = new org.springframework.util.LinkedMultiValueMap<>(params);
    out.set("owner", me.map(String::valueOf).orElse("0"));
    return out;
  }

  public Query parseFuzzy(MetadataSnapshot snapshot, EntityDef entity, Map<String, List<String>> params) {
    return parse(snapshot, entity, params, true);
  }

  private Query parse(MetadataSnapshot snapshot, EntityDef entity, Map<String, List<String>> params, boolean fuzzy) {
    int page = number(params, "page", 1, 1, Integer.MAX_VALUE);
    int size = number(params, "size", Query.DEFAULT_SIZE, 1, Query.MAX_SIZE);
    List<SortSpec> sort = new ArrayList<>();
    String sortText = first(params, "sort");
    if (sortText != null && !sortText.isBlank()) {
      for (String part : sortText.split(",")) {
        SortSpec spec = SortSpec.parse(part.strip());
        requireColumn(entity, spec.name(), "unknown_sort");
        sort.add(spec);
      }
    } else if (entity.defaultSort() != null) {
      sort.add(entity.defaultSort());
    }
    Map<String, JsonNode> filters = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> param : params.entrySet()) {
      String name = param.getKey();
      if (CONTROL.contains(name) || param.getValue().isEmpty()) {
        continue;
      }
      requireColumn(entity, name, "unknown_filter");
      String value = param.getValue().get(0);
      filters.put(name, value.isEmpty() ? null : json(entity, name, value));
    }
    return reader.equalities(snapshot, entity, filters, sort, page, size, fuzzy);
  }

  /** Query-string text to JSON of the field's type, so it is checked like any filter value. */
  private JsonNode json(EntityDef entity, String name, String text) {
    FieldDef field = entity.field(name).orElse(null);
    if (field == null) {
      return switch (name) {
        case "active" -> "true".equals(text) || "false".equals(text)
            ? Json.NODES.booleanNode(Boolean.parseBoolean(text)) : Json.NODES.stringNode(text);
        case "subtype", "created_at", "updated_at" -> Json.NODES.stringNode(text);
        default -> number(text);
      };
    }
    JsonNode value = fieldTypes.of(field.type()).fromQueryParameter(field.type(), text);
    if (value != null && value.isArray()) {
      return value.isEmpty() ? null : value.get(0);
    }
    return value;
  }

  private static JsonNode number(String text) {
    try {
      return Json.NODES.numberNode(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Json.NODES.stringNode(text);
    }
  }

  private static void requireColumn(EntityDef entity, String name, String code) {
    Target target = Target.of(entity, entity.fields(), name);
    if (target == null || (target.field() != null && !target.field().type().hasColumn())) {
      throw new RecordException(RecordException.Reason.BAD_QUERY, code, name);
    }
  }

  private static int number(Map<String, List<String>> params, String name, int fallback, int min, int max) {
    String text = first(params, name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value < min || value > max) {
        throw new RecordException(RecordException.Reason.BAD_QUERY, "out_of_range", name, min, max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new RecordException(RecordException.Reason.BAD_QUERY, "not_a_number", name);
    }
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
