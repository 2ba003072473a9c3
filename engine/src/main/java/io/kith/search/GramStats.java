package io.kith.search;

import io.kith.schema.SqlNames;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * How common grams are in a table, from PostgreSQL's own statistics of {@code search_grams} (its
 * most common elements, refreshed by ANALYZE). Read at most once a minute per table. A gram not
 * listed is rarer than every listed one.
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
       cross join lateral unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as u(element, frequency)
       where s.schemaname = $1 and s.tablename = $2 and s.attname = $3 and u.element is not null""";

  private record Known(Map<String, Float> frequencies, Instant at) {}

  private final DatabaseClient db;
  private final Map<String, Known> tables = new ConcurrentHashMap<>();

  GramStats(DatabaseClient db) {
    this.db = db;
  }

  /** The common grams of {@code table} with the share of rows holding each. */
  Mono<Map<String, Float>> of(String table) {
    Known known = tables.get(table);
    if (known != null && known.at().plus(TTL).isAfter(Instant.now())) {
      return Mono.just(known.frequencies());
    }
    return db.sql(SQL).bind(0, SqlNames.DATA_SCHEMA).bind(1, table).bind(2, SearchColumns.GRAMS)
        .map(row -> Map.entry(row.get(0, String.class), row.get(1, Float.class)))
        .all()
        .collect(HashMap<String, Float>::new, (map, e) -> map.put(e.getKey(), e.getValue()))
        .map(map -> {
          Map<String, Float> frequencies = Map.copyOf(map);
          tables.put(table, new Known(frequencies, Instant.now()));
          return frequencies;
        });
  }

  static boolean common(Map<String, Float> frequencies, String gram) {
    Float f = frequencies.get(gram);
    return f != null && f >= COMMON;
  }

  /**
   * The grams worth asking the index for: the uncommon ones when there are any (the database
   * re-checks the whole term anyway), otherwise all of them.
   */
  static List<String> selective(Map<String, Float> frequencies, List<String> grams) {
    List<String> rare = grams.stream().filter(g -> !common(frequencies, g)).toList();
    return rare.isEmpty() ? grams : rare;
  }
}
