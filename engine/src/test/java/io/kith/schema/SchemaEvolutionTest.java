package io.kith.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kith.StartupFailureAnalyzer;
import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithServer;
import io.kith.testing.MetadataFolders;
import io.kith.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Restarting Kith on changed metadata against the same database: a removed field is retired with its
 * data kept, a lossy type change is refused before anything is touched, and a widening is applied.
 */
class SchemaEvolutionTest {

  private static final String CODE = code("type: text, maxLength: 64");
  private static final String MOOD = "  - {name: mood, type: text, maxLength: 32}\n";
  private static final String VISITED_ON = "  - {name: visited_on, type: date}\n";
  private static final String STEPS = "  - {name: steps, type: collection, fields: [{name: step, type: text}]}\n";

  @TempDir
  Path metadata;

  private TestDatabase db;
  private long visit;

  @BeforeEach
  void startWithFirstModel() {
    db = new TestDatabase();
    writeVisit(CODE + MOOD + VISITED_ON + STEPS);
    try (KithServer server = KithServer.start(db, metadata)) {
      Response created = server.api().post("/api/v1/visit",
          "{\"code\": \"A-1\", \"mood\": \"happy\", \"visited_on\": \"2025-01-02\", \"steps\": [{\"step\": \"knock\"}]}");
      assertThat(created.status()).isEqualTo(201);
      visit = created.body().get("id").asLong();
    }
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void removedFieldIsRetiredKeepingItsColumnAndData() {
    writeVisit(CODE + VISITED_ON);

    try (KithServer server = KithServer.start(db, metadata)) {
      ApiClient api = server.api();

      assertThat(columnType("visit", "mood")).isEqualTo("character varying(32)");
      assertThat(db.query("select mood from visit where id = $1", visit).get(0)).containsEntry("mood", "happy");
      JsonNode record = api.get("/api/v1/visit/" + visit).body();
      assertThat(record.has("mood")).isFalse();
      assertThat(record.get("code").asString()).isEqualTo("A-1");
      JsonNode plan = api.get("/api/v1/meta/schema-plan").body();
      assertThat(plan.get("retired")).hasSize(2);
      assertThat(plan.get("retired").get(0).asString()).contains("\"visit.mood\"");
      assertThat(plan.get("retired").get(1).asString()).contains("\"visit.steps\"").contains("visit__steps");
      assertThat(record.has("steps")).isFalse();
      Response patch = api.patch("/api/v1/visit/" + visit, "{\"mood\": \"sad\"}");
      assertThat(patch.status()).isEqualTo(400);
      assertThat(patch.body().get("errors").get(0).get("code").asString()).isEqualTo("unknown_field");
      assertThat(api.get("/api/v1/visit?mood=happy").status()).as("no filtering by a retired field").isEqualTo(400);
    }
    assertThat(db.query("select mood from visit where id = $1", visit).get(0)).containsEntry("mood", "happy");
    assertThat(db.query("select step from visit__steps where parent_id = $1", visit).get(0)).containsEntry("step", "knock");
  }

  @Test
  void textToIntegerChangeIsRefusedAndNothingIsApplied() {
    long plansBefore = db.count("kith.ddl_log");
    writeVisit(code("type: integer") + MOOD + VISITED_ON + STEPS + "  - {name: rating, type: integer}\n");

    Throwable failure = catchThrowable(() -> KithServer.start(db, metadata).close());

    assertThat(failure).isNotNull().rootCause()
        .isInstanceOf(SchemaChangeRefusedException.class)
        .hasMessageContaining("\"visit.code\"")
        .hasMessageContaining("bigint");
    assertThat(new StartupFailureAnalyzer().analyze(failure).getDescription()).contains("\"visit.code\"");
    assertThat(columnType("visit", "code")).isEqualTo("character varying(64)");
    assertThat(columnType("visit", "rating")).as("the additive part of the plan is not applied either").isNull();
    assertThat(db.count("kith.ddl_log")).isEqualTo(plansBefore);
    assertThat(db.query("select code from visit where id = $1", visit).get(0)).containsEntry("code", "A-1");
  }

  @Test
  void longerTextLimitIsApplied() {
    writeVisit(code("type: text, maxLength: 128") + MOOD + VISITED_ON + STEPS);
    String longCode = "B".repeat(100);

    try (KithServer server = KithServer.start(db, metadata)) {
      ApiClient api = server.api();

      assertThat(columnType("visit", "code")).isEqualTo("character varying(128)");
      assertThat(db.query("select code from visit where id = $1", visit).get(0)).containsEntry("code", "A-1");
      List<String> applied = api.get("/api/v1/meta/schema-plan").body().get("applied").valueStream()
          .map(JsonNode::asString).toList();
      assertThat(applied).containsExactly(
          "alter table \"public\".\"visit\" alter column \"code\" type character varying(128)");
      Response created = api.post("/api/v1/visit", "{\"code\": \"%s\"}".formatted(longCode));
      assertThat(created.status()).isEqualTo(201);
      assertThat(created.body().get("code").asString()).isEqualTo(longCode);
    }
  }

  /** The {@code code} field with the given type settings (YAML flow style). */
  private static String code(String typeSettings) {
    return "  - {name: code, " + typeSettings + ", required: true}\n";
  }

  private void writeVisit(String fields) {
    MetadataFolders.write(metadata, "entities/visit.yaml", """
        name: visit
        label: {en: Visit, zh-Hant: 探訪}
        pluralLabel: {en: Visits, zh-Hant: 探訪}
        displayName: "{code}"
        fields:
        """ + fields);
  }

  private String columnType(String table, String column) {
    List<Map<String, Object>> rows = db.query("""
        select format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
         where a.attrelid = ('public.' || $1)::regclass and a.attname = $2 and not a.attisdropped""",
        table, column);
    return rows.isEmpty() ? null : (String) rows.get(0).get("type");
  }
}
