package io.kith.db;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * LISTENs on one PostgreSQL channel, on a connection of its own outside the request pool, for as
 * long as the application runs. Each signal goes to {@code onSignal} in order, one at a time: first
 * {@link #LISTENING} once the LISTEN is in place (after every reconnect too, so the receiver can
 * cover what it missed), then each notification's payload. When the connection is lost,
 * {@code onLost} runs and the listener reconnects with back-off.
 */
public final class ChannelListener implements SmartLifecycle {

  /** The signal that the listener is (again) in place. */
  public static final String LISTENING = "\u0000listening";

  private static final Logger log = LoggerFactory.getLogger(ChannelListener.class);

  private final ConnectionFactory connections;
  private final String channel;
  private final Function<String, Mono<?>> onSignal;
  private final Runnable onLost;
  private volatile Disposable subscription;

  /**
   * @param channel a channel name Kith chose (a lower-case identifier; it becomes SQL text)
   */
  public ChannelListener(ConnectionFactory connections, String channel, Function<String, Mono<?>> onSignal,
      Runnable onLost) {
    if (!channel.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a channel name: " + channel);
    }
    this.connections = connections;
    this.channel = channel;
    this.onSignal = onSignal;
    this.onLost = onLost;
  }

  /** A connection factory for listeners: the application's database, without the pool. */
  public static ConnectionFactory connections(R2dbcProperties r2dbc) {
    ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.parse(r2dbc.getUrl()).mutate();
    if (r2dbc.getUsername() != null) {
      options.option(ConnectionFactoryOptions.USER, r2dbc.getUsername());
    }
    if (r2dbc.getPassword() != null && !r2dbc.getPassword().isEmpty()) {
      options.option(ConnectionFactoryOptions.PASSWORD, r2dbc.getPassword());
    }
    return ConnectionFactories.get(options.build());
  }

  @Override
  public void start() {
    subscription = Flux.usingWhen(connections.create(), this::listen, Connection::close)
        .doFinally(signal -> onLost.run())
        .repeat()
        .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
            .doBeforeRetry(signal -> log.warn("Listener on {} lost its connection, reconnecting: {}", channel,
                signal.failure().toString())))
        .subscribe();
  }

  private Flux<Object> listen(Connection connection) {
    PostgresqlConnection pg = unwrap(connection);
    Mono<Void> subscribed = pg.createStatement("LISTEN " + channel).execute()
        .flatMap(PostgresqlResult::getRowsUpdated).then();
    return subscribed
        .thenMany(Flux.concat(Mono.just(LISTENING), pg.getNotifications().map(n -> String.valueOf(n.getParameter()))))
        .concatMap(signal -> onSignal.apply(signal).cast(Object.class).onErrorResume(e -> {
          log.error("Handling signal {} of channel {} failed", signal, channel, e);
          return Mono.empty();
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
    subscription = null;
    if (s != null) {
      s.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return subscription != null;
  }
}
