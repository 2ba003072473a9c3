package io.kith.testing;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A throw-away database on the local PostgreSQL (127.0.0.1:5432, user postgres). Tests name one,
 * let Kith create it, run SQL against it to check what was stored, and drop it afterwards.
 */
public final class TestDatabase implements AutoCloseable {

  public static final String HOST = System.getenv().getOrDefault("KITH_TEST_PG_HOST", "127.0.0.1");

  private final String name;
  private final boolean kept;

  public TestDatabase() {
    this("kith_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12), false);
  }

  private TestDatabase(String name, boolean kept) {
    this.name = name;
    this.kept = kept;
  }

  /**
   * A database by name that {@link #close} leaves in place, for benchmarks that load a large data
   * set once and run again on it.
   */
  public static TestDatabase kept(String name) {
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("database name must be lower-case letters, digits and _: " + name);
    }
    return new TestDatabase(name, true);
  }

  /** Whether the database exists already. */
  public boolean exists() {
    return withConnection(factory("postgres"), c -> Flux.from(
            c.createStatement("select count(*) from pg_database where datname = $1").bind(0, name).execute())
        .flatMap(r -> r.map((row, meta) -> row.get(0, Long.class))).next()).longValue() > 0;
  }

  public String name() {
    return name;
  }

  public String url() {
    return "r2dbc:postgresql://" + HOST + ":5432/" + name;
  }

  /** Runs a query and returns rows as column-to-value maps. */
  public List<Map<String, Object>> query(String sql, Object... binds) {
    return withConnection(factory(name), c -> {
      var statement = c.createStatement(sql);
      for (int i = 0; i < binds.length; i++) {
        statement.bind(i, binds[i]);
      }
      return Flux.from(statement.execute())
          .flatMap(result -> result.map((row, meta) -> {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            meta.getColumnMetadatas().forEach(col -> out.put(col.getName(), row.get(col.getName())));
            return out;
          }))
          .collectList();
    });
  }

  public long count(String table) {
    return ((Number) query("select count(*) as n from " + table).get(0).get("n")).longValue();
  }

  public void execute(String sql) {
    withConnection(factory(name), c -> Flux.from(c.createStatement(sql).execute())
        .flatMap(r -> r.getRowsUpdated()).then(Mono.just(true)));
  }

  @Override
  public void close() {
    if (kept) {
      return;
    }
    withConnection(factory("postgres"), c -> Flux.from(
            c.createStatement("drop database if exists \"" + name + "\" with (force)").execute())
        .flatMap(r -> r.getRowsUpdated()).then(Mono.just(true)));
  }

  private static ConnectionFactory factory(String database) {
    return ConnectionFactories.get("r2dbc:postgresql://postgres@" + HOST + ":5432/" + database);
  }

  private static <T> T withConnection(ConnectionFactory factory, java.util.function.Function<Connection, Mono<T>> work) {
    return Mono.usingWhen(Mono.from(factory.create()), work, Connection::close).block();
  }
}
