package io.kith.metaadmin;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps this instance's model in step with changes other instances make: LISTENs on
 * {@link MetaChangeService#CHANNEL} on a connection of its own and, on every notification (and
 * after every reconnect, to cover what it missed), reads the new revisions and publishes them.
 */
final class MetadataListener implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MetadataListener.class);

  private final ConnectionFactory connections;
  private final ModelState state;
  private volatile Disposable subscription;

  MetadataListener(ConnectionFactory connections, ModelState state) {
    this.connections = connections;
    this.state = state;
  }

  @Override
  public void start() {
    subscription = Flux.usingWhen(connections.create(), this::listen, Connection::close)
        .repeat()
        .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
            .doBeforeRetry(signal -> log.warn("Metadata listener lost its connection, reconnecting: {}",
                signal.failure().toString())))
        .subscribe();
  }

  private Flux<Boolean> listen(Connection connection) {
    PostgresqlConnection pg = unwrap(connection);
    Mono<Void> subscribed = pg.createStatement("LISTEN " + MetaChangeService.CHANNEL).execute()
        .flatMap(PostgresqlResult::getRowsUpdated).then();
    return subscribed.thenMany(Flux.concat(Mono.just("listening"), pg.getNotifications().map(n -> String.valueOf(n.getParameter()))))
        .concatMap(signal -> state.catchUp().onErrorResume(e -> {
          log.error("Metadata reload after notification {} failed", signal, e);
          return Mono.just(false);
        }));
  }

  private static PostgresqlConnection unwrap(Connection connection) {
    Object c = connection;
    while (!(c instanceof PostgresqlConnection) && c instanceof Wrapped<?> wrapped) {
      c = wrapped.unwrap();
    }
    if (!(c instanceof PostgresqlConnection pg)) {
      throw new IllegalStateException("LISTEN needs a PostgreSQL connection, got " + connection.getClass());
    }
    return pg;
  }

  @Override
  public void stop() {
    Disposable s = subscription;
    if (s != null) {
      s.dispose();
    }
    subscription = null;
  }

  @Override
  public boolean isRunning() {
    return subscription != null;
  }
}
