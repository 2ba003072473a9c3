package io.kith.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.KithServer;
import io.kith.testing.MetadataFolders;
import io.kith.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Sort indexes: a new entity type gets {@code (default sort, id)} and {@code (list column, default
 * sort, id)} indexes (none for long text); an existing table gains them on a restart, an index of
 * the same name defined the old way is rebuilt, and a restart with nothing changed plans nothing.
 */
class SortIndexSchemaTest {

  private static final String FIELDS = """
        fields:
          - {name: code, type: text, maxLength: 64, required: true}
          - {name: visited_on, type: date}
          - {name: notes, type: long_text}
        """;
  private static final String LIST = """
        list:
          columns: [code, visited_on, notes]
          sort: "-visited_on"
        """;

  @TempDir
  Path metadata;

  private TestDatabase db;

  @BeforeEach
  void createDatabase() {
    db = new TestDatabase();
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void newEntityTypeGetsAnIndexPerSortableListColumnInPageOrder() {
    writeVisit(FIELDS + LIST);

    try (KithServer server = KithServer.start(db, metadata)) {
      Map<String, String> indexes = indexes("visit");

      assertThat(indexes).containsEntry("visit__visited_on__idx", "(visited_on DESC NULLS LAST, id)")
          .containsEntry("visit__code__idx", "(code, visited_on DESC NULLS LAST, id)")
          .containsEntry("visit__created_at__idx", "(created_at)")
          .doesNotContainKey("visit__notes__idx");
    }
    try (KithServer server = KithServer.start(db, metadata)) {
      assertThat(applied(server)).as("the live indexes read as the planned ones").isEmpty();
    }
  }

  @Test
  void existingTableGainsSortIndexesAndAnOldStyleIndexIsRebuilt() {
    writeVisit(FIELDS + "list:\n  columns: [code]\n");
    try (KithServer server = KithServer.start(db, metadata)) {
      assertThat(indexes("visit")).containsEntry("visit__code__idx", "(code, id)")
          .doesNotContainKey("visit__visited_on__idx");
    }
    // As an older Kith left it: the column alone.
    db.execute("drop index visit__code__idx");
    db.execute("create index visit__code__idx on visit (code)");
    writeVisit(FIELDS + LIST);

    try (KithServer server = KithServer.start(db, metadata)) {
      assertThat(indexes("visit")).containsEntry("visit__visited_on__idx", "(visited_on DESC NULLS LAST, id)")
          .containsEntry("visit__code__idx", "(code, visited_on DESC NULLS LAST, id)");
      assertThat(applied(server)).containsExactly(
          "create index \"visit__visited_on__idx\" on \"public\".\"visit\" (\"visited_on\" desc nulls last, \"id\")",
          "drop index \"public\".\"visit__code__idx\"",
          "create index \"visit__code__idx\" on \"public\".\"visit\" (\"code\", \"visited_on\" desc nulls last, \"id\")");
    }
  }

  private static List<String> applied(KithServer server) {
    return server.api().get("/api/v1/meta/schema-plan").body().get("applied").valueStream()
        .map(JsonNode::asString).toList();
  }

  /** Index name to its key part as PostgreSQL prints it: {@code (code, id)}. */
  private Map<String, String> indexes(String table) {
    return db.query("select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = $1", table)
        .stream().collect(Collectors.toMap(r -> (String) r.get("indexname"),
            r -> ((String) r.get("indexdef")).replaceFirst("^.* USING btree ", "")));
  }

  private void writeVisit(String rest) {
    MetadataFolders.write(metadata, "entities/visit.yaml", """
        name: visit
        label: {en: Visit, zh-Hant: 探訪}
        pluralLabel: {en: Visits, zh-Hant: 探訪}
        displayName: "{code}"
        """ + rest);
  }
}
