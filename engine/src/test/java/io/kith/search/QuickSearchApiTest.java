package io.kith.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/search} on the shipped model: Chinese with one or two characters, Latin in
 * any case, parts of emails and phone fragments find the right contacts (and activities), ranked
 * exact, prefix, contains, then by label; only active records; a patch is found at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickSearchApiTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private long harbour;
  private long inactive;

  @BeforeAll
  void fixture() {
    individual("陳大文", null);
    individual("小明", "陳");
    individual("大文", "Chan");
    individual("Tai Man", "Chan");
    individual("小红", "陈");
    organization("CHANDLER Ltd", null);
    organization("Chan", null);
    organization("Marchant Ltd", null);
    harbour = create("contact", """
        {"subtype": "organization", "organization_name": "Harbour Services",
         "emails": [{"email": "Enquiry@CRM.com", "is_primary": true}]}""");
    create("contact", """
        {"subtype": "individual", "first_name": "Mary", "last_name": "Wong",
         "phones": [{"phone": "+852 2345 6781"}], "external_identifier": "HK-0042"}""");
    inactive = individual("陳永仁", null);
    assertThat(kith.api().post("/api/v1/contact/" + inactive + "/deactivate", null).status()).isEqualTo(200);
    create("activity", """
        {"activity_type": "follow_up", "subject": "Follow up with Chan", "activity_date_time": "2025-03-01T10:00:00+08:00"}""");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"chan", "CHAN", "Ｃｈａｎ"})
  void latinIsFoundInAnyCaseAndWidthRankedExactPrefixContainsThenByLabel(String q) {
    assertThat(hits(q)).extracting(h -> h.get("label").asString(), h -> h.get("rank").asString(), h -> h.get("entity").asString())
        .containsExactly(
            tuple("Chan", "exact", "contact"),
            tuple("CHANDLER Ltd", "prefix", "contact"),
            tuple("Follow up with Chan", "prefix", "activity"),
            tuple("Tai Man Chan", "prefix", "contact"),
            tuple("大文 Chan", "prefix", "contact"),
            tuple("Marchant Ltd", "contains", "contact"));
  }

  @Test
  void oneChineseCharacterFindsNamesStartingOrEndingWithIt() {
    // "小明 陳" starts a word with 陳 and sorts as "陳, 小明"; 陈 (simplified) is another character.
    assertThat(labelsAndRanks("陳")).containsExactly(tuple("小明 陳", "prefix"), tuple("陳大文", "prefix"));
    assertThat(labelsAndRanks("陈")).containsExactly(tuple("小红 陈", "prefix"));
  }

  @Test
  void twoChineseCharactersFindThemInsideANameToo() {
    assertThat(labelsAndRanks("大文")).containsExactly(tuple("大文 Chan", "prefix"), tuple("陳大文", "contains"));
    assertThat(labelsAndRanks("陳大文")).containsExactly(tuple("陳大文", "exact"));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"enquiry, exact", "crm.com, exact", "crm, prefix", "enquiry@crm.com, exact", "enq, prefix",
      "quiry@crm, contains", "ENQUIRY@CRM, prefix"})
  void partOfAnEmailFindsItsContact(String q, String rank) {
    assertThat(labelsAndRanks(q)).containsExactly(tuple("Harbour Services", rank));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"2345 678, prefix", "2345678, prefix", "2345-6781, exact", "+852 2345, prefix", "6781, exact",
      "345 67, contains", "hk-0042, exact", "0042, contains"})
  void phoneFragmentsAndExternalIdsFindTheirContact(String q, String rank) {
    assertThat(labelsAndRanks(q)).containsExactly(tuple("Mary Wong", rank));
  }

  @Test
  void inactiveRecordsAreLeftOutUntilReactivated() {
    assertThat(hits("永仁")).isEmpty();
    assertThat(kith.api().post("/api/v1/contact/" + inactive + "/reactivate", null).status()).isEqualTo(200);
    try {
      assertThat(labelsAndRanks("永仁")).containsExactly(tuple("陳永仁", "contains"));
    } finally {
      kith.api().post("/api/v1/contact/" + inactive + "/deactivate", null);
    }
  }

  @Test
  void patchingAnEmailChangesWhatIsFound() {
    long id = create("contact", """
        {"subtype": "organization", "organization_name": "Kowloon Bakery",
         "emails": [{"email": "orders@kowloonbakery.hk"}]}""");
    assertThat(labelsAndRanks("orders")).containsExactly(tuple("Kowloon Bakery", "exact"));

    Response patched = kith.api().patch("/api/v1/contact/" + id, """
        {"emails": [{"email": "sales@kowloonbakery.hk"}]}""");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(hits("orders")).isEmpty();
    assertThat(labelsAndRanks("sales@")).containsExactly(tuple("Kowloon Bakery", "prefix"));

    assertThat(kith.api().patch("/api/v1/contact/" + id, "{\"organization_name\": \"Kowloon Bread\"}").status())
        .isEqualTo(200);
    assertThat(labelsAndRanks("bread")).containsExactly(tuple("Kowloon Bread", "prefix"));
    assertThat(labelsAndRanks("bakery")).as("now only in the unchanged email")
        .containsExactly(tuple("Kowloon Bread", "contains"));
  }

  @Test
  void resultsCarryEntityIdLabelAndRankAndRespectTheLimit() {
    JsonNode first = hits("Harbour").get(0);
    assertThat(first.get("entity").asString()).isEqualTo("contact");
    assertThat(first.get("id").asLong()).isEqualTo(harbour);
    assertThat(first.get("label").asString()).isEqualTo("Harbour Services");
    assertThat(first.get("rank").asString()).isEqualTo("prefix");

    Response two = get("/api/v1/search?q={q}&limit=2", Map.of("q", "chan"));
    assertThat(two.body().get("items")).hasSize(2);
  }

  @Test
  void wildcardsAndQuotesAreOrdinaryText() {
    assertThat(hits("%")).isEmpty();
    assertThat(hits("_")).isEmpty();
    assertThat(hits("'; drop table contact; --")).isEmpty();
    assertThat(kith.db().count("contact")).isGreaterThan(5);
  }

  @ParameterizedTest(name = "q=[{0}] limit=[{1}]")
  @CsvSource(nullValues = "none", value = {
      "none, none, q", "'', none, q", "'   ', none, q", "chan, 0, limit", "chan, 51, limit", "chan, x, limit"})
  void rejectsBlankTextAndBadLimitsNamingTheParameter(String q, String limit, String field) {
    StringBuilder uri = new StringBuilder("/api/v1/search?");
    Map<String, String> variables = new java.util.HashMap<>();
    if (q != null) {
      uri.append("q={q}&");
      variables.put("q", q);
    }
    if (limit != null) {
      uri.append("limit={limit}");
      variables.put("limit", limit);
    }
    Response response = get(uri.toString(), variables);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType().toString()).isEqualTo("application/problem+json");
    assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo(field);
  }

  @Test
  void autocompleteUsesTheSameRankingForOneTypeAndAtMostTen() {
    Response response = get("/api/v1/contact/autocomplete?q={q}", Map.of("q", "chan"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().valueStream().map(n -> n.get("label").asString()).toList())
        .containsExactly("Chan", "CHANDLER Ltd", "Tai Man Chan", "大文 Chan", "Marchant Ltd");
    for (int i = 0; i < 12; i++) {
      organization("Lantern Co " + i, null);
    }
    assertThat(get("/api/v1/contact/autocomplete?q={q}", Map.of("q", "lantern")).body()).hasSize(10);
    assertThat(get("/api/v1/contact/autocomplete?q={q}", Map.of("q", " ")).body()).isEmpty();
  }

  private List<JsonNode> hits(String q) {
    Response response = get("/api/v1/search?q={q}", Map.of("q", q));
    assertThat(response.status()).as(q).isEqualTo(200);
    return response.body().get("items").valueStream().toList();
  }

  private List<org.assertj.core.groups.Tuple> labelsAndRanks(String q) {
    return hits(q).stream()
        .map(h -> tuple(h.get("label").asString(), h.get("rank").asString()))
        .toList();
  }

  private static Response get(String uriTemplate, Map<String, ?> variables) {
    return kith.api().send(HttpMethod.GET, uriTemplate, variables, null);
  }

  private static long individual(String first, String last) {
    var body = ApiClient.JSON.createObjectNode().put("subtype", "individual").put("first_name", first);
    if (last != null) {
      body.put("last_name", last);
    }
    return create("contact", body.toString());
  }

  private static long organization(String name, String email) {
    return create("contact", ApiClient.JSON.createObjectNode().put("subtype", "organization")
        .put("organization_name", name).toString());
  }

  private static long create(String entity, String json) {
    Response created = kith.api().post("/api/v1/" + entity, json);
    assertThat(created.status()).as(created.body() == null ? "" : created.body().toString()).isEqualTo(201);
    return created.body().get("id").asLong();
  }
}
