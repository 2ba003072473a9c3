package io.kith.record;

import io.kith.fieldtype.FieldTypes;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.Identifiers;
import io.kith.metadata.SortSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code page}, {@code size}, {@code sort} and equality filters from query parameters.
 * Every name must be a system column or a field with a column; anything else is a 400 naming it,
 * before any SQL exists.
 */
public final class ListQueries {

  /** Parameters that are not filters. */
  public static final Set<String> CONTROL = Set.of("page", "size", "sort", "lang", "jump");

  private final FieldTypes fieldTypes;

  public ListQueries(FieldTypes fieldTypes) {
    this.fieldTypes = fieldTypes;
  }

  public ListQuery parse(EntityDef entity, Map<String, List<String>> params) {
    int page = number(params, "page", 1, 1, Integer.MAX_VALUE);
    int size = number(params, "size", ListQuery.DEFAULT_SIZE, 1, ListQuery.MAX_SIZE);
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
      filters.put(name, value.isEmpty() ? null : FilterValues.parse(entity, fieldTypes, name, value));
    }
    return new ListQuery(filters, sort, page, size);
  }

  private static void requireColumn(EntityDef entity, String name, String code) {
    boolean system = Identifiers.SYSTEM_COLUMNS.contains(name) && (entity.hasSubtypes() || !name.equals("subtype"));
    boolean field = entity.field(name).map(FieldDef::type).map(t -> t.hasColumn()).orElse(false);
    if (!system && !field) {
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
