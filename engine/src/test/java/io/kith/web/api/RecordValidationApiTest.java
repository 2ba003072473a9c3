package io.kith.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Bad record input against the shipped pack: every kind of fault is a 400 problem naming the field
 * and a stable code, with a message in the caller's language that uses the field's label from the
 * metadata; and nothing reaches the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordValidationApiTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final List<String> TABLES =
      List.of("contact", "contact__emails", "contact__phones", "activity", "activity__target_contacts");

  private long existing;

  @BeforeAll
  void start() {
    Response created = kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "first_name": "Wai Man", "last_name": "Lee",
         "external_identifier": "EXT-1",
         "emails": [{"email": "waiman@example.org", "location_type": "home", "is_primary": true}]}
        """);
    assertThat(created.status()).isEqualTo(201);
    existing = created.body().get("id").asLong();
  }


  /** entity, body, the field path and code reported, the field's label in en and zh-Hant. */
  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of("missing required", "contact", """
            {"subtype": "organization"}""",
            "organization_name", "required", "Organization name", "機構名稱"),
        Arguments.of("blank required text", "contact", """
            {"subtype": "organization", "organization_name": "   "}""",
            "organization_name", "required", "Organization name", "機構名稱"),
        Arguments.of("too long", "contact", """
            {"subtype": "individual", "first_name": "%s"}""".formatted("x".repeat(65)),
            "first_name", "too_long", "First name", "名字"),
        Arguments.of("bad email in a collection row", "contact", """
            {"subtype": "individual", "first_name": "Ann", "emails": [{"email": "not-an-email"}]}""",
            "emails[0].email", "invalid_email", "Email addresses 1: Email", "電郵地址 1: 電郵"),
        Arguments.of("missing required in a collection row", "contact", """
            {"subtype": "individual", "first_name": "Ann",
             "emails": [{"email": "ann@example.org"}, {"location_type": "work"}]}""",
            "emails[1].email", "required", "Email addresses 2: Email", "電郵地址 2: 電郵"),
        Arguments.of("unknown option code", "contact", """
            {"subtype": "individual", "first_name": "Ann", "gender": "alien"}""",
            "gender", "unknown_option", "Gender", "性別"),
        Arguments.of("unknown option code in a collection row", "contact", """
            {"subtype": "individual", "first_name": "Ann",
             "emails": [{"email": "ann@example.org", "location_type": "moon"}]}""",
            "emails[0].location_type", "unknown_option", "Email addresses 1: Location", "電郵地址 1: 地點"),
        Arguments.of("nonexistent reference", "activity", """
            {"activity_type": "meeting", "subject": "Tea", "activity_date_time": "2025-01-02T10:00:00+08:00",
             "source_contact": 987654}""",
            "source_contact", "not_found", "Added by", "記錄人"),
        Arguments.of("nonexistent record in a multi-reference", "activity", """
            {"activity_type": "meeting", "subject": "Tea", "activity_date_time": "2025-01-02T10:00:00+08:00",
             "target_contacts": [987654]}""",
            "target_contacts[0]", "not_found", "With contacts", "相關聯絡人"),
        Arguments.of("duplicate unique value", "contact", """
            {"subtype": "individual", "first_name": "Ann", "external_identifier": "EXT-1"}""",
            "external_identifier", "duplicate", "External ID", "外部編號"),
        Arguments.of("wrong JSON type (string for boolean)", "contact", """
            {"subtype": "individual", "first_name": "Ann", "do_not_phone": "yes"}""",
            "do_not_phone", "wrong_type", "Do not phone", "請勿致電"),
        Arguments.of("wrong JSON type (number for text)", "contact", """
            {"subtype": "individual", "first_name": 42}""",
            "first_name", "wrong_type", "First name", "名字"),
        Arguments.of("unknown field", "contact", """
            {"subtype": "individual", "first_name": "Ann", "shoe_size": 42}""",
            "shoe_size", "unknown_field", "shoe_size", "shoe_size"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void rejectsBadInputNamingFieldAndCode(String fault, String entity, String body, String field, String code,
      String enLabel, String zhHantLabel) {
    Map<String, Long> before = counts();

    Response en = kith.api().post("/api/v1/" + entity, body, "Accept-Language", "en");
    Response zhHant = kith.api().post("/api/v1/" + entity, body, "Accept-Language", "zh-Hant");

    for (Response response : List.of(en, zhHant)) {
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.contentType().toString()).isEqualTo("application/problem+json");
      assertThat(response.body().get("status").asInt()).isEqualTo(400);
      assertThat(response.body().get("errors")).as("errors of %s", response.body()).hasSize(1);
      JsonNode error = response.body().get("errors").get(0);
      assertThat(error.get("field").asString()).isEqualTo(field);
      assertThat(error.get("code").asString()).isEqualTo(code);
    }
    assertThat(message(en)).contains(enLabel);
    assertThat(message(zhHant)).contains(zhHantLabel).isNotEqualTo(message(en));
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void referenceToImpossibleIdNamesTheIdSent() {
    Response response = kith.api().post("/api/v1/activity", """
        {"activity_type": "meeting", "subject": "Tea", "activity_date_time": "2025-01-02T10:00:00+08:00",
         "source_contact": 0}""");

    assertThat(response.status()).isEqualTo(400);
    JsonNode error = response.body().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("source_contact");
    assertThat(error.get("code").asString()).isEqualTo("not_found");
    assertThat(error.get("message").asString()).isEqualTo("Added by: the record 0 does not exist.");
  }

  @Test
  void reportsEveryErrorOfOneRequestTogether() {
    Map<String, Long> before = counts();

    Response response = kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "first_name": "%s", "gender": "alien",
         "emails": [{"email": "ok@example.org"}, {"email": "broken"}]}
        """.formatted("y".repeat(70)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("errors").valueStream()
            .map(e -> e.get("field").asString() + ":" + e.get("code").asString()).toList())
        .containsExactlyInAnyOrder("first_name:too_long", "gender:unknown_option", "emails[1].email:invalid_email");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void rejectedPatchLeavesRecordAndItsRowsUnchanged() {
    Response response = kith.api().patch("/api/v1/contact/" + existing, """
        {"last_name": "Changed", "emails": [{"email": "new@example.org"}, {"email": "nope"}]}
        """);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("emails[1].email");
    assertThat(kith.db().query("select version, last_name from contact where id = $1", existing).get(0))
        .containsEntry("version", 1).containsEntry("last_name", "Lee");
    assertThat(kith.db().query("select email from contact__emails where parent_id = $1", existing))
        .extracting(r -> r.get("email")).containsExactly("waiman@example.org");
  }

  @Test
  void oneErrorPerFieldEvenWhenSeveralRulesFail() {
    Response response = kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "gender": 5}""");

    assertThat(response.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .containsExactly("gender");
    assertThat(response.body().get("errors").get(0).get("code").asString()).isEqualTo("wrong_type");
  }

  @Test
  void blankOptionalTextIsStoredAsNoValue() {
    Response created = kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "first_name": "Blank", "source": "   "}""");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("source").isNull()).isTrue();
    long id = created.body().get("id").asLong();
    assertThat(kith.db().query("select source from contact where id = $1", id).get(0)).containsEntry("source", null);
  }

  @Test
  void idsInMessagesAreWrittenAsSent() {
    Response missing = kith.api().get("/api/v1/contact/1234567");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().get("title").asString()).contains("1234567");

    Response reference = kith.api().post("/api/v1/activity", """
        {"activity_type": "meeting", "subject": "Tea", "activity_date_time": "2025-01-02T10:00:00+08:00",
         "source_contact": 7654321}""");
    assertThat(message(reference)).isEqualTo("Added by: the record 7654321 does not exist.");
  }

  @Test
  void rejectsMalformedJson() {
    Map<String, Long> before = counts();

    Response response = kith.api().post("/api/v1/contact", "{\"subtype\": \"individual\", ");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType().toString()).isEqualTo("application/problem+json");
    assertThat(response.body().get("type").asString()).endsWith("/malformed-json");
    assertThat(counts()).isEqualTo(before);
  }

  private static String message(Response response) {
    return response.body().get("errors").get(0).get("message").asString();
  }

  private Map<String, Long> counts() {
    String sql = "select " + String.join(", ",
        TABLES.stream().map(t -> "(select count(*) from " + t + ") as " + t).toList());
    Map<String, Long> out = new LinkedHashMap<>();
    kith.db().query(sql).get(0).forEach((table, n) -> out.put(table, ((Number) n).longValue()));
    return out;
  }
}
