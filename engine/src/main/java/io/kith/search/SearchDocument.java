package io.kith.search;

import io.kith.metadata.FieldType;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What Kith stores for quick search on one record: the normalised label (the order within a rank),
 * the searchable values joined by separators, and their grams.
 *
 * @param label the display label, normalised; sorts results of the same rank
 * @param text {@code SEPARATOR value SEPARATOR value ... SEPARATOR}
 * @param keys the sorted, distinct index keys of every value's grams (see
 *     {@link SearchText#indexKeys(java.util.Collection)}); unboxed, as an import holds some 70 per
 *     record for two batches at a time (the statement binder boxes them for the driver)
 */
public record SearchDocument(String label, String text, int[] keys) {

  /** More values than this (long collections) are left out of search. */
  static final int MAX_VALUES = 100;

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the values of a record's search fields. */
  public static final class Builder {

    private final Set<String> values = new LinkedHashSet<>();

    private Builder() {}

    /**
     * Adds one field value: an email also as its local part and its domain; a phone number as its
     * digits and the digits from each later group on ("+852 2345 6781" as 85223456781, 23456781
     * and 6781); anything else as its normalised text.
     */
    public Builder add(FieldType type, String raw) {
      if (raw == null || raw.isBlank()) {
        return this;
      }
      if (type instanceof FieldType.Phone) {
        addPhone(raw);
        return this;
      }
      String value = SearchText.normalize(raw);
      add(value);
      int at = value.lastIndexOf('@');
      if (type instanceof FieldType.Email && at > 0) {
        add(value.substring(0, at));
        add(value.substring(at + 1));
      }
      return this;
    }

    private void addPhone(String raw) {
      add(SearchText.digits(raw));
      for (int i = 1; i < raw.length(); i++) {
        if (Character.isDigit(raw.charAt(i)) && !Character.isDigit(raw.charAt(i - 1))) {
          String rest = SearchText.digits(raw.substring(i));
          if (rest.length() >= 3) {
            add(rest);
          }
        }
      }
    }

    private void add(String value) {
      if (!value.isEmpty() && values.size() < MAX_VALUES) {
        values.add(SearchText.truncate(value));
      }
    }

    /** The document, labelled with the record's display label. */
    public SearchDocument build(String label) {
      String text = SearchText.SEPARATOR + String.join(SearchText.SEPARATOR, values) + SearchText.SEPARATOR;
      return new SearchDocument(SearchText.normalize(label), values.isEmpty() ? SearchText.SEPARATOR : text,
          SearchText.indexKeys(values));
    }
  }
}
