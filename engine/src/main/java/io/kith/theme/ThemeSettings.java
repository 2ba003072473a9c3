package io.kith.theme;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stored theme ({@code kith.setting} rows {@code theme.*}). Pages read it through a cache
 * that lives a few seconds, so every page does not query it and another instance's change shows
 * soon; a change made here shows at once on this instance.
 */
public final class ThemeSettings {

  private static final String PREFIX = "theme.";
  private static final Duration CACHE = Duration.ofSeconds(5);

  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final AtomicReference<Loaded> cached = new AtomicReference<>();

  /** A theme read from the database and when ({@link System#nanoTime()}). */
  private record Loaded(Theme theme, long at) {}

  public ThemeSettings(DatabaseClient db, TransactionalOperator tx) {
    this.db = db;
    this.tx = tx;
  }

  /** The theme in force (the defaults until an administrator saves one). */
  public Mono<Theme> current() {
    Loaded loaded = cached.get();
    if (loaded != null && loaded.at() + CACHE.toNanos() - System.nanoTime() > 0) {
      return Mono.just(loaded.theme());
    }
    return load().doOnNext(theme -> cached.set(new Loaded(theme, System.nanoTime())));
  }

  /** Stores all colours of {@code theme} in one transaction; {@code user} is who changed them. */
  public Mono<Theme> save(Theme theme, Long user) {
    Mono<Void> writes = Flux.fromIterable(theme.asMap().entrySet())
        .concatMap(e -> {
          DatabaseClient.GenericExecuteSpec spec = db.sql("insert into kith.setting (name, value, updated_by) values ($1, $2, $3)"
              + " on conflict (name) do update set value = excluded.value, updated_at = now(), updated_by = excluded.updated_by")
              .bind(0, PREFIX + e.getKey()).bind(1, e.getValue());
          spec = user == null ? spec.bindNull(2, Long.class) : spec.bind(2, user);
          return spec.then();
        })
        .then();
    return tx.transactional(writes).doOnSuccess(v -> cached.set(null)).thenReturn(theme);
  }

  private Mono<Theme> load() {
    return db.sql("select name, value from kith.setting where name like 'theme.%'")
        .map(row -> Map.entry(row.get(0, String.class).substring(PREFIX.length()), row.get(1, String.class)))
        .all()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))
        .map(Theme::lenient);
  }
}
