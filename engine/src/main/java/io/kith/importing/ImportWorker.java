package io.kith.importing;

import java.net.InetAddress;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs import jobs on this instance, one at a time: on a timer and whenever a job is queued here,
 * it claims the next job (queued, or running on a worker whose heartbeat went stale) and runs it.
 * Stopping the application stops the worker between statements; the open batch rolls back and
 * the job is resumed later by whichever instance claims it.
 */
public final class ImportWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

  private final JobStore jobs;
  private final ImportRunner runner;
  private final ImportSettings settings;
  private final String id;
  private final Sinks.Many<Boolean> wakeups = Sinks.many().multicast().directBestEffort();
  private volatile Disposable loop;

  ImportWorker(JobStore jobs, ImportRunner runner, ImportSettings settings) {
    this.jobs = jobs;
    this.runner = runner;
    this.settings = settings;
    this.id = host() + "/" + UUID.randomUUID();
  }

  /** Looks for work now rather than at the next tick. */
  void wake() {
    wakeups.tryEmitNext(true);
  }

  @Override
  public void start() {
    if (!settings.worker()) {
      return;
    }
    loop = Flux.merge(Flux.interval(settings.poll()).map(t -> true), wakeups.asFlux())
        .onBackpressureDrop()
        .concatMap(tick -> drain(), 1)
        .subscribe(v -> { }, e -> log.error("Import worker stopped", e));
  }

  /** Claims and runs jobs until none is left. */
  private Mono<Void> drain() {
    return Mono.defer(() -> jobs.claim(id, settings.lease().toMillis()))
        .flatMap(job -> runner.run(job, id).thenReturn(true))
        .defaultIfEmpty(false)
        .repeat()
        .takeWhile(ran -> ran)
        .onErrorResume(e -> {
          log.warn("Import worker: {}", e.toString());
          return Mono.empty();
        })
        .then();
  }

  @Override
  public void stop() {
    Disposable running = loop;
    if (running != null) {
      running.dispose();
      loop = null;
    }
  }

  @Override
  public boolean isRunning() {
    return loop != null;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "kith";
    }
  }
}
