package io.kith.security;

import io.kith.db.ChannelListener;
import io.kith.users.SignInChanges;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The users behind sessions and access tokens, kept in memory so a request needs no look-up in the
 * database. Everything kept is let go when PostgreSQL notifies {@value #CHANNEL} (triggers on the
 * user, role, session and token tables, migration V12, fire on every change that commits, made by
 * any instance or tool), when this instance makes such a change ({@link #after}), and when the
 * listening connection is lost: until it listens again, nothing is kept and every request looks
 * its user up. A look-up that was under way when a change was notified is not kept.
 *
 * <p>Entries are also dropped after {@link #MAX_AGE}, a session's at its expiry, and all of them
 * when there are more than {@link #MAX_ENTRIES}.
 */
final class SignInCache implements SignInChanges {

  static final String CHANNEL = "kith_sign_ins";
  static final int MAX_ENTRIES = 10_000;
  static final Duration MAX_AGE = Duration.ofMinutes(5);
  /** How long a change waits for its own notification to come back before it stops waiting. */
  static final Duration ECHO_WAIT = Duration.ofMillis(500);

  /** A sign-in as looked up: its user, and for a session when it ends, for a token its id and last use. */
  record SignIn(SignedIn user, Instant expires, Long tokenId, Instant lastUsed) {}

  private record Entry(SignIn signIn, Instant keptAt) {}

  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  /** Counts the notifications (and losses of the listener) so far. */
  private final AtomicLong generation = new AtomicLong();
  private final Sinks.Many<Long> notifications = Sinks.many().multicast().directBestEffort();
  private volatile boolean listening;

  SignInCache(Clock clock) {
    this.clock = clock;
  }

  /** The sign-in under {@code key}, from memory if kept there, else from {@code load} (and kept). */
  Mono<SignIn> get(String key, Mono<SignIn> load) {
    return Mono.defer(() -> {
      Instant now = clock.instant();
      Entry entry = listening ? entries.get(key) : null;
      if (entry != null && fresh(entry, now)) {
        return Mono.just(entry.signIn());
      }
      if (entry != null) {
        entries.remove(key, entry);
      }
      long seen = generation.get();
      return load.doOnNext(signIn -> keep(key, signIn, now, seen));
    });
  }

  /** Notes that a token kept under {@code key} was marked used at {@code at}. */
  void used(String key, Instant at) {
    entries.computeIfPresent(key, (k, e) -> new Entry(new SignIn(e.signIn().user(), e.signIn().expires(),
        e.signIn().tokenId(), at), e.keptAt()));
  }

  private static boolean fresh(Entry entry, Instant now) {
    Instant expires = entry.signIn().expires();
    return entry.keptAt().plus(MAX_AGE).isAfter(now) && (expires == null || expires.isAfter(now));
  }

  private void keep(String key, SignIn signIn, Instant now, long seen) {
    if (!listening || generation.get() != seen) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(key, new Entry(signIn, now));
    // A notification between the check above and the put: what was put may be stale.
    if (generation.get() != seen) {
      entries.remove(key);
    }
  }

  /** Lets go of everything kept, and of every look-up under way. */
  private void forget() {
    generation.incrementAndGet();
    entries.clear();
  }

  /** The listener of {@value #CHANNEL} for this cache. */
  ChannelListener listener(ConnectionFactory connections) {
    return new ChannelListener(connections, CHANNEL, signal -> Mono.fromRunnable(this::notified), this::lost);
  }

  /** The listener is in place (again) or a change was notified: keep entries from now on, none from before. */
  void notified() {
    forget();
    listening = true;
    notifications.tryEmitNext(generation.get());
  }

  /** The listener lost its connection: keep nothing until it listens again. */
  void lost() {
    listening = false;
    forget();
  }

  @Override
  public long mark() {
    return generation.get();
  }

  @Override
  public Mono<Void> after(long mark) {
    Mono<Void> echo = !listening ? Mono.empty()
        : notifications.asFlux().mergeWith(Mono.fromSupplier(generation::get))
            .filter(g -> g > mark).next().timeout(ECHO_WAIT, Mono.empty()).then();
    return echo.then(Mono.fromRunnable(this::forget));
  }

  /** Whether entries are kept at all (the listener is in place); for tests. */
  boolean listening() {
    return listening;
  }

  int size() {
    return entries.size();
  }
}
