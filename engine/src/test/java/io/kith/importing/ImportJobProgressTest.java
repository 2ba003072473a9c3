package io.kith.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The speed and time left a job reports while it runs (the wizard's progress bar reads them). */
class ImportJobProgressTest {

  private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 4, 10, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void aRunningJobReportsRowsPerSecondAndTheSecondsLeft() {
    ObjectNode json = job("running", 400, NOW.minusSeconds(10), null).toJson(NOW);

    assertThat(json.get("rowsPerSecond").asDouble()).isEqualTo(40.0);
    assertThat(json.get("etaSeconds").asLong()).isEqualTo(15);
  }

  @Test
  void aFinishedJobReportsItsSpeedOverItsRunAndNoTimeLeft() {
    ObjectNode json = job("completed", 1000, NOW.minusSeconds(60), NOW.minusSeconds(40)).toJson(NOW);

    assertThat(json.get("rowsPerSecond").asDouble()).isEqualTo(50.0);
    assertThat(json.has("etaSeconds")).isFalse();
  }

  @Test
  void aJobThatHasDoneNothingYetReportsNoSpeed() {
    ObjectNode json = job("running", 0, NOW.minusSeconds(5), null).toJson(NOW);

    assertThat(json.has("rowsPerSecond")).isFalse();
    assertThat(json.has("etaSeconds")).isFalse();
  }

  private static ImportJob job(String status, long done, OffsetDateTime started, OffsetDateTime finished) {
    return new ImportJob(7, "contact", null, null, null, "/tmp/x.csv", "x.csv", status, 1000, done, done, 0, 0, 0,
        null, started, started, finished, null);
  }
}
