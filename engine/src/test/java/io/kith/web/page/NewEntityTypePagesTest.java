package io.kith.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.HtmlSession;
import io.kith.testing.KithExtension;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * An entity type declared only in a metadata folder (volunteer_shift) gets working pages: menu
 * entry, list, a form with a widget per field type, create, detail with related lists, edit and
 * deactivate — with no Java written for it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewEntityTypePagesTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.withMetadata("/metadata-volunteer");

  private long volunteerId;

  @BeforeAll
  void start() throws Exception {
    ApiClient.Response contact = kith.api().post("/api/v1/contact",
        "{\"subtype\":\"individual\",\"first_name\":\"大文\",\"last_name\":\"陳\"}");
    volunteerId = contact.body().get("id").asLong();
  }


  @Test
  void menuListsTheNewEntityType() {
    Document page = kith.session().get("/app").document();
    assertThat(page.select("nav.menu a").eachAttr("href")).contains("/app/volunteer_shift");
    assertThat(page.select("nav.menu a").eachText()).contains("Volunteer shifts");
  }

  @Test
  void formHasAWidgetPerFieldType() {
    Document form = kith.session().get("/app/volunteer_shift/new").document();
    assertThat(form.selectFirst("input[name=title]").attr("type")).isEqualTo("text");
    assertThat(form.selectFirst("input[name=title]").attr("maxlength")).isEqualTo("100");
    assertThat(form.selectFirst(".reference[data-lookup=/api/v1/contact/autocomplete] input[type=hidden][name=volunteer]")).isNotNull();
    assertThat(form.selectFirst("select[name=role] option[selected]").val()).isEqualTo("helper");
    assertThat(form.selectFirst("input[name=shift_date]").attr("type")).isEqualTo("date");
    assertThat(form.selectFirst("input[name=starts_at]").attr("type")).isEqualTo("datetime-local");
    assertThat(form.selectFirst("input[name=hours]").attr("type")).isEqualTo("number");
    assertThat(form.selectFirst("input[type=checkbox][name=confirmed]")).isNotNull();
    assertThat(form.selectFirst("textarea[name=notes]")).isNotNull();
    assertThat(form.selectFirst("input[name=slots[0].station]")).isNotNull();
    assertThat(form.selectFirst("template.row-template").html()).contains("slots[__INDEX__].station");
    assertThat(form.select("label[for=f-title] abbr.required")).hasSize(1);
  }

  @Test
  void createViewEditAndDeactivateThroughPages() {
    HtmlSession session = kith.session();
    session.get("/app/volunteer_shift/new");
    Page created = session.post("/app/volunteer_shift", List.of(
        Map.entry("title", "Morning lunch run"),
        Map.entry("volunteer", String.valueOf(volunteerId)),
        Map.entry("role", "driver"),
        Map.entry("shift_date", "2026-12-01"),
        Map.entry("starts_at", "2026-12-01T09:30"),
        Map.entry("hours", "3"),
        Map.entry("confirmed", "false"),
        Map.entry("confirmed", "true"),
        Map.entry("slots__present", "1"),
        Map.entry("slots[0].station", "Kitchen"),
        Map.entry("slots[0].capacity", "2"),
        Map.entry("slots[0].filled", "false")));
    assertThat(created.status()).isEqualTo(303);
    String url = created.location();

    Document detail = session.get(url).document();
    assertThat(detail.selectFirst("h1").text()).isEqualTo("Morning lunch run");
    assertThat(detail.selectFirst("dd a[href=/app/contact/" + volunteerId + "]").text()).isEqualTo("大文 陳");
    assertThat(detail.select("section.collection td").eachText()).contains("Kitchen", "2");

    Document contact = session.get("/app/contact/" + volunteerId).document();
    assertThat(contact.select("section.related li a").eachText()).contains("Morning lunch run");

    Document edit = session.get(url + "/edit").document();
    assertThat(edit.selectFirst(".reference input.reference-search").attr("value")).isEqualTo("大文 陳");
    assertThat(edit.selectFirst("input[name=starts_at]").attr("value")).isEqualTo("2026-12-01T09:30");
    Page saved = session.post(url.substring(0), List.of(
        Map.entry("_version", "1"), Map.entry("title", "Lunch run"), Map.entry("volunteer", String.valueOf(volunteerId)),
        Map.entry("shift_date", "2026-12-02"), Map.entry("slots__present", "1")));
    assertThat(saved.status()).isEqualTo(303);
    JsonNode stored = kith.api().get("/api/v1/volunteer_shift/" + url.substring(url.lastIndexOf('/') + 1)).body();
    assertThat(stored.get("title").asString()).isEqualTo("Lunch run");
    assertThat(stored.get("shift_date").asString()).isEqualTo("2026-12-02");
    assertThat(stored.get("slots")).isEmpty();
    assertThat(stored.get("hours").asInt()).isEqualTo(3);

    session.post(url + "/deactivate", List.of());
    Document list = session.get("/app/volunteer_shift?active=false").document();
    assertThat(list.select("tbody tr.inactive td a").eachText()).contains("Lunch run");
  }

  @Test
  void inactiveOptionsStayOnRecordsButAreNotOfferedForNewInput() {
    String body = "{\"title\": \"Clinic visit\", \"volunteer\": %d, \"shift_date\": \"2026-12-03\", \"role\": \"escort\"}"
        .formatted(volunteerId);
    ApiClient.Response refused = kith.api().post("/api/v1/volunteer_shift", body);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("errors").get(0).get("code").asString()).isEqualTo("inactive_option");

    ApiClient.Response created = kith.api().post("/api/v1/volunteer_shift", body.replace("escort", "helper"));
    long id = created.body().get("id").asLong();
    kith.db().execute("update volunteer_shift set role = 'escort' where id = " + id);
    assertThat(kith.api().patch("/api/v1/volunteer_shift/" + id, "{\"hours\": 2, \"role\": \"escort\"}").status())
        .as("keeping an inactive option the record already has").isEqualTo(200);

    HtmlSession session = kith.session();
    assertThat(session.get("/app/volunteer_shift/new").document().select("select[name=role] option").eachAttr("value"))
        .doesNotContain("escort").contains("helper", "driver", "lead");
    Document edit = session.get("/app/volunteer_shift/" + id + "/edit").document();
    assertThat(edit.selectFirst("select[name=role] option[selected]").val()).isEqualTo("escort");
    assertThat(session.get("/app/volunteer_shift/" + id).document().select("dd").eachText()).contains("Escort");
  }

  @Test
  void autocompleteFindsContactsByPartOfTheName() {
    // The client expands the URI as a template, so it encodes the text itself.
    ApiClient.Response found = kith.api().get("/api/v1/contact/autocomplete?q=大文");
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.body().get(0).get("label").asString()).isEqualTo("大文 陳");
    assertThat(found.body().get(0).get("id").asLong()).isEqualTo(volunteerId);
    assertThat(kith.api().get("/api/v1/contact/autocomplete?q=陳").body().get(0).get("id").asLong()).isEqualTo(volunteerId);
    assertThat(kith.api().get("/api/v1/contact/autocomplete?q=%").body()).isEmpty();
  }
}
