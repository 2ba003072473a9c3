package io.kith.metadata;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Rules for names in metadata: they become table and column names and JSON keys. */
public final class Identifiers {

  /** Lower snake case, no double or trailing underscore (child tables use {@code parent__field}). */
  public static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  public static final int MAX_LENGTH = 40;

  /** Columns every entity table has; no field may take these names. */
  public static final Set<String> SYSTEM_COLUMNS =
      Set.of(
          "id",
          "version",
          "subtype",
          "created_at",
          "created_by",
          "updated_at",
          "updated_by",
          "owner",
          "active");

  /** Columns Kith adds to the table of an entity type in quick search; no field may take these names. */
  public static final Set<String> SEARCH_COLUMNS = Set.of("search_label", "search_text", "search_grams");

  /** Names with a meaning in Kith's URLs and API. */
  private static final Set<String> KITH_RESERVED =
      Set.of("meta", "api", "app", "ui", "search", "new", "edit", "imports", "jobs", "kith", "users", "roles", "me",
          "login", "logout", "account", "admin", "files");

  /** PostgreSQL reserved key words (SQL:2016 reserved ones PostgreSQL also reserves). */
  private static final Set<String> SQL_RESERVED =
      Set.of(
          "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
          "authorization", "binary", "both", "case", "cast", "check", "collate", "collation",
          "column", "concurrently", "constraint", "create", "cross", "current_catalog",
          "current_date", "current_role", "current_schema", "current_time", "current_timestamp",
          "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
          "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group",
          "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull",
          "join", "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp",
          "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer",
          "overlaps", "placing", "primary", "references", "returning", "right", "select",
          "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample",
          "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic",
          "verbose", "when", "where", "window", "with");

  private Identifiers() {}

  public static boolean isValid(String name) {
    return name != null && name.length() <= MAX_LENGTH && PATTERN.matcher(name).matches();
  }

  /** Why {@code name} cannot be used, or null when it can. */
  public static String reservedReason(String name) {
    if (SQL_RESERVED.contains(name)) {
      return "\"" + name + "\" is a reserved SQL word; choose another name.";
    }
    if (KITH_RESERVED.contains(name)) {
      return "\"" + name + "\" is reserved by Kith; choose another name.";
    }
    return null;
  }

  /** Why {@code name} clashes with Kith's own URLs, or null (SQL key words are not checked). */
  public static String kithReservedReason(String name) {
    return KITH_RESERVED.contains(name) ? "\"" + name + "\" is reserved by Kith; choose another name." : null;
  }

  static void requireValid(String name) {
    if (!isValid(name)) {
      throw new IllegalArgumentException("invalid identifier: " + name);
    }
  }

  /** {@code first_name} → {@code First name}: the label of last resort. */
  public static String humanize(String name) {
    String spaced = name.replace('_', ' ');
    return spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
  }
}
