package io.kith.web.page;

import java.util.regex.Pattern;

/** The metadata's names (entity types, fields, subtypes, sections, relationship types): checked on the page first. */
final class AdminNames {

  /** The schemas' identifier: lower-case words of letters and digits joined by single underscores, at most 40. */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  private AdminNames() {}

  static boolean valid(String name) {
    return name.length() <= 40 && NAME.matcher(name).matches();
  }
}
