package io.kith.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Relationships of the shipped pack: each side's contact subtype is checked against the
 * relationship type, several are created at once (one contact, several targets), and each contact
 * lists its relationships with its own side's label.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelationshipApiTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private long chan;
  private long lee;
  private long abc;
  private long askMe;
  private long household;

  @BeforeAll
  void contacts() {
    chan = create("""
        {"subtype": "individual", "first_name": "陳", "last_name": "大文"}""");
    lee = create("""
        {"subtype": "individual", "first_name": "Siu Ming", "last_name": "Lee"}""");
    abc = create("""
        {"subtype": "organization", "organization_name": "亞必思有限公司"}""");
    askMe = create("""
        {"subtype": "organization", "organization_name": "Ask Me Ltd"}""");
    household = create("""
        {"subtype": "household", "household_name": "Chan Family"}""");
  }

  private long create(String json) {
    Response r = kith.api().post("/api/v1/contact", json);
    assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
    return r.body().get("id").asLong();
  }

  /** type, which side gets the wrong contact, the subtype it needs. */
  static Stream<Arguments> wrongSides() {
    return Stream.of(
        Arguments.of("employee_of", "b", "organization"),
        Arguments.of("employee_of", "a", "individual"),
        Arguments.of("customer_of", "b", "organization"),
        Arguments.of("head_of_household", "b", "household"),
        Arguments.of("supervised_by", "b", "individual"));
  }

  @ParameterizedTest(name = "{0}: wrong contact on side {1}")
  @MethodSource("wrongSides")
  void refusesAContactOfTheWrongSubtypeOnASide(String type, String side, String wanted) {
    long a = side.equals("a") ? abc : chan;
    long b = side.equals("b") ? (wanted.equals("individual") ? abc : lee) : (type.equals("employee_of") ? abc : lee);
    long before = kith.db().count("relationship");
    Response r = kith.api().post("/api/v1/relationship", """
        {"relationship_type": "%s", "contact_a": %d, "contact_b": %d}""".formatted(type, a, b));

    assertThat(r.status()).isEqualTo(400);
    JsonNode error = r.body().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("contact_" + side);
    assertThat(error.get("code").asString()).isEqualTo("wrong_subtype");
    assertThat(error.get("message").asString()).contains(wanted);
    assertThat(kith.db().count("relationship")).isEqualTo(before);
  }

  @Test
  void changingOnlyTheTypeChecksBothSidesAgain() {
    long id = kith.api().post("/api/v1/relationship", """
        {"relationship_type": "customer_of", "contact_a": %d, "contact_b": %d}""".formatted(lee, askMe))
        .body().get("id").asLong();

    Response r = kith.api().patch("/api/v1/relationship/" + id, """
        {"relationship_type": "head_of_household"}""");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().get("errors")).extracting(e -> e.get("field").asString(), e -> e.get("code").asString())
        .containsExactly(tuple("contact_b", "wrong_subtype"));
    assertThat(kith.api().get("/api/v1/relationship/" + id).body().get("relationship_type").asString())
        .isEqualTo("customer_of");
    assertThat(kith.api().delete("/api/v1/relationship/" + id).status()).isEqualTo(204);
  }

  @Test
  void createsSeveralRelationshipsFromOneContactAtOnceAndListsThemFromEachSide() {
    Response created = kith.api().post("/api/v1/relationship/batch", """
        {"common": {"relationship_type": "customer_of", "contact_a": %d, "start_date": "2009-11-17",
                    "description": "初次合作"},
         "records": [{"contact_b": %d}, {"contact_b": %d}]}""".formatted(chan, abc, askMe));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    assertThat(created.body().get("items")).hasSize(2);

    Response mine = kith.api().get("/api/v1/contact/" + chan + "/relationships", "Accept-Language", "zh-Hant");
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.body().get("items"))
        .extracting(i -> i.get("label").asString(), i -> i.get("other").get("label").asString(), i -> i.get("side").asString())
        .containsExactlyInAnyOrder(tuple("客戶", "亞必思有限公司", "a"), tuple("客戶", "Ask Me Ltd", "a"));
    assertThat(mine.body().get("items").get(0).get("start_date").asString()).isEqualTo("2009-11-17");

    Response theirs = kith.api().get("/api/v1/contact/" + abc + "/relationships", "Accept-Language", "zh-Hant");
    assertThat(theirs.body().get("items"))
        .extracting(i -> i.get("label").asString(), i -> i.get("other").get("label").asString(), i -> i.get("side").asString())
        .containsExactly(tuple("供應商", "陳 大文", "b"));
    Response english = kith.api().get("/api/v1/contact/" + abc + "/relationships", "Accept-Language", "en");
    assertThat(english.body().get("items").get(0).get("label").asString()).isEqualTo("Supplier to");
  }

  @Test
  void aBatchWithOneBadRecordWritesNothingAndNamesThatRecord() {
    long before = kith.db().count("relationship");
    Response r = kith.api().post("/api/v1/relationship/batch", """
        {"common": {"relationship_type": "employee_of", "contact_a": %d},
         "records": [{"contact_b": %d}, {"contact_b": %d}]}""".formatted(lee, abc, household));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().get("errors")).extracting(e -> e.get("field").asString(), e -> e.get("code").asString())
        .containsExactly(tuple("records[1].contact_b", "wrong_subtype"));
    assertThat(kith.db().count("relationship")).isEqualTo(before);
  }

  @Test
  void relationshipTypesAreOfferedAsAnOptionListReadingBothWays() {
    Response list = kith.api().get("/api/v1/meta/option-lists/relationship_type", "Accept-Language", "zh-Hant");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body().toString()).contains("customer_of").contains("客戶 / 供應商").contains("employee_of");
    Response unknown = kith.api().post("/api/v1/relationship", """
        {"relationship_type": "married_to", "contact_a": %d, "contact_b": %d}""".formatted(chan, lee));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("errors").get(0).get("code").asString()).isEqualTo("unknown_option");
  }

  @Test
  void relationshipTypeMetadataNamesTheAllowedSubtypesOfEachSide() {
    JsonNode types = kith.api().get("/api/v1/meta/relationship-types").body();
    assertThat(types.toString()).contains("\"household_member_of\"");
    List<String> names = new java.util.ArrayList<>();
    (types.has("items") ? types.get("items") : types).forEach(t -> names.add(t.get("name").asString()));
    assertThat(names).contains("customer_of", "employee_of", "volunteer_for", "head_of_household",
        "household_member_of", "supervised_by");
  }
}
