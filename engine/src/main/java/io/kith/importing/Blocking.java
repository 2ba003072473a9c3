package io.kith.importing;

import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The one way this package runs blocking file work (reading and parsing CSV): off the event loop. */
final class Blocking {

  private Blocking() {}

  static <T> Mono<T> call(Callable<T> work) {
    return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
  }
}
