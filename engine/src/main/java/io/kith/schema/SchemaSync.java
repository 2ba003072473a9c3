package io.kith.schema;

import io.kith.fieldtype.FieldTypes;
import io.kith.metadata.MetadataSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Brings the database in line with the metadata: Kith's own schema first (numbered migrations),
 * then one table per entity type. Runs in one transaction under a PostgreSQL advisory lock, so
 * instances starting together queue up and the second finds nothing left to do.
 */
public final class SchemaSync {

  private static final Logger log = LoggerFactory.getLogger(SchemaSync.class);

  /** Arbitrary but fixed: the advisory lock every Kith instance takes to change the schema. */
  private static final long LOCK_KEY = 0x4b697468L;

  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final TableSpecs tableSpecs;
  private final DdlPlanner planner = new DdlPlanner();

  public SchemaSync(DatabaseClient db, TransactionalOperator tx, FieldTypes fieldTypes) {
    this.db = db;
    this.tx = tx;
    this.tableSpecs = new TableSpecs(fieldTypes);
  }

  /** Plans and applies; throws {@link SchemaChangeRefusedException} if data could be lost. */
  public Mono<DdlPlan> apply(MetadataSnapshot snapshot) {
    Mono<DdlPlan> work = db.sql("select pg_advisory_xact_lock(" + LOCK_KEY + ")").then()
        .then(migrateKithSchema())
        .then(plan(snapshot))
        .flatMap(plan -> {
          if (!plan.refused().isEmpty()) {
            return Mono.error(new SchemaChangeRefusedException(plan.refused()));
          }
          return Flux.fromIterable(plan.statements())
              .concatMap(sql -> db.sql(sql).then())
              .then(recordPlan(plan))
              .thenReturn(plan);
        });
    return tx.transactional(work).doOnNext(SchemaSync::report);
  }

  /**
   * Kith's own schema only (numbered migrations), under the same lock: run before the stored
   * metadata revisions are read at start-up, since they live in that schema.
   */
  public Mono<Void> migrate() {
    return tx.transactional(db.sql("select pg_advisory_xact_lock(" + LOCK_KEY + ")").then().then(migrateKithSchema()));
  }

  /** Takes the schema lock until the surrounding transaction ends (re-entrant within it). */
  public Mono<Void> lock() {
    return db.sql("select pg_advisory_xact_lock(" + LOCK_KEY + ")").then();
  }

  /** Whether a column may change from {@code from} to {@code to} keeping every value (planned automatically). */
  public static boolean isSafeWidening(String from, String to) {
    return DdlPlanner.isSafeWidening(from, to);
  }

  /** The SQL column type of a field, or null when it has no column of its own (collections, multi-references). */
  public String columnType(io.kith.metadata.FieldDef field) {
    return tableSpecs.columnType(field);
  }

  /** The plan without applying it. */
  public Mono<DdlPlan> plan(MetadataSnapshot snapshot) {
    return readCatalog().map(live -> planner.plan(tableSpecs.of(snapshot), live));
  }

  private Mono<LiveCatalog> readCatalog() {
    Mono<Map<String, Map<String, String>>> columns = db.sql(LiveCatalog.COLUMNS_SQL)
        .bind(0, SqlNames.DATA_SCHEMA)
        .map(row -> List.of(row.get(0, String.class), row.get(1, String.class), row.get(2, String.class)))
        .all()
        .collect(LinkedHashMap::new, (Map<String, Map<String, String>> map, List<String> r) ->
            map.computeIfAbsent(r.get(0), t -> new LinkedHashMap<>()).put(r.get(1), r.get(2)));
    Mono<Map<String, String>> indexes = db.sql(LiveCatalog.INDEXES_SQL)
        .bind(0, SqlNames.DATA_SCHEMA)
        .map(row -> Map.entry(row.get(0, String.class), row.get(1, String.class)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    Mono<Set<String>> constraints = names(LiveCatalog.CONSTRAINTS_SQL);
    return Mono.zip(columns, indexes, constraints)
        .map(t -> new LiveCatalog(t.getT1(), t.getT2(), t.getT3()));
  }

  private Mono<Set<String>> names(String sql) {
    return db.sql(sql).bind(0, SqlNames.DATA_SCHEMA).map(row -> row.get(0, String.class)).all()
        .collect(Collectors.toSet());
  }

  private Mono<Void> migrateKithSchema() {
    return db.sql("create schema if not exists kith").then()
        .then(db.sql("create table if not exists kith.schema_migration ("
            + "version integer primary key, description text not null, "
            + "applied_at timestamp with time zone not null default now())").then())
        .then(db.sql("select version from kith.schema_migration").map(r -> r.get(0, Integer.class))
            .all().collect(Collectors.toSet()))
        .flatMapMany(applied -> Flux.fromIterable(migrations())
            .filter(m -> !applied.contains(m.version())))
        .concatMap(m -> Flux.fromArray(m.sql().split(";\\s*\\n"))
            .filter(s -> !s.isBlank())
            .concatMap(s -> db.sql(s).then())
            .then(db.sql("insert into kith.schema_migration (version, description) values ($1, $2)")
                .bind(0, m.version()).bind(1, m.description()).then())
            .doOnSuccess(v -> log.info("Applied Kith migration V{} {}", m.version(), m.description())))
        .then();
  }

  private Mono<Void> recordPlan(DdlPlan plan) {
    if (plan.isEmpty()) {
      return Mono.empty();
    }
    return db.sql("insert into kith.ddl_log (statements) values ($1)")
        .bind(0, plan.statements().toArray(String[]::new))
        .then();
  }

  private static void report(DdlPlan plan) {
    if (plan.isEmpty()) {
      log.info("Schema is up to date with the metadata.");
    } else {
      log.info("Applied schema plan ({} statements):\n  {}", plan.statements().size(),
          String.join(";\n  ", plan.statements()));
    }
    plan.retired().forEach(log::warn);
  }

  private record Migration(int version, String description, String sql) {}

  private static List<Migration> migrations() {
    try {
      Resource[] resources =
          new PathMatchingResourcePatternResolver().getResources("classpath*:db/kith/V*__*.sql");
      Map<Integer, Migration> byVersion = new HashMap<>();
      for (Resource r : resources) {
        String name = r.getFilename();
        int split = name.indexOf("__");
        int version = Integer.parseInt(name.substring(1, split));
        String description = name.substring(split + 2, name.length() - 4).replace('_', ' ');
        String sql = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        byVersion.put(version, new Migration(version, description, sql));
      }
      return byVersion.values().stream().sorted(Comparator.comparingInt(Migration::version)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
