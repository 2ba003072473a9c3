package io.kith.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.HtmlSession;
import io.kith.testing.KithExtension;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The generated pages of the shipped contact type: escaping, forms, conflicts, CSRF, language. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactPagesTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final String SCRIPT = "<script>alert(1)</script>";




  private long createContact(String firstName, String lastName) {
    String body = ApiClient.JSON.createObjectNode()
        .put("subtype", "individual").put("first_name", firstName).put("last_name", lastName)
        .put("source", firstName).toString();
    ApiClient.Response created = kith.api().post("/api/v1/contact", body);
    assertThat(created.status()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  @Test
  void scriptInAValueIsShownAsTextInListDetailAndForm() {
    long id = createContact(SCRIPT, "Chan");
    HtmlSession session = kith.session();
    for (String path : List.of("/app/contact?source=" + java.net.URLEncoder.encode(SCRIPT, java.nio.charset.StandardCharsets.UTF_8),
        "/app/contact/" + id, "/app/contact/" + id + "/edit")) {
      Page page = session.get(path);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.document().select("script").eachAttr("src")).as(path).containsOnly("/ui/kith.js");
      assertThat(page.body()).as(path).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
    assertThat(session.get("/app/contact/" + id).document().select("dd").eachText()).contains(SCRIPT);
    assertThat(session.get("/app/contact/" + id + "/edit").document().selectFirst("input[name=first_name]").attr("value"))
        .isEqualTo(SCRIPT);
  }

  @Test
  void newFormAsksForTheSubtypeThenShowsItsFieldsWithRequiredMarksAndHelp() {
    HtmlSession session = kith.session();
    Page choose = session.get("/app/contact/new");
    assertThat(choose.document().select("a[href^=/app/contact/new?subtype=]").eachAttr("href"))
        .containsExactly("/app/contact/new?subtype=individual", "/app/contact/new?subtype=household",
            "/app/contact/new?subtype=organization");

    Page organization = session.get("/app/contact/new?subtype=organization");
    assertThat(organization.document().select("input[name=organization_name]")).hasSize(1);
    assertThat(organization.document().select("input[name=first_name]")).isEmpty();
    Element field = organization.document().selectFirst("input[name=organization_name]").parent();
    assertThat(field.select("abbr.required")).hasSize(1);
    assertThat(organization.document().select(".widget-checkbox input[type=checkbox][name=do_not_phone]")).hasSize(1);
    assertThat(organization.document().select("p.help")).isNotEmpty();
    assertThat(organization.document().select("fieldset.collection[data-name=emails] template.row-template")).hasSize(1);
  }

  @Test
  void formSubmissionCreatesTheRecordWithItsRowsAndRedirectsToIt() {
    HtmlSession session = kith.session();
    session.get("/app/contact/new?subtype=individual");
    Page posted = session.post("/app/contact", List.of(
        Map.entry("subtype", "individual"),
        Map.entry("first_name", "大文"),
        Map.entry("last_name", "陳"),
        Map.entry("gender", "male"),
        Map.entry("preferred_communication_methods__present", "1"),
        Map.entry("preferred_communication_methods", "phone"),
        Map.entry("preferred_communication_methods", "sms"),
        Map.entry("do_not_mail", "false"),
        Map.entry("do_not_mail", "true"),
        Map.entry("emails__present", "1"),
        Map.entry("emails[0].email", "enquiry@crm.com"),
        Map.entry("emails[0].location_type", "work"),
        Map.entry("emails[0].is_primary", "false"),
        Map.entry("emails[0].is_primary", "true"),
        Map.entry("emails[1].email", ""),
        Map.entry("emails[1].is_primary", "false")));
    assertThat(posted.status()).isEqualTo(303);
    assertThat(posted.location()).matches("/app/contact/\\d+");

    JsonNode stored = kith.api().get("/api/v1" + posted.location().substring(4)).body();
    assertThat(stored.get("display_name").asString()).isEqualTo("大文 陳");
    assertThat(stored.get("do_not_mail").asBoolean()).isTrue();
    assertThat(stored.get("preferred_communication_methods").toString()).isEqualTo("[\"phone\",\"sms\"]");
    assertThat(stored.get("emails")).hasSize(1);
    assertThat(stored.get("emails").get(0).get("is_primary").asBoolean()).isTrue();

    Page detail = session.get(posted.location());
    assertThat(detail.document().select("h1").text()).contains("大文 陳");
    assertThat(detail.document().select("section.collection td").eachText()).contains("enquiry@crm.com", "Work");
  }

  @Test
  void rejectedFormComesBackWithInputKeptAndMessagesBesideFields() {
    long before = kith.db().count("contact");
    HtmlSession session = kith.session();
    session.get("/app/contact/new?subtype=individual");
    Page page = session.post("/app/contact", List.of(
        Map.entry("subtype", "individual"),
        Map.entry("first_name", "Kept value"),
        Map.entry("emails__present", "1"),
        Map.entry("emails[0].email", "not-an-email")));
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.document().selectFirst("input[name=first_name]").attr("value")).isEqualTo("Kept value");
    Element email = page.document().selectFirst("input[name=emails[0].email]");
    assertThat(email.attr("value")).isEqualTo("not-an-email");
    assertThat(email.parent().selectFirst("p.error").text()).contains("email address");
    assertThat(page.document().select("p.message.error")).hasSize(1);
    assertThat(kith.db().count("contact")).isEqualTo(before);
  }

  @Test
  void savingTheEditFormOfAContactChangesItAndKeepsItsSubtype() {
    long id = createContact("Siu Ming", "Ho");
    HtmlSession session = kith.session();
    Page form = session.get("/app/contact/" + id + "/edit");
    List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
    form.document().select("form.record-form input[name], form.record-form select[name], form.record-form textarea[name]").forEach(e -> {
      if (!e.attr("name").equals("_csrf") && !(e.attr("type").equals("checkbox") && !e.hasAttr("checked"))) {
        fields.add(Map.entry(e.attr("name"), e.attr("name").equals("source") ? "Walk-in" : e.val()));
      }
    });
    Page saved = session.post("/app/contact/" + id, fields);
    assertThat(saved.status()).as(saved.body()).isEqualTo(303);
    JsonNode stored = kith.api().get("/api/v1/contact/" + id).body();
    assertThat(stored.get("source").asString()).isEqualTo("Walk-in");
    assertThat(stored.get("subtype").asString()).isEqualTo("individual");
    assertThat(stored.get("first_name").asString()).isEqualTo("Siu Ming");
  }

  @Test
  void staleEditShowsAConflictAndDoesNotOverwrite() {
    long id = createContact("Mei", "Lee");
    HtmlSession session = kith.session();
    Page form = session.get("/app/contact/" + id + "/edit");
    assertThat(form.document().selectFirst("input[name=_version]").attr("value")).isEqualTo("1");

    assertThat(kith.api().patch("/api/v1/contact/" + id, "{\"source\":\"changed elsewhere\"}").status()).isEqualTo(200);

    Page conflict = session.post("/app/contact/" + id, List.of(
        Map.entry("_version", "1"), Map.entry("first_name", "Mei"), Map.entry("last_name", "Lee"),
        Map.entry("source", "my stale edit")));
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.document().selectFirst("p.message.conflict").text()).contains("version 1").contains("version 2");
    assertThat(conflict.document().selectFirst("input[name=source]").attr("value")).isEqualTo("my stale edit");
    JsonNode stored = kith.api().get("/api/v1/contact/" + id).body();
    assertThat(stored.get("source").asString()).isEqualTo("changed elsewhere");
    assertThat(stored.get("version").asInt()).isEqualTo(2);
  }

  @Test
  void blankFormIsRenderedOnceButCarriesEachVisitorsOwnToken() {
    HtmlSession first = kith.session();
    HtmlSession second = kith.session();
    Page a = first.get("/app/contact/new?subtype=household");
    Page b = second.get("/app/contact/new?subtype=household");
    String tokenA = a.document().selectFirst("input[name=_csrf]").attr("value");
    String tokenB = b.document().selectFirst("input[name=_csrf]").attr("value");
    assertThat(tokenA).isNotBlank().isNotEqualTo(tokenB);
    assertThat(a.body().replace(tokenA, "")).isEqualTo(b.body().replace(tokenB, ""));
    assertThat(first.post("/app/contact", List.of(Map.entry("subtype", "household"), Map.entry("household_name", "Chan family")))
        .status()).isEqualTo(303);
    assertThat(second.post("/app/contact", List.of(Map.entry("subtype", "household"), Map.entry("household_name", "Wong family")))
        .status()).isEqualTo(303);
  }

  @Test
  void postWithoutCsrfTokenIsRefused() {
    long before = kith.db().count("contact");
    HtmlSession session = kith.session();
    session.get("/app/contact/new?subtype=individual");
    Page page = session.postWithoutCsrf("/app/contact", List.of(
        Map.entry("subtype", "individual"), Map.entry("last_name", "Forged")));
    assertThat(page.status()).isEqualTo(403);
    assertThat(kith.db().count("contact")).isEqualTo(before);
  }

  @Test
  void deactivatedRecordIsViewOnlyWithAReactivateButton() {
    long id = createContact("Inactive", "Person");
    HtmlSession session = kith.session();
    session.get("/app/contact/" + id);
    Page done = session.post("/app/contact/" + id + "/deactivate", List.of());
    assertThat(done.status()).isEqualTo(303);
    Page detail = session.get("/app/contact/" + id);
    assertThat(detail.document().select("form[action$=/reactivate] button")).hasSize(1);
    assertThat(detail.document().select("a[href$=/edit]")).isEmpty();
    assertThat(session.get("/app/contact/" + id + "/edit").status()).isEqualTo(303);
    session.post("/app/contact/" + id + "/reactivate", List.of());
    assertThat(kith.api().get("/api/v1/contact/" + id).body().get("active").asBoolean()).isTrue();
  }

  @Test
  void languageSwitchShowsLabelsFromMetadataAndBundlesAndIsRemembered() {
    HtmlSession session = kith.session();
    Page hant = session.get("/app/contact?lang=zh-Hant");
    assertThat(hant.document().selectFirst("h1").text()).isEqualTo("聯絡人");
    assertThat(hant.document().select("nav.languages a").eachText()).containsExactly("English", "繁體中文", "简体中文");
    Page remembered = session.get("/app/contact/new?subtype=individual");
    assertThat(remembered.document().selectFirst("html").attr("lang")).isEqualTo("zh-Hant");
    assertThat(remembered.document().selectFirst("label[for=f-first_name]").text()).contains("名");
    Page hans = session.get("/app/contact?lang=zh-Hans");
    assertThat(hans.document().selectFirst("h1").text()).isEqualTo("联系人");
  }

  @Test
  void unknownEntityAndRecordAreNotFoundPages() {
    HtmlSession session = kith.session();
    assertThat(session.get("/app/nothing").status()).isEqualTo(404);
    assertThat(session.get("/app/contact/987654").status()).isEqualTo(404);
    assertThat(session.get("/app/contact/abc").status()).isEqualTo(404);
  }
}
