package io.kith.importing;

import java.util.Locale;

/** What happens to a row whose duplicate key matches an existing record. */
enum DuplicateMode {
  /** No check: every row is a new record. */
  NONE,
  /** The existing record is left alone; the row is counted as skipped. */
  SKIP,
  /** The fields the row fills overwrite the existing record's. */
  UPDATE,
  /** Only the existing record's empty fields are filled; a row with nothing to fill is skipped. */
  FILL;

  static DuplicateMode of(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
