package io.kith.importing;

import io.kith.validation.FieldError;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** SQL for {@code kith.import_job} and {@code kith.import_failure}; every value is a bind parameter. */
final class JobStore {

  private static final String COLUMNS = "id, entity, profile_name, profile::text as profile, layout::text as layout, "
      + "file_path, file_name, status, total_rows, rows_done, created, updated, skipped, failed, error, created_at, "
      + "started_at, finished_at, user_id";

  /** A failed row to record. */
  record Failure(long rowIndex, List<String> cells, List<FieldError> errors) {}

  private final DatabaseClient db;
  private final JsonMapper json = JsonMapper.builder().build();

  JobStore(DatabaseClient db) {
    this.db = db;
  }

  /** A queued job started by {@code userId} (null: nobody signed in). */
  Mono<ImportJob> insert(String entity, String profileName, JsonNode profile, JsonNode layout, String filePath,
      String fileName, long totalRows, Long userId) {
    DatabaseClient.GenericExecuteSpec spec = db.sql("insert into kith.import_job (entity, profile_name, profile, layout, "
            + "file_path, file_name, total_rows, user_id) values ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8) returning "
            + COLUMNS)
        .bind(0, entity).bind(2, json.writeValueAsString(profile)).bind(3, json.writeValueAsString(layout))
        .bind(4, filePath).bind(6, totalRows);
    spec = userId == null ? spec.bindNull(7, Long.class) : spec.bind(7, userId);
    spec = profileName == null ? spec.bindNull(1, String.class) : spec.bind(1, profileName);
    spec = fileName == null ? spec.bindNull(5, String.class) : spec.bind(5, fileName);
    return spec.map(this::row).one();
  }

  Mono<ImportJob> find(long id) {
    return db.sql("select " + COLUMNS + " from kith.import_job where id = $1").bind(0, id).map(this::row).one();
  }

  /**
   * Takes the oldest job that is queued, or running with a heartbeat older than the lease (its
   * worker died); other instances skip the row while it is locked.
   */
  Mono<ImportJob> claim(String worker, long leaseMillis) {
    return db.sql("update kith.import_job set status = 'running', worker = $1, heartbeat = now(), "
            + "started_at = coalesce(started_at, now()) where id = (select id from kith.import_job "
            + "where status = 'queued' or (status = 'running' and heartbeat < now() - make_interval(secs => $2)) "
            + "order by id limit 1 for update skip locked) returning " + COLUMNS)
        .bind(0, worker).bind(1, leaseMillis / 1000.0)
        .map(this::row).one();
  }

  /**
   * Records a committed batch; part of the batch's transaction. Emits false when the job is no
   * longer this worker's to run (cancelled, or taken over after a stale heartbeat).
   */
  Mono<Boolean> progress(long id, String worker, long rowsDone, long created, long updated, long skipped, long failed) {
    return db.sql("update kith.import_job set rows_done = $3, created = created + $4, updated = updated + $5, "
            + "skipped = skipped + $6, failed = failed + $7, heartbeat = now() "
            + "where id = $1 and worker = $2 and status = 'running'")
        .bind(0, id).bind(1, worker).bind(2, rowsDone).bind(3, created).bind(4, updated).bind(5, skipped).bind(6, failed)
        .fetch().rowsUpdated().map(n -> n > 0);
  }

  /** One multi-row insert for the failed rows of a batch. */
  Mono<Void> failures(long jobId, List<Failure> failures) {
    if (failures.isEmpty()) {
      return Mono.empty();
    }
    StringBuilder sql = new StringBuilder("insert into kith.import_failure (job_id, row_index, cells, errors) values ");
    List<Object> binds = new ArrayList<>();
    for (int i = 0; i < failures.size(); i++) {
      Failure f = failures.get(i);
      int n = binds.size();
      sql.append(i > 0 ? ", " : "").append("($").append(n + 1).append(", $").append(n + 2).append(", $").append(n + 3)
          .append(", $").append(n + 4).append("::jsonb)");
      binds.add(jobId);
      binds.add(f.rowIndex());
      binds.add(f.cells().toArray(String[]::new));
      binds.add(json.writeValueAsString(errorsJson(f.errors())));
    }
    sql.append(" on conflict (job_id, row_index) do update set cells = excluded.cells, errors = excluded.errors");
    // One call: binding value by value copies the spec's bindings each time.
    return db.sql(sql.toString()).bindValues(binds).then();
  }

  Mono<Boolean> finish(long id, String worker, String status, String error) {
    DatabaseClient.GenericExecuteSpec spec = db.sql("update kith.import_job set status = $3, error = $4, "
            + "finished_at = now() where id = $1 and worker = $2 and status = 'running'")
        .bind(0, id).bind(1, worker).bind(2, status);
    spec = error == null ? spec.bindNull(3, String.class) : spec.bind(3, error);
    return spec.fetch().rowsUpdated().map(n -> n > 0);
  }

  /** Cancels a job that has not finished; emits whether it did. */
  Mono<Boolean> cancel(long id) {
    return db.sql("update kith.import_job set status = 'cancelled', finished_at = now() "
            + "where id = $1 and status in ('queued', 'running')")
        .bind(0, id).fetch().rowsUpdated().map(n -> n > 0);
  }

  /** Failed rows after {@code afterIndex}, at most {@code limit}, in file order. */
  Flux<Failure> failures(long jobId, long afterIndex, int limit) {
    return db.sql("select row_index, cells, errors::text as errors from kith.import_failure "
            + "where job_id = $1 and row_index > $2 order by row_index limit $3")
        .bind(0, jobId).bind(1, afterIndex).bind(2, limit)
        .map(row -> new Failure(row.get("row_index", Long.class), List.of(row.get("cells", String[].class)),
            errors(json.readTree(row.get("errors", String.class)))))
        .all();
  }

  private static ArrayNode errorsJson(List<FieldError> errors) {
    ArrayNode out = JsonMapper.shared().createArrayNode();
    for (FieldError e : errors) {
      ObjectNode item = out.addObject().put("field", e.field()).put("code", e.code());
      ArrayNode args = item.putArray("args");
      e.arguments().forEach(a -> args.add(String.valueOf(a)));
    }
    return out;
  }

  private static List<FieldError> errors(JsonNode node) {
    List<FieldError> out = new ArrayList<>();
    for (JsonNode e : node) {
      List<Object> args = new ArrayList<>();
      e.path("args").forEach(a -> args.add(a.asString()));
      out.add(new FieldError(e.get("field").asString(), e.get("code").asString(), args));
    }
    return out;
  }

  private ImportJob row(Readable row) {
    return new ImportJob(row.get("id", Long.class), row.get("entity", String.class), row.get("profile_name", String.class),
        json.readTree(row.get("profile", String.class)), json.readTree(row.get("layout", String.class)),
        row.get("file_path", String.class), row.get("file_name", String.class), row.get("status", String.class),
        row.get("total_rows", Long.class), row.get("rows_done", Long.class), row.get("created", Long.class),
        row.get("updated", Long.class), row.get("skipped", Long.class), row.get("failed", Long.class),
        row.get("error", String.class), row.get("created_at", OffsetDateTime.class),
        row.get("started_at", OffsetDateTime.class), row.get("finished_at", OffsetDateTime.class),
        row.get("user_id", Long.class));
  }
}
