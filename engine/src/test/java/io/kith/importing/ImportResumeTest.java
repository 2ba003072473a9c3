package io.kith.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.Imports;
import io.kith.testing.KithServer;
import io.kith.testing.TestDatabase;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance 6 and cancelling: a Kith stopped in the middle of a job (its worker and connections
 * gone mid-batch) leaves exactly the committed batches behind, progress included; a second Kith
 * on the same database takes the job over once the lease has run out and ends with exactly the
 * file's rows, no duplicates. A cancelled job stops at a batch boundary with consistent counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportResumeTest {

  private static final int ROWS = 6000;
  private static final String PROFILE = """
      {"name": "resume", "entity": "contact", "subtype": "individual",
       "columns": [{"column": "First", "field": "first_name"}, {"column": "Last", "field": "last_name"},
                   {"column": "Email", "field": "emails.email"}],
       "duplicates": {"mode": "skip", "key": ["emails.email"]}}""";

  private TestDatabase db;

  @BeforeAll
  void database() {
    db = new TestDatabase();
  }

  @AfterAll
  void drop() {
    db.close();
  }

  @Test
  void resumesAJobStoppedMidwayWithoutDuplicatesOrGaps() {
    long id;
    long doneAtStop;
    try (KithServer first = KithServer.start(db, null, "--kith.import.batch-size=50", "--kith.import.lease=1s")) {
      Response started = new Imports(first.api()).upload(file("a"), PROFILE, false);
      assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(202);
      id = started.body().get("id").asLong();
      awaitRows(id, 500);
    }
    Map<String, Object> stopped = job(id);
    doneAtStop = (Long) stopped.get("rows_done");
    assertThat(stopped.get("status")).isEqualTo("running");
    assertThat(doneAtStop).isBetween(500L, ROWS - 1L);
    // Only whole batches were committed, and the job says exactly how far they got.
    assertThat(db.count("contact")).isEqualTo(doneAtStop);
    assertThat(db.count("contact__emails")).isEqualTo(doneAtStop);

    try (KithServer second = KithServer.start(db, null, "--kith.import.batch-size=500", "--kith.import.lease=1s",
        "--kith.import.poll=200ms")) {
      JsonNode done = new Imports(second.api()).await(id);

      assertThat(done.get("status").asString()).isEqualTo("completed");
      assertThat(done.get("rowsDone").asLong()).isEqualTo(ROWS);
      assertThat(done.get("created").asLong()).isEqualTo(ROWS);
      assertThat(done.get("skipped").asLong()).isZero();
      assertThat(db.count("contact")).isEqualTo(ROWS);
      assertThat(db.query("select count(distinct lower(email)) as n from contact__emails").get(0).get("n"))
          .isEqualTo((long) ROWS);
      assertThat(db.query("select count(*) as n from contact where first_name = 'First' || last_name").get(0).get("n"))
          .isEqualTo((long) ROWS);
    }
  }

  @Test
  void cancelledJobStopsAtABatchBoundary() {
    try (KithServer kith = KithServer.start(db, null, "--kith.import.batch-size=50")) {
      ApiClient api = kith.api();
      long before = db.count("contact");
      Response started = new Imports(api).upload(file("c"), PROFILE, false);
      long id = started.body().get("id").asLong();
      awaitRows(id, 200);

      Response cancelled = api.post("/api/v1/imports/" + id + "/cancel", null);

      assertThat(cancelled.status()).isEqualTo(200);
      assertThat(cancelled.body().get("status").asString()).isEqualTo("cancelled");
      Imports.sleep(1000);
      Map<String, Object> job = job(id);
      assertThat(job.get("status")).isEqualTo("cancelled");
      assertThat((Long) job.get("rows_done")).isLessThan(ROWS);
      assertThat(db.count("contact") - before).isEqualTo(job.get("rows_done"));
      assertThat(api.post("/api/v1/imports/" + id + "/cancel", null).status()).isEqualTo(409);
    }
  }

  @Test
  void aWorkerPassesOverAJobAnotherInstanceHoldsAndTakesTheNext() {
    try (KithServer kith = KithServer.start(db, null, "--kith.import.worker=false")) {
      long held = new Imports(kith.api()).upload(file("h"), PROFILE, false).body().get("id").asLong();
      long free = new Imports(kith.api()).upload(file("f"), PROFILE, false).body().get("id").asLong();
      Connection other = Mono.from(ConnectionFactories.get(db.url().replace("r2dbc:postgresql://",
          "r2dbc:postgresql://postgres@")).create()).block();
      try {
        // Another instance in the middle of claiming the older job: its row is locked.
        Mono.from(other.beginTransaction()).block();
        Flux.from(other.createStatement("select id from kith.import_job where id = $1 for update").bind("$1", held)
            .execute()).flatMap(r -> r.map((row, meta) -> row.get(0, Long.class))).blockLast();

        ImportJob claimed = new JobStore(kith.bean(DatabaseClient.class)).claim("this-worker", 60_000)
            .block(Duration.ofSeconds(5));

        assertThat(claimed.id()).isEqualTo(free);
        assertThat(job(held).get("status")).isEqualTo("queued");
      } finally {
        Mono.from(other.rollbackTransaction()).block();
        Mono.from(other.close()).block();
      }
      db.execute("update kith.import_job set status = 'cancelled' where id in (" + held + ", " + free + ")");
    }
  }

  private Map<String, Object> job(long id) {
    return db.query("select status, rows_done from kith.import_job where id = $1", id).get(0);
  }

  private void awaitRows(long id, long rows) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if ((Long) job(id).get("rows_done") >= rows) {
        return;
      }
      Imports.sleep(20);
    }
    throw new AssertionError("job " + id + " did not reach " + rows + " rows");
  }

  private static byte[] file(String prefix) {
    List<String> lines = new ArrayList<>(List.of("First,Last,Email"));
    for (int i = 0; i < ROWS; i++) {
      lines.add("First" + prefix + i + "," + prefix + i + "," + prefix + i + "@resume.example.com");
    }
    return Imports.csv(StandardCharsets.UTF_8, false, lines.toArray(String[]::new));
  }
}
