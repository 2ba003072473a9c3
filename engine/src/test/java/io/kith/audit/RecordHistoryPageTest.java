package io.kith.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The History section of {@code /app/{entity}/{id}}: who, when, and each change as people read it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordHistoryPageTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shippedWith(HeaderUsers.class);

  private static final String SCRIPT = "<script>alert(1)</script>";

  @Test
  void historyShowsEachChangeWithLabelsYesNoAndRowsNewestFirst() {
    long id = create("contact", """
        {"subtype": "individual", "first_name": "Tai Man", "last_name": "Chan", "gender": "male",
         "emails": [{"email": "tai.man@example.org", "location_type": "home", "is_primary": true}]}""", "7");
    patch("contact", id, "{\"gender\": \"female\", \"do_not_phone\": true}");
    patch("contact", id, "{\"emails\": [{\"email\": \"chan@example.org\", \"location_type\": \"work\"}]}");
    assertThat(kith.api().post("/api/v1/contact/" + id + "/deactivate", null).status()).isEqualTo(200);

    Page page = kith.session().get("/app/contact/" + id);

    assertThat(page.status()).isEqualTo(200);
    Element section = page.document().selectFirst("section#history");
    assertThat(section.selectFirst("h2").text()).isEqualTo("History");
    Elements rows = section.select("tr.history-entry");
    assertThat(rows.eachAttr("data-action")).containsExactly("deactivate", "update", "update", "create");
    assertThat(rows.select("td.action").eachText()).containsExactly("Deactivated", "Changed", "Changed", "Created");
    assertThat(rows.select("td.user").eachText()).containsExactly("Anonymous", "Anonymous", "Anonymous", "Tester 7");

    Element fields = rows.get(2);
    assertThat(fields.select("li").eachAttr("data-field")).containsExactly("gender", "do_not_phone");
    assertThat(fields.selectFirst("li[data-field=gender]").text()).isEqualTo("Gender: Male → Female");
    assertThat(fields.selectFirst("li[data-field=do_not_phone]").text()).isEqualTo("Do not phone: No → Yes");

    Element emails = rows.get(1).selectFirst("li[data-field=emails]");
    assertThat(emails.selectFirst(".field").text()).isEqualTo("Email addresses");
    assertThat(emails.selectFirst(".old").text()).isEqualTo("tai.man@example.org, Home, Primary");
    assertThat(emails.selectFirst(".new").text()).isEqualTo("chan@example.org, Work");

    Element created = rows.get(3);
    assertThat(created.selectFirst("li[data-field=last_name]").text()).isEqualTo("Last name: — → Chan");
    assertThat(created.select("li").eachAttr("data-field")).doesNotContain("display_name", "sort_name", "age");
  }

  @Test
  void savingTheEditFormRecordsOnlyTheFieldThatWasChanged() {
    long contact = create("contact", "{\"subtype\": \"individual\", \"first_name\": \"Form\", \"last_name\": \"Edit\"}", null);
    long id = create("activity", """
        {"activity_type": "meeting", "subject": "Form round trip", "activity_date_time": "2026-03-01T10:00:00Z",
         "duration": 30, "source_contact": %d, "target_contacts": [%d], "details": "Line one\\nline two"}"""
        .formatted(contact, contact), null);
    HtmlSession session = kith.session();
    FormElement form = (FormElement) session.get("/app/activity/" + id + "/edit").document()
        .selectFirst("form[action=/app/activity/" + id + "]");
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    form.formData().forEach(kv -> {
      // What a browser sends: no CSRF duplicate (the session adds it), nothing from a <template>.
      if (!kv.key().equals("_csrf") && !kv.key().contains("__INDEX__")) {
        fields.add(Map.entry(kv.key(), kv.key().equals("location") ? "Community hall" : kv.value()));
      }
    });

    assertThat(session.post("/app/activity/" + id, fields).status()).isEqualTo(303);

    JsonNode update = kith.api().get("/api/v1/activity/" + id + "/history").body().get("items").get(0);
    assertThat(update.get("action").asString()).isEqualTo("update");
    assertThat(HistoryResponses.texts(update.get("changes"), "field")).containsExactly("location");
  }

  @Test
  void timesAreShownInKithsTimeZone() {
    long id = create("contact", "{\"subtype\": \"individual\", \"last_name\": \"Time\"}", null);
    OffsetDateTime stored = (OffsetDateTime) kith.db()
        .query("select at from kith.record_history where entity = 'contact' and record_id = $1", id).get(0).get("at");
    String expected = stored.atZoneSameInstant(kith.server().bean(Clock.class).getZone())
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));

    Element time = kith.session().get("/app/contact/" + id).document().selectFirst("section#history time");

    assertThat(time.text()).isEqualTo(expected);
    assertThat(OffsetDateTime.parse(time.attr("datetime")).toInstant()).isEqualTo(stored.toInstant());
  }

  @Test
  void scriptInOldAndNewValuesIsShownAsText() {
    long id = create("contact", ApiClient.JSON.createObjectNode().put("subtype", "individual")
        .put("first_name", SCRIPT).put("last_name", "Escape").toString(), null);
    patch("contact", id, ApiClient.JSON.createObjectNode().put("first_name", "Safe").put("source", SCRIPT + "2").toString());

    Page page = kith.session().get("/app/contact/" + id);

    assertThat(page.document().select("script").eachAttr("src")).containsOnly("/ui/kith.js");
    assertThat(page.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    Element update = page.document().selectFirst("tr.history-entry[data-action=update]");
    assertThat(update.selectFirst("li[data-field=first_name] .old").text()).isEqualTo(SCRIPT);
    assertThat(update.selectFirst("li[data-field=source] .new").text()).isEqualTo(SCRIPT + "2");
  }

  @Test
  void referencesShowTheRecordsNamesAndDateTimesAreLocal() {
    long first = create("contact", "{\"subtype\": \"individual\", \"first_name\": \"Siu Ming\", \"last_name\": \"Ho\"}", null);
    long second = create("contact", "{\"subtype\": \"organization\", \"organization_name\": \"Kowloon Centre\"}", null);
    long activity = create("activity", """
        {"activity_type": "meeting", "subject": "Visit", "activity_date_time": "2026-03-01T10:00:00Z",
         "source_contact": %d}""".formatted(first), null);
    patch("activity", activity, "{\"source_contact\": %d, \"target_contacts\": [%d, %d]}".formatted(second, first, second));

    Element update = kith.session().get("/app/activity/" + activity).document()
        .selectFirst("tr.history-entry[data-action=update]");

    Element source = update.selectFirst("li[data-field=source_contact]");
    assertThat(source.selectFirst(".old a").text()).isEqualTo("Siu Ming Ho");
    assertThat(source.selectFirst(".old a").attr("href")).isEqualTo("/app/contact/" + first);
    assertThat(source.selectFirst(".new a").text()).isEqualTo("Kowloon Centre");
    assertThat(update.select("li[data-field=target_contacts] .new a").eachText())
        .containsExactly("Siu Ming Ho", "Kowloon Centre");
    String expected = OffsetDateTime.parse("2026-03-01T10:00:00Z")
        .atZoneSameInstant(kith.server().bean(Clock.class).getZone()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    Element created = kith.session().get("/app/activity/" + activity).document()
        .selectFirst("tr.history-entry[data-action=create]");
    assertThat(created.selectFirst("li[data-field=activity_date_time] .new").text()).isEqualTo(expected);
  }

  @Test
  void historyFollowsThePageLanguage() {
    long id = create("contact", "{\"subtype\": \"individual\", \"last_name\": \"Lang\", \"gender\": \"male\"}", null);
    patch("contact", id, "{\"gender\": \"female\"}");

    for (List<String> expected : List.of(
        List.of("zh-Hant", "修改記錄", "修改", "性別: 男 → 女", "匿名"),
        List.of("zh-Hans", "修改记录", "修改", "性别: 男 → 女", "匿名"))) {
      Element section = kith.session().get("/app/contact/" + id + "?lang=" + expected.get(0)).document()
          .selectFirst("section#history");
      assertThat(section.selectFirst("h2").text()).isEqualTo(expected.get(1));
      Element update = section.selectFirst("tr.history-entry[data-action=update]");
      assertThat(update.selectFirst("td.action").text()).isEqualTo(expected.get(2));
      assertThat(update.selectFirst("li[data-field=gender]").text()).isEqualTo(expected.get(3));
      assertThat(update.selectFirst("td.user").text()).isEqualTo(expected.get(4));
    }
  }

  private static long create(String entity, String json, String user) {
    Response created = user == null ? kith.api().post("/api/v1/" + entity, json)
        : kith.api().post("/api/v1/" + entity, json, HeaderUsers.HEADER, user);
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private static void patch(String entity, long id, String json) {
    Response patched = kith.api().patch("/api/v1/" + entity + "/" + id, json);
    assertThat(patched.status()).as(String.valueOf(patched.body())).isEqualTo(200);
  }
}
