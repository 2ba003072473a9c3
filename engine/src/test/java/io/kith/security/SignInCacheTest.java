package io.kith.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.access.Access;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** What the sign-in cache keeps, and when it lets go; the database side is in {@link SignInChangesTest}. */
class SignInCacheTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
  private final SignInCache cache = new SignInCache(clock);
  private final AtomicInteger loads = new AtomicInteger();

  private Mono<SignInCache.SignIn> load(Instant expires) {
    return Mono.fromSupplier(() -> {
      loads.incrementAndGet();
      return new SignInCache.SignIn(new SignedIn(7, "ann", "Ann", false, Access.administrator(7L), true), expires,
          null, null);
    });
  }

  @Test
  void nothingIsKeptUntilTheListenerIsInPlace() {
    cache.get("t1", load(null)).block();
    cache.get("t1", load(null)).block();
    assertThat(loads).hasValue(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void aSignInIsKeptUntilAChangeIsNotified() {
    cache.notified();
    assertThat(cache.get("t1", load(null)).block().user().login()).isEqualTo("ann");
    cache.get("t1", load(null)).block();
    assertThat(loads).hasValue(1);

    cache.notified();
    cache.get("t1", load(null)).block();
    assertThat(loads).hasValue(2);
  }

  @Test
  void losingTheListenerLetsGoAndKeepsNothingUntilItListensAgain() {
    cache.notified();
    cache.get("t1", load(null)).block();
    cache.lost();
    cache.get("t1", load(null)).block();
    cache.get("t1", load(null)).block();
    assertThat(loads).hasValue(3);
    assertThat(cache.size()).isZero();
  }

  @Test
  void aLookUpUnderWayWhenAChangeIsNotifiedIsNotKept() {
    cache.notified();
    Sinks.One<SignInCache.SignIn> slow = Sinks.one();
    Mono<SignInCache.SignIn> pending = cache.get("t1", slow.asMono()).cache();
    pending.subscribe();
    cache.notified();
    slow.tryEmitValue(new SignInCache.SignIn(new SignedIn(7, "ann", "Ann", false, Access.administrator(7L), true),
        null, null, null));
    assertThat(pending.block().user().login()).isEqualTo("ann");
    assertThat(cache.size()).isZero();
  }

  @Test
  void aKeptSessionEndsAtItsExpiryAndAnyEntryAfterItsMaximumAge() {
    cache.notified();
    cache.get("s1", load(clock.instant().plusSeconds(60))).block();
    cache.get("t1", load(null)).block();
    clock.advance(Duration.ofSeconds(59));
    cache.get("s1", load(null)).block();
    assertThat(loads).hasValue(2);
    clock.advance(Duration.ofSeconds(2));
    cache.get("s1", load(null)).block();
    assertThat(loads).hasValue(3);

    clock.advance(SignInCache.MAX_AGE);
    cache.get("t1", load(null)).block();
    assertThat(loads).hasValue(4);
  }

  @Test
  void aChangeWaitsForItsNotificationAndLetsGoOfWhatWasKept() {
    cache.notified();
    cache.get("t1", load(null)).block();
    long mark = cache.mark();
    Mono<Void> settled = cache.after(mark).cache();
    AtomicInteger done = new AtomicInteger();
    settled.subscribe(v -> { }, e -> { }, done::incrementAndGet);
    assertThat(done).hasValue(0);
    cache.notified();
    settled.block(Duration.ofSeconds(1));
    assertThat(done).hasValue(1);
    assertThat(cache.size()).isZero();
  }

  @Test
  void aChangeWhoseNotificationNeverComesStopsWaitingAndStillLetsGo() {
    cache.notified();
    cache.get("t1", load(null)).block();
    long began = System.nanoTime();
    cache.after(cache.mark()).block(Duration.ofSeconds(5));
    long waitedMs = (System.nanoTime() - began) / 1_000_000;
    assertThat(waitedMs).isGreaterThanOrEqualTo(SignInCache.ECHO_WAIT.toMillis() - 50);
    assertThat(cache.size()).isZero();
    cache.get("t1", load(null)).block();
    assertThat(loads).hasValue(2);
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
