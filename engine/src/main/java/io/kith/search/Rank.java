package io.kith.search;

import java.util.Locale;

/** How well a record matches: its whole value, the start of a value or word, or somewhere inside. */
public enum Rank {
  EXACT,
  PREFIX,
  CONTAINS;

  /** {@code exact}, {@code prefix} or {@code contains}, as the API writes it. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
