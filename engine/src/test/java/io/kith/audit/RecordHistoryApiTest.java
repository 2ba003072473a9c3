package io.kith.audit;

import static io.kith.audit.HistoryResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/{entity}/{id}/history} after edits through every write path of the API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordHistoryApiTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shippedWith(HeaderUsers.class);

  @Test
  void sequenceOfEditsGivesOneEntryPerChangeNewestFirstWithDiffsUsersAndTimes() {
    Instant before = Instant.now().minusSeconds(1);
    long id = create("""
        {"subtype": "individual", "first_name": "Tai Man", "last_name": "Chan", "gender": "male",
         "emails": [{"email": "tai.man@example.org", "location_type": "home"}]}""", 7);
    assertThat(send("PATCH", id, "", "{\"last_name\": \"Chen\", \"gender\": \"female\"}", 8).status()).isEqualTo(200);
    assertThat(send("PATCH", id, "", "{\"emails\": [{\"email\": \"chen@example.org\", \"location_type\": \"work\"}]}", 8)
        .status()).isEqualTo(200);
    assertThat(send("POST", id, "/deactivate", null, 9).status()).isEqualTo(200);
    assertThat(send("POST", id, "/reactivate", null, null).status()).isEqualTo(200);
    assertThat(send("DELETE", id, "", null, 7).status()).isEqualTo(204);
    Instant after = Instant.now().plusSeconds(1);

    assertThat(kith.api().get("/api/v1/contact/" + id).status()).isEqualTo(404);
    Response history = kith.api().get("/api/v1/contact/" + id + "/history");
    assertThat(history.status()).isEqualTo(200);
    JsonNode items = history.body().get("items");
    assertThat(texts(items, "action")).containsExactly("delete", "reactivate", "deactivate", "update", "update", "create");
    assertThat(history.body().get("total").asLong()).isEqualTo(6);
    assertThat(history.body().get("pages").asLong()).isEqualTo(1);

    List<String> users = new ArrayList<>();
    items.forEach(i -> users.add(i.get("user").isNull() ? null : i.get("user").get("id").asLong() + " " + i.get("user").get("name").asString()));
    assertThat(users).containsExactly("7 Tester 7", null, "9 Tester 9", "8 Tester 8", "8 Tester 8", "7 Tester 7");

    OffsetDateTime previous = null;
    for (JsonNode item : items) {
      OffsetDateTime at = OffsetDateTime.parse(item.get("at").asString());
      assertThat(at.toInstant()).isBetween(before, after);
      if (previous != null) {
        assertThat(at).isBeforeOrEqualTo(previous);
      }
      previous = at;
    }

    assertThat(items.get(0).get("changes")).isEmpty();
    assertThat(items.get(1).get("changes")).isEmpty();
    assertThat(items.get(2).get("changes")).isEmpty();

    JsonNode emails = items.get(3).get("changes");
    assertThat(texts(emails, "field")).containsExactly("emails");
    assertThat(emails.get(0).get("label").asString()).isEqualTo("Email addresses");
    assertThat(texts(emails.get(0).get("old"), "email")).containsExactly("tai.man@example.org");
    assertThat(texts(emails.get(0).get("new"), "email")).containsExactly("chen@example.org");
    assertThat(emails.get(0).get("new").get(0).get("location_type").asString()).isEqualTo("work");

    assertThat(items.get(4).get("changes")).containsExactly(
        change("last_name", "Last name", "\"Chan\"", "\"Chen\""),
        change("gender", "Gender", "\"male\"", "\"female\""));

    JsonNode created = items.get(5).get("changes");
    assertThat(texts(created, "field"))
        .contains("first_name", "last_name", "gender", "emails")
        .doesNotContain("display_name", "sort_name", "age", "version", "created_at", "updated_at", "active",
            "search_label", "search_text", "search_grams", "prefix", "birth_date");
    assertThat(created).contains(change("last_name", "Last name", "null", "\"Chan\""));
    created.forEach(c -> assertThat(c.get("old").isNull() || c.get("old").isEmpty()).as(c.toString()).isTrue());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"en, Gender", "zh-Hant, 性別", "zh-Hans, 性别", "zh-HK, 性別"})
  void labelsFollowTheRequestLanguageWhileValuesStayCodes(String language, String label) {
    long id = create("{\"subtype\": \"individual\", \"last_name\": \"Lee\", \"gender\": \"male\"}", null);
    send("PATCH", id, "", "{\"gender\": \"other\"}", null);

    Response history = kith.api().get("/api/v1/contact/" + id + "/history", "Accept-Language", language);

    JsonNode change = history.body().get("items").get(0).get("changes").get(0);
    assertThat(change).isEqualTo(change("gender", label, "\"male\"", "\"other\""));
  }

  @Test
  void patchSendingTheStoredValuesRecordsNoEntry() {
    long id = create("{\"subtype\": \"individual\", \"last_name\": \"Wong\", \"gender\": \"female\"}", null);

    assertThat(send("PATCH", id, "", "{\"last_name\": \"Wong\", \"gender\": \"female\"}", null).status()).isEqualTo(200);

    assertThat(texts(historyItems(id), "action")).containsExactly("create");
  }

  @Test
  void rejectedWritesLeaveNoHistory() {
    long id = create("{\"subtype\": \"individual\", \"last_name\": \"Ho\"}", null);
    assertThat(send("PATCH", id, "", "{\"last_name\": \"Ha\"}", null).status()).isEqualTo(200);
    long entries = kith.db().count("kith.record_history");

    assertThat(kith.api().post("/api/v1/contact", "{\"subtype\": \"individual\", \"gender\": \"nonsense\"}").status())
        .isEqualTo(400);
    assertThat(send("PATCH", id, "", "{\"gender\": \"nonsense\", \"last_name\": \"Hui\"}", null).status()).isEqualTo(400);
    assertThat(kith.api().patch("/api/v1/contact/" + id, "{\"last_name\": \"Hui\"}", "If-Match", "\"1\"").status())
        .isEqualTo(412);
    assertThat(send("DELETE", 999_999, "", null, null).status()).isEqualTo(404);
    long referenced = create("{\"subtype\": \"individual\", \"last_name\": \"Referenced\"}", null);
    assertThat(kith.api().post("/api/v1/activity", """
        {"activity_type": "meeting", "subject": "Keeps it", "activity_date_time": "2026-03-01T10:00:00Z",
         "source_contact": %d}""".formatted(referenced)).status()).isEqualTo(201);
    entries += 2;
    assertThat(send("DELETE", referenced, "", null, null).status()).isEqualTo(409);
    assertThat(send("POST", id, "/deactivate", null, null).status()).isEqualTo(200);
    assertThat(send("PATCH", id, "", "{\"last_name\": \"Hui\"}", null).status()).isEqualTo(409);

    assertThat(kith.db().count("kith.record_history")).isEqualTo(entries + 1);
    assertThat(texts(historyItems(id), "action")).containsExactly("deactivate", "update", "create");
  }

  @Test
  void failedHistoryWriteRollsBackTheChange() {
    long id = create("{\"subtype\": \"individual\", \"last_name\": \"Kwok\"}", null);
    kith.db().execute("alter table kith.record_history add constraint test_refuses_marker"
        + " check (changes::text not like '%refuse-history%')");
    try {
      assertThat(kith.api().post("/api/v1/contact",
          "{\"subtype\": \"individual\", \"last_name\": \"Lau\", \"source\": \"refuse-history\"}").status()).isEqualTo(500);
      assertThat(send("PATCH", id, "", "{\"source\": \"refuse-history\"}", null).status()).isEqualTo(500);
    } finally {
      kith.db().execute("alter table kith.record_history drop constraint test_refuses_marker");
    }
    assertThat(kith.db().query("select id from contact where source = 'refuse-history'")).isEmpty();
    assertThat(kith.db().query("select version, source from contact where id = $1", id).get(0))
        .containsEntry("version", 1).containsEntry("source", null);
  }

  @Test
  void bulkDeactivateWritesOneEntryPerRecordItChanged() {
    long a = create("{\"subtype\": \"individual\", \"last_name\": \"Bulk A\"}", null);
    long b = create("{\"subtype\": \"individual\", \"last_name\": \"Bulk B\"}", null);
    long c = create("{\"subtype\": \"individual\", \"last_name\": \"Bulk C\"}", null);
    assertThat(send("POST", a, "/deactivate", null, 3).status()).isEqualTo(200);

    Response bulk = kith.api().post("/api/v1/contact/deactivate", "{\"ids\": [%d, %d, %d]}".formatted(a, b, c),
        HeaderUsers.HEADER, "4");

    assertThat(bulk.body().get("deactivated").asLong()).isEqualTo(2);
    assertThat(texts(historyItems(a), "action")).containsExactly("deactivate", "create");
    assertThat(historyItems(a).get(0).get("user").get("id").asLong()).isEqualTo(3);
    for (long id : List.of(b, c)) {
      JsonNode items = historyItems(id);
      assertThat(texts(items, "action")).containsExactly("deactivate", "create");
      assertThat(items.get(0).get("user").get("id").asLong()).isEqualTo(4);
    }
    assertThat(kith.db().query("select distinct at from kith.record_history where action = 'deactivate'"
        + " and record_id = any($1)", (Object) new Long[] {b, c})).hasSize(1);
  }

  @Test
  void historyPagesNewestFirst() {
    long id = create("{\"subtype\": \"individual\", \"last_name\": \"P0\"}", null);
    for (int i = 1; i <= 4; i++) {
      send("PATCH", id, "", "{\"last_name\": \"P" + i + "\"}", null);
    }

    Response second = kith.api().get("/api/v1/contact/" + id + "/history?page=2&size=2");

    assertThat(second.body().get("page").asInt()).isEqualTo(2);
    assertThat(second.body().get("size").asInt()).isEqualTo(2);
    assertThat(second.body().get("total").asLong()).isEqualTo(5);
    assertThat(second.body().get("pages").asLong()).isEqualTo(3);
    List<String> news = new ArrayList<>();
    second.body().get("items").forEach(i -> news.add(i.get("changes").get(0).get("new").asString()));
    assertThat(news).containsExactly("P2", "P1");
  }

  @Test
  void unknownEntityTypeIsNotFoundAndBadPagingIsRefused() {
    Response unknown = kith.api().get("/api/v1/no_such_type/1/history");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType().toString()).isEqualTo("application/problem+json");
    assertThat(kith.api().get("/api/v1/contact/1/history?size=201").status()).isEqualTo(400);
    assertThat(kith.api().get("/api/v1/contact/1/history?page=0").status()).isEqualTo(400);
    assertThat(kith.api().get("/api/v1/contact/1/history?page=x").status()).isEqualTo(400);
  }

  @Test
  void recordWithoutHistoryGivesAnEmptyPage() {
    Response history = kith.api().get("/api/v1/contact/888888/history");
    assertThat(history.status()).isEqualTo(200);
    assertThat(history.body().get("items")).isEmpty();
    assertThat(history.body().get("total").asLong()).isZero();
  }

  private long create(String json, Integer user) {
    Response created = user == null ? kith.api().post("/api/v1/contact", json)
        : kith.api().post("/api/v1/contact", json, HeaderUsers.HEADER, user.toString());
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private static Response send(String method, long id, String suffix, String json, Integer user) {
    String[] headers = user == null ? new String[0] : new String[] {HeaderUsers.HEADER, user.toString()};
    return kith.api().send(org.springframework.http.HttpMethod.valueOf(method), "/api/v1/contact/" + id + suffix,
        json, headers);
  }

  private static JsonNode historyItems(long id) {
    return HistoryResponses.items(kith.api(), id);
  }

  private static JsonNode change(String field, String label, String oldJson, String newJson) {
    return io.kith.testing.ApiClient.parse("{\"field\": \"%s\", \"label\": \"%s\", \"old\": %s, \"new\": %s}"
        .formatted(field, label, oldJson, newJson));
  }

}
