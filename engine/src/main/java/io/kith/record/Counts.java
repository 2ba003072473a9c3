package io.kith.record;

import io.kith.query.Bind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Totals for pagers. Small tables are counted exactly. On a large table the planner is asked
 * first, and its estimate is used (marked as such) when it expects many matches or when counting
 * would mean reading much of the table (a filter no index serves): exact counts stay cheap.
 */
final class Counts {

  /** Above this many rows in the table, a count may be an estimate. */
  static final long LARGE_TABLE = 200_000;
  /** Above this many estimated matches, the estimate is returned instead of counting. */
  static final long EXACT_LIMIT = 100_000;
  /**
   * Above this planner cost the count would read much of a large table (a sequential scan of
   * 200,000 contacts costs about 10,000), so the estimate is returned instead.
   */
  static final double EXACT_COST_LIMIT = 10_000;
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
      return SqlBinder.bind(db.sql("explain (format json) select count(*)" + from), binds)
          .map(row -> row.get(0, String.class)).one()
          .flatMap(plan -> {
            JsonNode root = json.readTree(plan).path(0).path("Plan");
            long estimate = matchedRows(root);
            boolean slow = estimate > EXACT_LIMIT || root.path("Total Cost").asDouble(0) > EXACT_COST_LIMIT;
            return slow ? Mono.just(new Total(estimate, true)) : exact;
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

  /**
   * The rows the planner expects to match: those fed into the count, below its aggregate and
   * gather nodes (a parallel scan's estimate is per process: the workers and the leader).
   */
  private static long matchedRows(JsonNode plan) {
    JsonNode node = plan;
    double processes = 1;
    while (Set.of("Aggregate", "Gather").contains(node.path("Node Type").asString(""))
        && !node.path("Plans").path(0).isMissingNode()) {
      if ("Gather".equals(node.path("Node Type").asString(""))) {
        processes = node.path("Workers Planned").asDouble(0) + 1;
      }
      node = node.path("Plans").path(0);
    }
    return Math.round(node.path("Plan Rows").asDouble(0) * processes);
  }
}
