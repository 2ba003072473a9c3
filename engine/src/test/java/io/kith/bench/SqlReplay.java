package io.kith.bench;

import io.kith.bench.SqlRecorder.Begin;
import io.kith.bench.SqlRecorder.Commit;
import io.kith.bench.SqlRecorder.Op;
import io.kith.bench.SqlRecorder.Rollback;
import io.kith.bench.SqlRecorder.Sql;
import io.kith.testing.TestDatabase;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Statement;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends recorded statements straight to PostgreSQL over one plain r2dbc-postgresql connection (no
 * pool, no Spring, no engine), reading every row: the "same SQL run directly" of the benchmark.
 */
final class SqlReplay implements AutoCloseable {

  private final Connection connection;

  SqlReplay(TestDatabase db) {
    this.connection = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
        .host(TestDatabase.HOST).port(5432).username("postgres").database(db.name()).build())
        .create().block();
  }

  /** Replays {@code ops} in order, decoding every column of every row; returns the number of rows. */
  long run(List<Op> ops) {
    return Flux.fromIterable(ops).concatMap(this::one).reduce(0L, Long::sum).block();
  }

  private Mono<Long> one(Op op) {
    if (op instanceof Begin) {
      return Mono.from(connection.beginTransaction()).thenReturn(0L);
    }
    if (op instanceof Commit) {
      return Mono.from(connection.commitTransaction()).thenReturn(0L);
    }
    if (op instanceof Rollback) {
      return Mono.from(connection.rollbackTransaction()).thenReturn(0L);
    }
    Sql sql = (Sql) op;
    Statement statement = connection.createStatement(sql.sql());
    for (int i = 0; i < sql.values().length; i++) {
      if (sql.values()[i] == null) {
        statement.bindNull(i, sql.nullTypes()[i]);
      } else {
        statement.bind(i, sql.values()[i]);
      }
    }
    return Flux.from(statement.execute())
        .concatMap(result -> result.map((row, meta) -> {
          for (int i = 0; i < meta.getColumnMetadatas().size(); i++) {
            row.get(i);
          }
          return 1L;
        }))
        .count();
  }

  @Override
  public void close() {
    Mono.from(connection.close()).block();
  }
}
