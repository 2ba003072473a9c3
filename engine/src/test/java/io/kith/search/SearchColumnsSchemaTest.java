package io.kith.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithServer;
import io.kith.testing.MetadataFolders;
import io.kith.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Restarting Kith on a table that already has rows: when contacts join quick search, schema sync
 * adds the search columns and indexes and start-up fills them (and the new sort name); when the
 * search fields change the columns are filled again; when search is dropped nothing is retired.
 */
class SearchColumnsSchemaTest {

  private static final String SEARCH_BLOCK =
      "search:\n  fields: [display_name, sort_name, emails.email, phones.phone, external_identifier]\n";

  @TempDir
  Path metadata;

  private final TestDatabase db = new TestDatabase();

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void existingRowsGetTheirSearchColumnsFilledAndRefilledWhenTheFieldsChange() {
    MetadataFolders.copy("kith/metadata", metadata);
    String shipped = contactYaml();
    // The contact type before quick search: no search block, no sort name.
    writeContact(shipped.replace(SEARCH_BLOCK, "").replaceAll("(?s)  # \"Chan, Tai Man\".*?label: \\{en: Sort name[^\n]*\n", ""));
    long id;
    try (KithServer server = KithServer.start(db, metadata)) {
      Response created = server.api().post("/api/v1/contact", """
          {"subtype": "individual", "first_name": "大文", "last_name": "陳",
           "emails": [{"email": "tai.man@example.hk"}]}""");
      assertThat(created.status()).isEqualTo(201);
      id = created.body().get("id").asLong();
      assertThat(columns()).doesNotContain("search_text", "sort_name");
      assertThat(server.api().get("/api/v1/search?q=x").body().get("items")).isEmpty();
    }

    writeContact(shipped);
    try (KithServer server = KithServer.start(db, metadata)) {
      ApiClient api = server.api();
      assertThat(columns()).contains("search_label", "search_text", "search_grams");
      assertThat(indexes()).contains("contact__search_grams__idx", "contact__search_label__idx");
      Map<String, Object> row = db.query("select sort_name, search_label, search_text from contact where id = $1", id).get(0);
      assertThat(row).containsEntry("sort_name", "陳, 大文").containsEntry("search_label", "大文 陳");
      assertThat((String) row.get("search_text")).contains("\ntai.man@example.hk\n");
      assertThat(labels(api, "example.hk")).containsExactly("大文 陳");
      assertThat(labels(api, "陳")).containsExactly("大文 陳");
      JsonNode plan = api.get("/api/v1/meta/schema-plan").body();
      assertThat(plan.get("retired").toString()).doesNotContain("search_");
      assertThat(plan.get("applied").toString()).contains("using gin");
    }

    writeContact(shipped.replace("emails.email, ", ""));
    try (KithServer server = KithServer.start(db, metadata)) {
      ApiClient api = server.api();
      assertThat(labels(api, "example.hk")).as("emails are no longer searched").isEmpty();
      assertThat(labels(api, "大文")).containsExactly("大文 陳");
    }

    writeContact(shipped.replace(SEARCH_BLOCK, ""));
    try (KithServer server = KithServer.start(db, metadata)) {
      ApiClient api = server.api();
      assertThat(api.get("/api/v1/meta/schema-plan").body().get("retired").toString()).doesNotContain("search_");
      assertThat(labels(api, "大文")).isEmpty();
      assertThat(columns()).as("nothing is dropped").contains("search_text");
      Response patched = api.patch("/api/v1/contact/" + id, "{\"first_name\": \"小明\"}");
      assertThat(patched.status()).as("writes no longer touch the search columns").isEqualTo(200);
    }
  }

  @Test
  void gramsStoredAsTextByAnEarlierKithBecomeIntegerKeysAndAreFoundAgain() {
    MetadataFolders.copy("kith/metadata", metadata);
    try (KithServer server = KithServer.start(db, metadata)) {
      assertThat(server.api().post("/api/v1/contact", """
          {"subtype": "individual", "first_name": "大文", "last_name": "陳",
           "emails": [{"email": "tai.man@example.hk"}]}""").status()).isEqualTo(201);
    }
    // As an earlier format left the table: grams as text in the C collation, filled by format 2.
    db.execute("alter table contact alter column search_grams type text[] collate \"C\" using array['陳']");
    db.execute("comment on column contact.search_text is 'kith quick search 2 0123456789abcdef'");

    try (KithServer server = KithServer.start(db, metadata)) {
      assertThat(db.query("select format_type(atttypid, atttypmod) as type from pg_attribute"
          + " where attrelid = 'contact'::regclass and attname = 'search_grams'").get(0)).containsEntry("type", "integer[]");
      assertThat(labels(server.api(), "陳")).containsExactly("大文 陳");
      assertThat(labels(server.api(), "tai.man@")).containsExactly("大文 陳");
      assertThat(indexes()).contains("contact__search_grams__idx");
    }
  }

  private static List<String> labels(ApiClient api, String q) {
    Response response = api.send(HttpMethod.GET, "/api/v1/search?q={q}", Map.of("q", q), null);
    assertThat(response.status()).isEqualTo(200);
    return response.body().get("items").valueStream().map(n -> n.get("label").asString()).toList();
  }

  private List<String> columns() {
    return db.query("select column_name from information_schema.columns where table_name = 'contact'").stream()
        .map(r -> (String) r.get("column_name")).toList();
  }

  private List<String> indexes() {
    return db.query("select indexname from pg_indexes where tablename = 'contact'").stream()
        .map(r -> (String) r.get("indexname")).toList();
  }

  private String contactYaml() {
    try {
      String yaml = Files.readString(metadata.resolve("entities/contact.yaml"));
      assertThat(yaml).contains(SEARCH_BLOCK);
      return yaml;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeContact(String yaml) {
    MetadataFolders.write(metadata, "entities/contact.yaml", yaml);
  }
}
