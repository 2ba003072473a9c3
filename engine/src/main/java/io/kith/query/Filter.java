package io.kith.query;

import java.util.List;

/** A filter tree: AND and OR groups of conditions. */
public sealed interface Filter {

  /** Every filter must match. */
  record All(List<Filter> filters) implements Filter {
    public All {
      filters = List.copyOf(filters);
    }
  }

  /** At least one filter must match. */
  record AnyOf(List<Filter> filters) implements Filter {
    public AnyOf {
      filters = List.copyOf(filters);
    }
  }

  /**
   * One test on one field or system column, with its value already converted to what is bound in
   * SQL: a single value, a two-element list (between), a list (in), a day count, or a nested filter
   * on a collection's fields (any). {@code value} is null for operators that take none.
   */
  record Condition(String field, Operator operator, Object value) implements Filter {}

  /**
   * Records of {@code entity} shared with user {@code userId} ({@code kith.record_share}). Never
   * read from a query document: Kith adds it for the "own plus shared with me" scope.
   */
  record SharedWith(String entity, long userId) implements Filter {}
}
