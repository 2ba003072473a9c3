package io.kith.schema;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a live index is the one a planned {@code create index} would make. PostgreSQL prints a
 * definition its own way ({@code CREATE INDEX n ON public.t USING btree (lower((c)::text))} for our
 * {@code create index "n" on "public"."t" (lower("c"::text))}), so both are reduced to what
 * matters: unique or not, the access method, and the key columns with their order, ignoring
 * quotes, brackets, extra spaces and {@code ::text} casts. Names come from metadata (lower-case
 * identifiers), so dropping quotes cannot make two different definitions look alike.
 */
final class IndexDefinitions {

  private static final Pattern DEFINITION = Pattern.compile(
      "create (unique )?index \\S+ on \\S+ (?:using (\\w+) )?\\((.*)\\)", Pattern.DOTALL);

  private IndexDefinitions() {}

  /**
   * {@code live} as {@code pg_indexes.indexdef} prints it, {@code planned} as the planner writes it.
   * A live definition this class cannot read (not one Kith wrote) counts as the same: it is left
   * alone rather than rebuilt at every start.
   */
  static boolean same(String live, String planned) {
    String a = essence(live);
    return a == null || a.equals(essence(planned));
  }

  /** {@code btree display_name desc nulls last,id}; null for a definition this class does not understand. */
  static String essence(String definition) {
    Matcher m = DEFINITION.matcher(definition.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    String keys = m.group(3).replace("::text", "").replaceAll("[\"()]", " ").replaceAll("\\s+", " ")
        .replaceAll(" ?, ?", ",").strip();
    return (m.group(1) == null ? "" : "unique ") + (m.group(2) == null ? "btree" : m.group(2)) + " " + keys;
  }
}
