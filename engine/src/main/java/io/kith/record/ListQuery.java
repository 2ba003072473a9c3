package io.kith.record;

import io.kith.metadata.SortSpec;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A page of records: equality filters (field or system column to value; null means "is empty"),
 * sort keys and a 1-based page.
 */
public record ListQuery(Map<String, JsonNode> filters, List<SortSpec> sort, int page, int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 200;

  public ListQuery {
    filters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(filters));
    sort = List.copyOf(sort);
  }

  long offset() {
    return (long) (page - 1) * size;
  }
}
