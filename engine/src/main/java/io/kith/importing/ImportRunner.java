package io.kith.importing;

import io.kith.audit.Actor;
import io.kith.metadata.MetadataRegistry;
import io.kith.metadata.MetadataSnapshot;
import io.kith.record.BulkRecords;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Runs one claimed job from where it stopped to the end of its file. Each batch is one
 * transaction: the records, the failed rows and the job's progress commit together, so a crash
 * loses nothing committed and a resumed job neither repeats nor skips a row. A bad row is recorded
 * and the rest goes in; should a batch's multi-row write still be refused (a race on a unique
 * value), that batch is written again one record per savepoint to find the rows at fault.
 */
final class ImportRunner {

  private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

  /** The job is no longer this worker's: cancelled, or taken over. */
  static final class JobLost extends RuntimeException {
    JobLost() {
      super("import job no longer owned", null, false, false);
    }
  }

  private final ImportContexts contexts;
  private final BatchPlanner planner;
  private final BulkRecords bulk;
  private final JobStore jobs;
  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final int batchSize;

  ImportRunner(ImportContexts contexts, BatchPlanner planner, BulkRecords bulk, JobStore jobs, DatabaseClient db,
      TransactionalOperator tx, int batchSize) {
    this.contexts = contexts;
    this.planner = planner;
    this.bulk = bulk;
    this.jobs = jobs;
    this.db = db;
    this.tx = tx;
    this.batchSize = batchSize;
  }

  Mono<Void> run(ImportJob job, String worker) {
    ImportContext context;
    try {
      context = contexts.forJob(job);
    } catch (RecordValidationException e) {
      return jobs.finish(job.id(), worker, "failed", "The profile no longer fits the metadata: " + e.errors()).then();
    }
    AtomicLong done = new AtomicLong(job.rowsDone());
    return Mono.usingWhen(FileReader.open(Path.of(job.filePath()), context.layout(), job.rowsDone()),
            reader -> batches(job, worker, context, reader, done),
            reader -> Blocking.call(() -> {
              reader.close();
              return true;
            }))
        .then(jobs.finish(job.id(), worker, "completed", null))
        .then(discardIfFinished(job))
        .onErrorResume(JobLost.class, e -> discardIfFinished(job))
        .onErrorResume(e -> {
          log.error("Import job {} failed", job.id(), e);
          return jobs.finish(job.id(), worker, "failed", String.valueOf(e.getMessage())).then();
        })
        // The job's records are owned by, and their history names, the user who started it.
        .contextWrite(Actor.as(Optional.ofNullable(job.userId())))
        .contextWrite(MetadataRegistry.pin(context.snapshot()));
  }

  /** The uploaded file goes once its job has finished (a job taken over by another worker keeps it). */
  private Mono<Void> discardIfFinished(ImportJob job) {
    return jobs.find(job.id())
        .filter(ImportJob::finished)
        .flatMap(finished -> Blocking.call(() -> java.nio.file.Files.deleteIfExists(Path.of(job.filePath()))))
        .then();
  }

  /**
   * Commits each batch while the next is planned, so the database's work on one batch and the
   * checks of the next (CPU work here) overlap. Commits stay one at a time and in file order; a
   * row of the next batch that meets what the committing one writes waits for a later batch (see
   * {@link BatchPlanner.InFlight}). One step per subscription, repeated rather than nested, so
   * memory holds two batches however long the file.
   */
  private Mono<Void> batches(ImportJob job, String worker, ImportContext context, FileReader reader, AtomicLong done) {
    AtomicReference<BatchPlanner.Plan> planned = new AtomicReference<>();
    Mono<Boolean> step = Mono.defer(() -> {
      BatchPlanner.Plan plan = planned.getAndSet(null);
      int size = plan.outcomes().size();
      Mono<Boolean> commit = size == 0 ? Mono.just(true)
          : commit(job, worker, context.snapshot(), plan.outcomes(), done.get() + size)
              .doOnSuccess(v -> done.addAndGet(size)).thenReturn(true);
      return Mono.zip(commit, planNext(context, reader, plan.inFlight())).map(both -> {
        both.getT2().ifPresent(planned::set);
        return both.getT2().isPresent();
      });
    });
    return planNext(context, reader, BatchPlanner.InFlight.NONE).flatMap(first -> {
      if (first.isEmpty()) {
        return Mono.<Void>empty();
      }
      planned.set(first.get());
      return step.repeat().takeWhile(more -> more).then();
    });
  }

  /** The next batch planned, its rows that must wait handed back to the reader; empty at the end of the file. */
  private Mono<Optional<BatchPlanner.Plan>> planNext(ImportContext context, FileReader reader,
      BatchPlanner.InFlight inFlight) {
    return reader.next(batchSize).flatMap(rows -> rows.isEmpty() ? Mono.just(Optional.<BatchPlanner.Plan>empty())
        : planner.plan(context.snapshot(), context.profile(), context.converter(), rows, null, inFlight)
            .map(plan -> {
              reader.handBack(plan.leftover());
              return Optional.of(plan);
            }));
  }

  private Mono<Void> commit(ImportJob job, String worker, MetadataSnapshot snapshot, List<Outcome> outcomes, long doneAfter) {
    List<BulkRecords.Checked> writes = new ArrayList<>();
    List<Outcome> writeOutcomes = new ArrayList<>();
    List<Outcome> failed = new ArrayList<>();
    long skipped = 0;
    for (Outcome o : outcomes) {
      switch (o.action()) {
        case CREATE, UPDATE -> {
          writes.add(o.checked());
          writeOutcomes.add(o);
        }
        case SKIP -> skipped++;
        case FAIL -> failed.add(o);
      }
    }
    long skips = skipped;
    Mono<Void> work = write(snapshot, job.entity(), writeOutcomes, writes, failed)
        .flatMap(written -> jobs.failures(job.id(), failed.stream()
                .map(f -> new JobStore.Failure(f.row().index(), f.row().cells(), f.errors())).toList())
            .then(jobs.progress(job.id(), worker, doneAfter,
                written.stream().filter(o -> o.action() == Outcome.Action.CREATE).count(),
                written.stream().filter(o -> o.action() == Outcome.Action.UPDATE).count(),
                skips, failed.size())))
        .flatMap(owned -> owned ? Mono.<Void>empty() : Mono.error(new JobLost()));
    return tx.transactional(work);
  }

  /** Writes the batch in one go; if the database refuses, again one savepoint per record. Emits what was written. */
  private Mono<List<Outcome>> write(MetadataSnapshot snapshot, String entity, List<Outcome> outcomes,
      List<BulkRecords.Checked> writes, List<Outcome> failed) {
    if (writes.isEmpty()) {
      return Mono.just(List.of());
    }
    return savepoint("kith_import_batch", bulk.write(snapshot, entity, writes))
        .map(ids -> outcomes)
        .onErrorResume(Refused.class, batchError -> {
          List<Outcome> written = new ArrayList<>();
          return reactor.core.publisher.Flux.fromIterable(outcomes)
              .concatMap(o -> savepoint("kith_import_row", bulk.write(snapshot, entity, List.of(o.checked())))
                  .doOnNext(ids -> written.add(o))
                  .onErrorResume(Refused.class, e -> {
                    failed.add(o.failed(e.errors));
                    return Mono.empty();
                  }))
              .then(Mono.fromSupplier(() -> written));
        });
  }

  /** A write the database refused, after rolling back to its savepoint. */
  private static final class Refused extends RuntimeException {
    final List<FieldError> errors;

    Refused(List<FieldError> errors) {
      super("refused", null, false, false);
      this.errors = errors;
    }
  }

  private <T> Mono<T> savepoint(String name, Mono<T> work) {
    return db.sql("savepoint " + name).then()
        .then(work)
        .flatMap(result -> db.sql("release savepoint " + name).then().thenReturn(result))
        .onErrorResume(RecordValidationException.class, e -> db.sql("rollback to savepoint " + name).then()
            .then(Mono.error(new Refused(e.errors()))));
  }
}
