package io.kith.search;

import io.kith.schema.SqlNames;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * How common grams are in a table, from PostgreSQL's own statistics of {@code search_grams} (its
 * most common elements, refreshed by ANALYZE), by gram key ({@link SearchText#key(String)}). Read
 * at most once a minute per table. A gram not listed is rarer than every listed one.
 */
final class GramStats {

  /**
   * A gram in at least this share of rows is common: its bitmap alone would visit many rows. With
   * the statistics target Kith sets on {@code search_grams}, PostgreSQL lists grams down to about
   * this share.
   */
  static final double COMMON = 0.002;

  private static final Duration TTL = Duration.ofMinutes(1);

  private static final String SQL = """
      select u.element, u.frequency
        from pg_stats s
       cross join lateral unnest(s.most_common_elems::text::integer[], s.most_common_elem_freqs) as u(element, frequency)
       where s.schemaname = $1 and s.tablename = $2 and s.attname = $3 and u.element is not null""";

  private record Known(Map<Integer, Float> frequencies, Instant at) {}

  private final DatabaseClient db;
  private final Map<String, Known> tables = new ConcurrentHashMap<>();

  GramStats(DatabaseClient db) {
    this.db = db;
  }

  /** The keys of the common grams of {@code table} with the share of rows holding each. */
  Mono<Map<Integer, Float>> of(String table) {
    Known known = tables.get(table);
    if (known != null && known.at().plus(TTL).isAfter(Instant.now())) {
      return Mono.just(known.frequencies());
    }
    return db.sql(SQL).bind(0, SqlNames.DATA_SCHEMA).bind(1, table).bind(2, SearchColumns.GRAMS)
        .map(row -> Map.entry(row.get(0, Integer.class), row.get(1, Float.class)))
        .all()
        .collect(HashMap<Integer, Float>::new, (map, e) -> map.put(e.getKey(), e.getValue()))
        .map(map -> {
          Map<Integer, Float> frequencies = Map.copyOf(map);
          tables.put(table, new Known(frequencies, Instant.now()));
          return frequencies;
        });
  }

  /**
   * Below this share of rows, two common grams are taken to have few rows in common, and are
   * read in full rather than sampled. Far under {@link #COMMON}, because the grams of one term
   * overlap and are anything but independent: {@code mit} and {@code ith} (each in 1.7% of a
   * million contacts) multiply to 0.03%, yet share nearly all their rows (Smith); the two rarest
   * grams of email prefixes such as {@code lee.92} multiply to 0.002% and share a few dozen.
   */
  static final double SHARED_COMMON = COMMON / 20;

  /**
   * Whether the rows holding all of {@code grams} (a part's {@link #selective} grams) are so many
   * that they are sampled: every gram is common and, for several, the product of their shares
   * is not below {@link #SHARED_COMMON}.
   */
  static boolean common(Map<Integer, Float> frequencies, List<String> grams) {
    if (grams.isEmpty() || !grams.stream().allMatch(g -> common(frequencies, g))) {
      return false;
    }
    double shared = grams.stream().mapToDouble(g -> share(frequencies, g)).reduce(1, (a, b) -> a * b);
    return grams.size() == 1 || shared >= SHARED_COMMON;
  }

  static boolean common(Map<Integer, Float> frequencies, String gram) {
    return share(frequencies, gram) >= COMMON;
  }

  /** The share of rows holding {@code gram}; 0 for one not listed. */
  static float share(Map<Integer, Float> frequencies, String gram) {
    return frequencies.getOrDefault(SearchText.key(gram), 0f);
  }

  /** How many grams of a term are asked of the index at most; the re-check on the text does the rest. */
  static final int ASKED = 2;

  /**
   * The grams worth asking the index for: the {@value #ASKED} rarest (a gram not listed counts
   * as rarer than any listed, and among equals the earlier one in the term wins). Every further
   * gram is one more posting list to intersect for next to no fewer rows (the database re-checks
   * the whole term anyway), while dropping every common gram can leave a single one that visits
   * ten times the rows the term matches: an email prefix like {@code chan.79}, whose only
   * uncommon gram {@code n.7} is in 1,853 of 1,000,000 rows, read 1,001 rows for 100 matches
   * (5 ms a part) where {@code n.7} with {@code .79} read about 100 (measured).
   */
  static List<String> selective(Map<Integer, Float> frequencies, List<String> grams) {
    return grams.stream().sorted(Comparator.comparing((String g) -> share(frequencies, g)))
        .limit(ASKED).toList();
  }
}
