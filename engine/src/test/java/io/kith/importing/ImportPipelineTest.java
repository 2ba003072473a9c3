package io.kith.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.Imports;
import io.kith.testing.KithServer;
import io.kith.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * A job plans each batch while the one before it commits. With batches of three rows and a file
 * whose rows repeat a key one to three rows later, a repeat often lands in the batch planned while
 * the one creating (or changing) that record is still committing: it must still be found as the
 * duplicate it is, in every mode, exactly as if the batches ran one after another. A trigger makes
 * every insert into the contact table take a fifth of a second, so each batch is surely planned
 * while the one before it is still being written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportPipelineTest {

  private static final int PEOPLE = 30;

  private TestDatabase db;
  private KithServer kith;

  @BeforeAll
  void start() {
    db = new TestDatabase();
    kith = KithServer.start(db, null, "--kith.import.batch-size=3", "--kith.import.poll=100ms");
    db.execute("""
        create function pipeline_test_pause() returns trigger language plpgsql as
          $$ begin perform pg_sleep(0.2); return null; end $$;
        create trigger pipeline_test_pause after insert on contact
          for each statement execute function pipeline_test_pause()""");
  }

  @AfterAll
  void stop() {
    kith.close();
    db.close();
  }

  @Test
  void skipModeFindsRepeatsOfRecordsTheBatchBeforeIsStillWriting() {
    JsonNode done = new Imports(kith.api()).run(file("skip"), profile("skip"));

    assertThat(done.get("status").asString()).isEqualTo("completed");
    assertThat(done.get("rowsDone").asLong()).isEqualTo(2L * PEOPLE);
    assertThat(done.get("created").asLong()).isEqualTo(PEOPLE);
    assertThat(done.get("skipped").asLong()).isEqualTo(PEOPLE);
    assertThat(done.get("failed").asLong()).isZero();
    assertThat(people("skip")).hasSize(PEOPLE).allSatisfy(p -> assertThat(p.get("emails")).isEqualTo(1L));
    // The first row of each person won; the repeat was skipped.
    assertThat(people("skip")).allSatisfy(p -> assertThat(p.get("source")).isEqualTo("first"));
  }

  @Test
  void updateModeAppliesRepeatsAfterTheRecordIsWritten() {
    JsonNode done = new Imports(kith.api()).run(file("update"), profile("update"));

    assertThat(done.get("status").asString()).isEqualTo("completed");
    assertThat(done.get("created").asLong()).isEqualTo(PEOPLE);
    assertThat(done.get("updated").asLong()).isEqualTo(PEOPLE);
    assertThat(done.get("failed").asLong()).isZero();
    assertThat(people("update")).hasSize(PEOPLE)
        .allSatisfy(p -> assertThat(p.get("source")).isEqualTo("second"))
        .allSatisfy(p -> assertThat(p.get("emails")).isEqualTo(1L));
  }

  private List<Map<String, Object>> people(String mode) {
    return db.query("""
        select c.source, (select count(*) from contact__emails e where e.parent_id = c.id) as emails
        from contact c where c.last_name = $1""", mode);
  }

  private static String profile(String mode) {
    return """
        {"name": "pipeline_%s", "entity": "contact", "subtype": "individual",
         "columns": [{"column": "First", "field": "first_name"}, {"column": "Last", "field": "last_name"},
                     {"column": "Email", "field": "emails.email"}, {"column": "Source", "field": "source"}],
         "duplicates": {"mode": "%s", "key": ["emails.email"]}}""".formatted(mode, mode);
  }

  /** Each person twice: first as "first", then again one to three rows later as "second". */
  private static byte[] file(String mode) {
    List<String> lines = new ArrayList<>(List.of("First,Last,Email,Source"));
    int group = 1;
    for (int start = 0; start < PEOPLE; start += group, group = group % 3 + 1) {
      int end = Math.min(PEOPLE, start + group);
      for (int i = start; i < end; i++) {
        lines.add("P" + i + "," + mode + "," + mode + i + "@pipeline.example.com,first");
      }
      for (int i = start; i < end; i++) {
        lines.add("P" + i + "," + mode + "," + (mode + i + "@pipeline.example.com").toUpperCase() + ",second");
      }
    }
    return Imports.csv(StandardCharsets.UTF_8, false, lines.toArray(String[]::new));
  }
}
