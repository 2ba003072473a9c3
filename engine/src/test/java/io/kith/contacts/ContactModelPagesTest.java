package io.kith.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The contact model's types get the generic pages with no templates of their own: list and new
 * form in Traditional Chinese, and a detail page showing computed values; contacts get their
 * greetings from the templates in the metadata.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactModelPagesTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private long chan;
  private long membership;

  @BeforeAll
  void records() {
    chan = kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "first_name": "陳", "last_name": "大文"}""").body().get("id").asLong();
    long abc = kith.api().post("/api/v1/contact", """
        {"subtype": "organization", "organization_name": "亞必思有限公司"}""").body().get("id").asLong();
    long type = kith.api().post("/api/v1/membership_type", """
        {"name": "普通會員", "member_of_organization": %d}""".formatted(abc)).body().get("id").asLong();
    membership = kith.api().post("/api/v1/membership", """
        {"contact": %d, "membership_type": %d, "join_date": "2009-10-30", "start_date": "2009-10-30"}"""
        .formatted(chan, type)).body().get("id").asLong();
  }

  @ParameterizedTest
  @ValueSource(strings = {"relationship", "group", "tag", "membership_type", "membership"})
  void listAndNewFormRenderInTraditionalChinese(String entity) {
    HtmlSession session = kith.session();
    Page list = session.get("/app/" + entity + "?lang=zh-Hant");
    assertThat(list.status()).isEqualTo(200);
    Page form = session.get("/app/" + entity + "/new");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.document().select("form input[name=_csrf]")).isNotEmpty();
  }

  @Test
  void theNewRelationshipFormOffersTheTypesReadingBothWays() {
    Page form = kith.session().get("/app/relationship/new?lang=zh-Hant");
    assertThat(form.document().select("select[name=relationship_type] option").eachText())
        .contains("客戶 / 供應商", "僱員 / 僱主");
  }

  @Test
  void theMembershipDetailShowsTheComputedEndDateAndStatusLabel() {
    Page page = kith.session().get("/app/membership/" + membership + "?lang=zh-Hant");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("2010-10-29").contains("已過期");
  }

  @Test
  void contactsGetTheirGreetingsFromTheTemplates() {
    JsonNode contact = kith.api().get("/api/v1/contact/" + chan).body();
    assertThat(contact.get("email_greeting").asString()).isEqualTo("Dear 陳");
    assertThat(contact.get("postal_greeting").asString()).isEqualTo("Dear 陳");
    assertThat(contact.get("addressee").asString()).isEqualTo("陳 大文");
    Page detail = kith.session().get("/app/contact/" + chan);
    assertThat(detail.body()).contains("Dear 陳");
    List<String> newForm = kith.session().get("/app/contact/new?subtype=individual").document()
        .select("form [name]").eachAttr("name");
    assertThat(newForm).contains("groups__present", "tags__present").doesNotContain("email_greeting");
  }
}
