package io.kith.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The quick-add box in every page's header: a new individual with a primary email, or clear errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickAddPageTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  @Test
  void everyPageHasTheBoxWithItsCsrfToken() {
    HtmlSession session = kith.session();
    for (String path : List.of("/app", "/app/contact", "/app/activity/new", "/app/search?q=x", "/app/imports")) {
      Page page = session.get(path);
      assertThat(page.document().select("form.quick-add-form[action=/app/quick-add] input[name=_csrf]"))
          .as(path).hasSize(1);
      assertThat(page.document().select("form.quick-add-form input").eachAttr("name"))
          .as(path).contains("quick_first_name", "quick_last_name", "quick_email");
    }
  }

  @Test
  void createsAnIndividualWithAPrimaryEmailAndOpensIt() {
    HtmlSession session = kith.session();
    session.get("/app");
    Page posted = session.post("/app/quick-add", List.of(Map.entry("quick_first_name", "大文"), Map.entry("quick_last_name", "陳"),
        Map.entry("quick_email", " enquiry@crm.com ")));

    assertThat(posted.status()).isEqualTo(303);
    assertThat(posted.location()).matches("/app/contact/\\d+");
    long id = Long.parseLong(posted.location().substring("/app/contact/".length()));
    JsonNode contact = kith.api().get("/api/v1/contact/" + id).body();
    assertThat(contact.get("subtype").asString()).isEqualTo("individual");
    assertThat(contact.get("display_name").asString()).isEqualTo("大文 陳");
    assertThat(contact.get("emails")).hasSize(1);
    assertThat(contact.get("emails").get(0).get("email").asString()).isEqualTo("enquiry@crm.com");
    assertThat(contact.get("emails").get(0).get("is_primary").asBoolean()).isTrue();
    Page detail = session.get(posted.location());
    assertThat(detail.document().select("a[href=/app/contact/" + id + "/edit]")).hasSize(1);
  }

  @Test
  void aBadEmailComesBackBesideTheEmailBoxWithTheNamesKept() {
    HtmlSession session = kith.session();
    session.get("/app?lang=zh-Hant");
    long before = kith.db().count("contact");
    Page posted = session.post("/app/quick-add", List.of(Map.entry("quick_first_name", "美玲"), Map.entry("quick_last_name", "李"),
        Map.entry("quick_email", "not an email")));

    assertThat(posted.status()).isEqualTo(400);
    var form = posted.document().selectFirst("main form.quick-add-form");
    assertThat(form.selectFirst("input[name=quick_first_name]").attr("value")).isEqualTo("美玲");
    assertThat(form.selectFirst("input[name=quick_email]").attr("value")).isEqualTo("not an email");
    assertThat(form.selectFirst("#quick-add-email-error").text()).contains("電郵");
    assertThat(form.selectFirst("input[name=quick_email]").attr("aria-invalid")).isEqualTo("true");
    assertThat(kith.db().count("contact")).isEqualTo(before);
  }

  @Test
  void anEmptyBoxIsRefusedNamingWhatToEnter() {
    HtmlSession session = kith.session();
    session.get("/app");
    Page posted = session.post("/app/quick-add", List.of(Map.entry("quick_first_name", " "), Map.entry("quick_last_name", ""),
        Map.entry("quick_email", "")));
    assertThat(posted.status()).isEqualTo(400);
    assertThat(posted.document().selectFirst("main #quick-add-first_name-error").text())
        .isEqualTo("Enter a first name, a last name or an email.");
  }

  @Test
  void withoutTheCsrfTokenNothingIsCreated() {
    HtmlSession session = kith.session();
    session.get("/app");
    long before = kith.db().count("contact");
    Page posted = session.postWithoutCsrf("/app/quick-add", List.of(Map.entry("quick_first_name", "Forged")));
    assertThat(posted.status()).isEqualTo(403);
    assertThat(kith.db().count("contact")).isEqualTo(before);
  }
}
