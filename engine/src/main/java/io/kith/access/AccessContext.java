package io.kith.access;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Carries the caller's {@link Access} through a request's reactive pipeline (Reactor context), so
 * the record service checks the same permissions whichever channel called it. Work with no caller
 * in its context may do nothing.
 */
public final class AccessContext {

  private static final Object KEY = AccessContext.class;

  private AccessContext() {}

  public static Context with(Access access) {
    return Context.of(KEY, access);
  }

  /** The caller's access, or {@link Access#NOBODY}. */
  public static Mono<Access> current() {
    return Mono.deferContextual(context -> Mono.just(context.getOrDefault(KEY, Access.NOBODY)));
  }
}
