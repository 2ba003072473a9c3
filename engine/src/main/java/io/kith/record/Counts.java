package io.kith.record;

import io.kith.query.Bind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Totals for pagers. Small tables are counted exactly. On a large table the planner's estimate is
 * asked first, and used (marked as an estimate) when the match is too large to count quickly.
 */
final class Counts {

  /** Above this many rows in the table, a count may be an estimate. */
  static final long LARGE_TABLE = 200_000;
  /** Above this many estimated matches, the estimate is returned instead of counting. */
  static final long EXACT_LIMIT = 100_000;
  private static final Duration SIZE_TTL = Duration.ofSeconds(30);

  /** A total and whether it is the planner's estimate. */
  record Total(long total, boolean estimated) {}

  private record Size(long rows, Instant at) {}

  private final DatabaseClient db;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, Size> sizes = new ConcurrentHashMap<>();

  Counts(DatabaseClient db) {
    this.db = db;
  }

  /** {@code from} is {@code " from <table> t where ..."} with its binds. */
  Mono<Total> count(String table, String from, List<Bind> binds) {
    return tableSize(table).flatMap(size -> {
      Mono<Total> exact = SqlBinder.bind(db.sql("select count(*)" + from), binds)
          .map(row -> new Total(row.get(0, Long.class), false)).one();
      if (size < LARGE_TABLE) {
        return exact;
      }
      return SqlBinder.bind(db.sql("explain (format json) select 1" + from), binds)
          .map(row -> row.get(0, String.class)).one()
          .flatMap(plan -> {
            long estimate = planRows(plan);
            return estimate > EXACT_LIMIT ? Mono.just(new Total(estimate, true)) : exact;
          });
    });
  }

  private Mono<Long> tableSize(String table) {
    Size known = sizes.get(table);
    if (known != null && known.at().plus(SIZE_TTL).isAfter(Instant.now())) {
      return Mono.just(known.rows());
    }
    return db.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = to_regclass($1)")
        .bind(0, table)
        .map(row -> row.get(0, Long.class)).one()
        .defaultIfEmpty(0L)
        .doOnNext(rows -> sizes.put(table, new Size(rows, Instant.now())));
  }

  private long planRows(String plan) {
    JsonNode root = json.readTree(plan);
    return root.path(0).path("Plan").path("Plan Rows").asLong(0);
  }
}
