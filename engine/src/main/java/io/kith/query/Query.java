package io.kith.query;

import io.kith.metadata.SortSpec;
import java.util.List;

/**
 * The one query model: used by the list API, {@code POST /api/v1/{entity}/search}, the advanced
 * search page, saved searches and exports. Built only by {@link QueryReader}, so every name in it
 * has been checked against the metadata.
 *
 * @param filter the filter tree, or null for all records
 * @param columns the fields to return, or empty for whole records
 */
public record Query(String entity, Filter filter, List<SortSpec> sort, int page, int size, List<String> columns) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 200;

  public Query {
    sort = List.copyOf(sort);
    columns = List.copyOf(columns);
  }

  public long offset() {
    return (long) (page - 1) * size;
  }

  public Query withColumns(List<String> newColumns) {
    return new Query(entity, filter, sort, page, size, newColumns);
  }

  public Query withPage(int newPage) {
    return new Query(entity, filter, sort, newPage, size, columns);
  }
}
