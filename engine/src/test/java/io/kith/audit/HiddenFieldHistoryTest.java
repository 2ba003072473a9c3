package io.kith.audit;

import static io.kith.audit.HistoryResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Fields marked hidden in the metadata, and numbers sent in another form than they are stored. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HiddenFieldHistoryTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.withMetadata("/metadata-audit");

  @Test
  void pageLeavesOutChangesOfFieldsItHides() {
    long id = create("{\"title\": \"Visit\", \"risk_score\": 3}");
    patch(id, "{\"risk_score\": 9}");
    patch(id, "{\"risk_score\": 1, \"title\": \"Home visit\"}");

    Element section = kith.session().get("/app/case_note/" + id).document().selectFirst("section#history");

    Elements rows = section.select("tr.history-entry");
    assertThat(rows.eachAttr("data-action")).containsExactly("update", "update", "create");
    assertThat(section.select("li").eachAttr("data-field")).doesNotContain("risk_score").contains("title");
    assertThat(rows.get(0).select("li").eachAttr("data-field")).containsExactly("title");
    assertThat(rows.get(1).select("li")).isEmpty();
    assertThat(rows.get(1).text()).contains("No changes you can see.");
    assertThat(section.text()).doesNotContain("Risk score");

    JsonNode api = items(id);
    assertThat(texts(api.get(1).get("changes"), "field")).as("the API shows every field by default")
        .containsExactly("risk_score");
  }

  @Test
  void numbersSentInAnotherFormThanStoredAreNoChange() {
    long id = create("{\"title\": \"Fee\", \"amount\": 12.5, \"weight\": 1.2}");

    patch(id, "{\"amount\": 12.50, \"weight\": 1.200}");

    assertThat(texts(items(id), "action")).containsExactly("create");
    patch(id, "{\"amount\": 13}");
    JsonNode change = items(id).get(0).get("changes").get(0);
    assertThat(change.get("field").asString()).isEqualTo("amount");
    assertThat(change.get("old").decimalValue()).isEqualByComparingTo("12.5");
    assertThat(change.get("new").decimalValue()).isEqualByComparingTo("13");
  }

  private static JsonNode items(long id) {
    Response history = kith.api().get("/api/v1/case_note/" + id + "/history");
    assertThat(history.status()).isEqualTo(200);
    return history.body().get("items");
  }

  private static long create(String json) {
    Response created = kith.api().post("/api/v1/case_note", json);
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private static void patch(long id, String json) {
    Response patched = kith.api().patch("/api/v1/case_note/" + id, json);
    assertThat(patched.status()).as(String.valueOf(patched.body())).isEqualTo(200);
  }
}
