package io.kith.search;

import io.kith.metadata.Identifiers;
import java.util.Set;

/**
 * The system columns Kith keeps on the table of every entity type in quick search, and their
 * indexes. They are not fields: the API never shows them and schema sync never retires them.
 */
public final class SearchColumns {

  /** The display label, normalised; ordered with the {@code C} collation (code point order). */
  public static final String LABEL = "search_label";
  /** Every searchable value, normalised, between separators (see {@link SearchText}). */
  public static final String TEXT = "search_text";
  /**
   * The grams of those values as integer keys ({@link SearchText#indexKeys(java.util.Collection)}),
   * GIN-indexed. Tables made when grams were stored as text get the new type (and their search
   * columns filled again) at the next schema sync: the columns are derived data.
   */
  public static final String GRAMS = "search_grams";

  public static final Set<String> NAMES = Identifiers.SEARCH_COLUMNS;

  public static final String LABEL_TYPE = "text";
  public static final String LABEL_COLLATION = "collate \"C\"";
  public static final String TEXT_TYPE = "text";
  public static final String GRAMS_TYPE = "integer[]";

  private SearchColumns() {}

  public static boolean isSearchColumn(String column) {
    return NAMES.contains(column);
  }
}
