package io.kith.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A record's page has one tab per type and field that refers to it, generated from metadata, each
 * with an "add" action opening that type's new form pre-filled with this record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelatedTabsPageTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private long create(String entity, String json) {
    ApiClient.Response created = kith.api().post("/api/v1/" + entity, json);
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  @Test
  void everyReferringFieldIsATabListingItsRecordsWithAnAddAction() {
    long chan = create("contact", "{\"subtype\": \"individual\", \"first_name\": \"大文\", \"last_name\": \"陳\"}");
    create("activity", "{\"activity_type\": \"phone_call\", \"subject\": \"初次合作\", \"activity_date_time\": "
        + "\"2009-11-17T20:00:00+08:00\", \"target_contacts\": [" + chan + "]}");

    Page page = kith.session().get("/app/contact/" + chan + "?lang=zh-Hant");

    List<Element> tabs = page.document().select(".tabs [role=tab]");
    assertThat(tabs).extracting(e -> e.attr("data-tab")).contains("activity-target_contacts", "activity-source_contact");
    Element targets = page.document().selectFirst("#panel-activity-target_contacts");
    assertThat(targets.select(".related-records a").eachText()).containsExactly("初次合作");
    assertThat(targets.selectFirst("h3").text()).isEqualTo("活動 (相關聯絡人) (1)");
    assertThat(targets.selectFirst("a.add-related").attr("href")).isEqualTo("/app/activity/new?target_contacts=" + chan);
    assertThat(page.document().selectFirst("#panel-activity-source_contact .empty")).isNotNull();
  }

  @Test
  void theAddActionOpensTheNewFormPreFilledWithThisRecord() {
    long chan = create("contact", "{\"subtype\": \"individual\", \"first_name\": \"小明\", \"last_name\": \"黃\"}");
    HtmlSession session = kith.session();
    String add = session.get("/app/contact/" + chan).document()
        .selectFirst("#panel-activity-target_contacts a.add-related").attr("href");

    Page form = session.get(add);

    assertThat(form.status()).isEqualTo(200);
    Element chips = form.document().selectFirst(".reference.multiple[data-name=target_contacts] .chips");
    assertThat(chips.select("input[type=hidden]").eachAttr("value")).containsExactly(String.valueOf(chan));
    assertThat(chips.text()).contains("小明 黃");
    // Saving it records the activity against this contact.
    Page saved = session.post("/app/activity", List.of(Map.entry("activity_type", "meeting"), Map.entry("subject", "探訪"),
        Map.entry("activity_date_time", "2009-11-18T10:00"), Map.entry("target_contacts__present", "1"),
        Map.entry("target_contacts", String.valueOf(chan))));
    assertThat(saved.status()).isEqualTo(303);
    assertThat(session.get("/app/contact/" + chan).document().select("#panel-activity-target_contacts .related-records a")
        .eachText()).containsExactly("探訪");
  }

  @Test
  void aTypeWithSubtypesCarriesThePreFilledValueThroughTheSubtypeChoice() {
    HtmlSession session = kith.session();
    Page choose = session.get("/app/contact/new?source=walk-in");
    assertThat(choose.document().select("a[href^=/app/contact/new]").eachAttr("href"))
        .contains("/app/contact/new?source=walk-in&subtype=individual");
    Page form = session.get("/app/contact/new?source=walk-in&subtype=individual");
    assertThat(form.document().selectFirst("input[name=source]").attr("value")).isEqualTo("walk-in");
  }

  @Test
  void someoneWhoMayNotCreateTheRelatedTypeGetsNoAddAction() {
    long chan = create("contact", "{\"subtype\": \"individual\", \"first_name\": \"Viewer\", \"last_name\": \"Only\"}");
    ApiClient.Response role = kith.api().post("/api/v1/roles", "{\"name\": \"viewer\", \"label\": \"Viewer\", "
        + "\"permissions\": {\"*\": {\"actions\": [\"view\"], \"scope\": \"all\"}}}");
    assertThat(role.status()).isEqualTo(201);
    kith.server().userWithToken("tabs.viewer", "viewer");
    HtmlSession viewer = new HtmlSession(kith.server().baseUrl()).signIn("tabs.viewer", "password-of-tabs.viewer");

    Page page = viewer.get("/app/contact/" + chan);

    assertThat(page.document().select(".tabs [role=tab]")).isNotEmpty();
    assertThat(page.document().select("a.add-related")).isEmpty();
  }
}
