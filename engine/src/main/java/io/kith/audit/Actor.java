package io.kith.audit;

import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Who is making a change, carried in the Reactor context so every write path can record it without
 * an extra parameter. Requests get it from {@link ActorWebFilter}; work started outside a request
 * (an import running in the background) sets it with {@code .contextWrite(Actor.as(userId))}.
 */
public final class Actor {

  private static final Class<Actor> KEY = Actor.class;

  private Actor() {}

  /** A context holding {@code userId} (empty: anonymous) as the actor. */
  public static Context as(Optional<Long> userId) {
    return userId.isPresent() ? Context.of(KEY, userId.get()) : Context.empty();
  }

  /** The actor in the subscriber's context, or empty when anonymous. */
  public static Mono<Optional<Long>> current() {
    return Mono.deferContextual(context -> Mono.just(of(context)));
  }

  static Optional<Long> of(ContextView context) {
    return context.getOrEmpty(KEY);
  }
}
