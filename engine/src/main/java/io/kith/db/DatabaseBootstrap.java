package io.kith.db;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes sure Kith's database exists before anything else touches it: connects to the server's
 * {@code postgres} database and creates the configured one (UTF-8, ctype {@code C.UTF-8}, so that
 * pg_trgm makes trigrams from CJK text). Runs at start-up, before traffic, so it may block.
 */
public final class DatabaseBootstrap {

  private static final Logger log = LoggerFactory.getLogger(DatabaseBootstrap.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private DatabaseBootstrap() {}

  /**
   * @param url the configured {@code spring.r2dbc.url}
   * @throws DatabaseUnreachableException if the server cannot be reached
   */
  public static void ensureDatabase(String url, String username, String password) {
    ConnectionFactoryOptions configured = ConnectionFactoryOptions.parse(url);
    String database = (String) configured.getValue(ConnectionFactoryOptions.DATABASE);
    if (database == null || database.isBlank()) {
      throw new DatabaseUnreachableException(url, "the URL names no database");
    }
    ConnectionFactoryOptions.Builder admin = configured.mutate()
        .option(ConnectionFactoryOptions.DATABASE, "postgres")
        .option(ConnectionFactoryOptions.CONNECT_TIMEOUT, TIMEOUT);
    if (username != null) {
      admin.option(ConnectionFactoryOptions.USER, username);
    }
    if (password != null) {
      admin.option(ConnectionFactoryOptions.PASSWORD, password);
    }
    Mono<Void> work = Mono.usingWhen(
        Mono.from(ConnectionFactories.get(admin.build()).create()),
        connection -> exists(connection, database)
            .flatMap(exists -> exists ? Mono.<Void>empty() : create(connection, database)),
        Connection::close);
    try {
      work.block(TIMEOUT.multipliedBy(3));
    } catch (RuntimeException e) {
      if (isDuplicateDatabase(e)) {
        return;
      }
      throw new DatabaseUnreachableException(url, rootMessage(e));
    }
  }

  private static Mono<Boolean> exists(Connection connection, String database) {
    return Flux.from(connection.createStatement("select 1 from pg_database where datname = $1")
            .bind("$1", database).execute())
        .flatMap(result -> result.map((row, meta) -> 1))
        .hasElements();
  }

  private static Mono<Void> create(Connection connection, String database) {
    String sql = "create database \"" + database.replace("\"", "\"\"")
        + "\" encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0";
    log.info("Creating database {} (UTF-8, C.UTF-8)", database);
    return Flux.from(connection.createStatement(sql).execute())
        .flatMap(result -> result.getRowsUpdated())
        .then();
  }

  /** Another instance created it between our check and our create. */
  private static boolean isDuplicateDatabase(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof io.r2dbc.spi.R2dbcException r && ("42P04".equals(r.getSqlState()) || "23505".equals(r.getSqlState()))) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
