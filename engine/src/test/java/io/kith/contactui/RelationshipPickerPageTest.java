package io.kith.contactui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The page that adds several relationships from one contact: linked from the relationships tab,
 * it offers the relationship types from this contact's own side, finds contacts by part of their
 * name, and creates one relationship per ticked contact through the batch service, all or none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelationshipPickerPageTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private long chan;
  private long chanSiu;
  private long teaHouse;
  private long trading;
  private long askMe;
  private long employer;

  @BeforeAll
  void contacts() {
    chan = person("陳", "大文");
    chanSiu = person("陳", "小文");
    teaHouse = organization("陳記茶餐廳");
    trading = organization("陳氏貿易有限公司");
    askMe = organization("Ask Me Ltd");
    employer = organization("Helping Hands Ltd");
  }

  private long person(String last, String first) {
    return created(kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "first_name": "%s", "last_name": "%s"}""".formatted(first, last)));
  }

  private long organization(String name) {
    return created(kith.api().post("/api/v1/contact", """
        {"subtype": "organization", "organization_name": "%s"}""".formatted(name)));
  }

  private static long created(Response r) {
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return r.body().get("id").asLong();
  }

  private static String add(long contact) {
    return "/app/contact/" + contact + "/relationships/add?kind=relationship";
  }

  private static String q(String text) {
    return "&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<JsonNode> relationshipsOf(long contact) {
    List<JsonNode> out = new ArrayList<>();
    kith.api().get("/api/v1/contact/" + contact + "/relationships", "Accept-Language", "en").body().get("items")
        .forEach(out::add);
    return out;
  }

  @Test
  void theRelationshipsTabLinksToThePageWhichOffersTypesFromTheContactsOwnSide() {
    Page detail = kith.session().get("/app/contact/" + chan);
    Element link = detail.document().selectFirst("#panel-relationship a.add-many-related");
    assertThat(link).isNotNull();
    assertThat(link.attr("href")).isEqualTo(add(chan));
    assertThat(detail.document().selectFirst("#panel-relationship a.add-related")).isNotNull();

    Page person = kith.session().get(link.attr("href") + "&lang=en");
    assertThat(person.status()).isEqualTo(200);
    List<String> personTypes = person.document().select("#relationship-type option").eachText();
    assertThat(personTypes).contains("Customer of", "Employee of").doesNotContain("Supplier to", "Employer of");
    assertThat(person.document().selectFirst("#relationship-type option[value=customer_of:a]")).isNotNull();

    Page company = kith.session().get(add(teaHouse) + "&lang=zh-Hant");
    assertThat(company.document().select("#relationship-type option").eachText()).contains("供應商").doesNotContain("客戶");
    assertThat(company.document().selectFirst("#relationship-type option[value=customer_of:b]")).isNotNull();
    assertThat(company.document().selectFirst("h1").text()).isEqualTo("新增陳記茶餐廳的關係");
  }

  @Test
  void aPartialNameFindsContactsOtherThanThisOne() {
    Page found = kith.session().get(add(chan) + q("陳"));
    List<String> labels = found.document().select("fieldset.relationship-targets label").eachText();
    assertThat(labels).contains("陳記茶餐廳", "陳氏貿易有限公司").noneMatch(l -> l.equals("大文 陳"));
    assertThat(labels).anyMatch(l -> l.contains("小文")).noneMatch(l -> l.contains("Ask Me"));
    assertThat(found.document().select("input[name=ids]").eachAttr("value")).doesNotContain(String.valueOf(chan));
    Page none = kith.session().get(add(chan) + q("不存在的名字") + "&lang=en");
    assertThat(none.document().selectFirst("p.no-results").text()).isEqualTo("No contact has that in its name.");
  }

  @Test
  void severalTickedContactsBecomeOneRelationshipEachReadFromBothSides() {
    HtmlSession session = kith.session();
    Page done = session.post("/app/contact/" + chan + "/relationships/add", List.of(Map.entry("kind", "relationship"),
        Map.entry("q", "陳"), Map.entry("type", "customer_of:a"), Map.entry("ids", String.valueOf(teaHouse)),
        Map.entry("ids", String.valueOf(trading)), Map.entry("start_date", "2009-11-17"),
        Map.entry("description", "熟客")));
    assertThat(done.status()).isEqualTo(303);
    assertThat(done.location()).startsWith("/app/contact/" + chan);
    List<JsonNode> mine = relationshipsOf(chan).stream()
        .filter(r -> r.get("relationship_type").asString().equals("customer_of")).toList();
    assertThat(mine).extracting(r -> r.get("other").get("id").asLong()).containsExactlyInAnyOrder(teaHouse, trading);
    assertThat(mine).allSatisfy(r -> {
      assertThat(r.get("label").asString()).isEqualTo("Customer of");
      assertThat(r.get("start_date").asString()).isEqualTo("2009-11-17");
      assertThat(r.get("description").asString()).isEqualTo("熟客");
    });
    assertThat(relationshipsOf(teaHouse)).extracting(r -> r.get("label").asString()).contains("Supplier to");

    Page detail = session.get("/app/contact/" + chan + "?lang=zh-Hant");
    assertThat(detail.document().select("#panel-relationship .related-records li").eachText())
        .contains("客戶 陳記茶餐廳", "客戶 陳氏貿易有限公司");

    // From the organization's side, the contact is on side B.
    Page fromCompany = session.post("/app/contact/" + employer + "/relationships/add", List.of(
        Map.entry("kind", "relationship"), Map.entry("type", "employee_of:b"), Map.entry("ids", String.valueOf(chanSiu))));
    assertThat(fromCompany.status()).isEqualTo(303);
    assertThat(relationshipsOf(chanSiu)).anySatisfy(r -> {
      assertThat(r.get("label").asString()).isEqualTo("Employee of");
      assertThat(r.get("other").get("id").asLong()).isEqualTo(employer);
    });
  }

  @Test
  void oneWrongContactRefusesAllOfThemAndNamesIt() {
    int before = relationshipsOf(chan).size();
    Page refused = kith.session().post("/app/contact/" + chan + "/relationships/add?lang=en", List.of(
        Map.entry("kind", "relationship"), Map.entry("q", "陳"), Map.entry("type", "customer_of:a"),
        Map.entry("ids", String.valueOf(askMe)), Map.entry("ids", String.valueOf(chanSiu))));
    assertThat(refused.status()).isEqualTo(400);
    String problems = refused.document().selectFirst(".form-errors").text();
    assertThat(problems).contains("小文").contains("Contact B").contains("organization").doesNotContain("Ask Me");
    assertThat(relationshipsOf(chan)).hasSize(before);
    assertThat(relationshipsOf(askMe)).isEmpty();
    // the search and the ticks are kept so the user can untick the wrong one
    assertThat(refused.document().select("input[name=ids][checked]").eachAttr("value")).contains(String.valueOf(chanSiu));
    assertThat(refused.document().selectFirst("#relationship-type option[selected]").attr("value")).isEqualTo("customer_of:a");

    Page badDate = kith.session().post("/app/contact/" + chan + "/relationships/add?lang=en", List.of(
        Map.entry("kind", "relationship"), Map.entry("type", "customer_of:a"), Map.entry("ids", String.valueOf(askMe)),
        Map.entry("start_date", "17/11/2009")));
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.document().selectFirst(".form-errors").text()).contains("Ask Me Ltd: ").contains("Start date");
    assertThat(relationshipsOf(askMe)).isEmpty();
  }

  @Test
  void aMissingTypeOrTickIsShownAndFormsNeedTheirCsrfToken() {
    Page empty = kith.session().post("/app/contact/" + chan + "/relationships/add?lang=en", List.of(
        Map.entry("kind", "relationship"), Map.entry("type", "")));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.document().select(".form-errors p").eachText())
        .containsExactly("Relationship type is required.", "Tick at least one contact.");
    Page unknownType = kith.session().post("/app/contact/" + chan + "/relationships/add?lang=en", List.of(
        Map.entry("kind", "relationship"), Map.entry("type", "customer_of:b"), Map.entry("ids", String.valueOf(askMe))));
    assertThat(unknownType.status()).isEqualTo(400);
    assertThat(kith.session().postWithoutCsrf("/app/contact/" + chan + "/relationships/add", List.of(
        Map.entry("kind", "relationship"), Map.entry("type", "customer_of:a"), Map.entry("ids", String.valueOf(askMe))))
        .status()).isEqualTo(403);
    assertThat(relationshipsOf(askMe)).isEmpty();
  }

  @Test
  void aUserWhoMayNotCreateRelationshipsIsRefused() {
    kith.api().post("/api/v1/roles", """
        {"name": "reader", "label": "Reader", "permissions": {"contact": {"actions": ["view"], "scope": "all"},
         "relationship": {"actions": ["view"], "scope": "all"}}}""");
    kith.server().userWithToken("reader", "reader");
    HtmlSession reader = kith.anonymousSession().signIn("reader", "password-of-reader");
    assertThat(reader.get("/app/contact/" + chan).document().select("a.add-many-related")).isEmpty();
    assertThat(reader.get(add(chan)).status()).isEqualTo(403);
    assertThat(reader.post("/app/contact/" + chan + "/relationships/add", List.of(Map.entry("kind", "relationship"),
        Map.entry("type", "customer_of:a"), Map.entry("ids", String.valueOf(askMe)))).status()).isEqualTo(403);
    assertThat(relationshipsOf(askMe)).isEmpty();
  }
}
