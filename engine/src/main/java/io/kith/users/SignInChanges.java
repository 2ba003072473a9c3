package io.kith.users;

import reactor.core.publisher.Mono;

/**
 * How a change to users, roles, sessions or tokens waits until sign-ins kept in memory no longer
 * show what it changed: on this instance at once, and on the others as soon as PostgreSQL's
 * notification of the commit reaches them (the wait covers the round trip of that notification
 * back to this instance, which PostgreSQL sends to every listener at the same commit, so by the time
 * the change is answered the others have it as a rule, not by guarantee; an instance that lost its
 * connection keeps nothing in memory until it listens again).
 */
public interface SignInChanges {

  /** A mark taken before a change, for {@link #after}. */
  long mark();

  /** Completes once what was kept in memory at {@code mark} is gone (call it after the change committed). */
  Mono<Void> after(long mark);

  /** Runs {@code change} (a committed write when it completes), then waits as {@link #after} does. */
  default <T> Mono<T> settle(Mono<T> change) {
    return Mono.defer(() -> {
      long mark = mark();
      return change.flatMap(value -> after(mark).thenReturn(value)).switchIfEmpty(after(mark).then(Mono.empty()));
    });
  }
}
