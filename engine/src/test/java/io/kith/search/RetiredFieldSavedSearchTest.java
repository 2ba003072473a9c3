package io.kith.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithServer;
import io.kith.testing.MetadataFolders;
import io.kith.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A saved search that names a field retired since it was saved still opens, in the API and on the
 * page, runs what still applies and says which condition (and column) no longer applies.
 */
class RetiredFieldSavedSearchTest {

  @TempDir
  Path metadata;

  private final TestDatabase db = new TestDatabase();

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void searchNamingARetiredFieldOpensAndNamesTheDroppedCondition() throws IOException {
    MetadataFolders.copy("metadata-query", metadata);
    long id;
    try (KithServer server = KithServer.start(db, metadata)) {
      ApiClient api = server.api();
      assertThat(api.post("/api/v1/item", "{\"subtype\": \"small\", \"code\": \"W-1\", \"title\": \"Feather\", \"weight\": 0.01}").status()).isEqualTo(201);
      assertThat(api.post("/api/v1/item", "{\"subtype\": \"small\", \"code\": \"W-2\", \"title\": \"Anvil\", \"weight\": 50}").status()).isEqualTo(201);
      assertThat(api.post("/api/v1/item", "{\"subtype\": \"small\", \"code\": \"X-3\", \"title\": \"Other\", \"weight\": 50}").status()).isEqualTo(201);
      Response saved = api.post("/api/v1/saved-searches", """
          {"entity": "item", "name": "Heavy W", "shared": true, "query": {
            "filter": {"and": [{"field": "code", "op": "starts_with", "value": "W"},
                               {"field": "weight", "op": "gt", "value": 1}]},
            "columns": ["code", "weight"], "sort": ["code"]}}""");
      assertThat(saved.status()).isEqualTo(201);
      id = saved.body().get("id").asLong();
      assertThat(api.post("/api/v1/saved-searches/" + id + "/run", "").body().get("total").asLong()).isEqualTo(1);
    }

    Path item = metadata.resolve("entities/item.yaml");
    Files.writeString(item, Files.readString(item).replace("  - {name: weight, type: decimal, precision: 8, scale: 3}\n", ""));

    try (KithServer server = KithServer.start(db, metadata)) {
      ApiClient api = server.api();
      JsonNode read = api.get("/api/v1/saved-searches/" + id).body();
      assertThat(read.get("query").toString()).as("the stored query is kept as saved").contains("weight");
      JsonNode dropped = read.get("dropped");
      assertThat(dropped).hasSize(2);
      assertThat(dropped.get(0).get("path").asString()).isEqualTo("filter.and[1]");
      assertThat(dropped.get(0).get("part").asString()).isEqualTo("condition");
      assertThat(dropped.get(0).get("query").get("field").asString()).isEqualTo("weight");
      assertThat(dropped.get(0).get("code").asString()).isEqualTo("unknown_filter_field");
      assertThat(dropped.get(0).get("message").asString()).isEqualTo("This condition no longer applies: weight gt 1");
      assertThat(dropped.get(1).get("part").asString()).isEqualTo("column");
      assertThat(dropped.get(1).get("message").asString()).isEqualTo("This column no longer applies: weight");

      Response run = api.post("/api/v1/saved-searches/" + id + "/run", "");
      assertThat(run.status()).isEqualTo(200);
      assertThat(run.body().get("items").valueStream().map(i -> i.get("code").asString()).toList())
          .containsExactly("W-1", "W-2");
      assertThat(run.body().get("dropped")).hasSize(2);

      Page page = server.session().get("/app/item/search?saved=" + id);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.document().select(".dropped p").eachText())
          .containsExactly("This condition no longer applies: weight gt 1", "This column no longer applies: weight");
      assertThat(page.document().select("table.records tbody tr td:nth-child(2)").eachText()).containsExactly("W-1", "W-2");
      assertThat(page.document().selectFirst(".condition[data-key=c0] .field-select option[selected]").attr("value"))
          .isEqualTo("code");
      assertThat(page.document().select(".field-select option[value=weight]")).isEmpty();

      Page chinese = server.session().get("/app/item/search?saved=" + id + "&lang=zh-Hant");
      assertThat(chinese.document().selectFirst(".dropped p").text()).isEqualTo("此條件已不再適用：weight gt 1");
    }
  }
}
