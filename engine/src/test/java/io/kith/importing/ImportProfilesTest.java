package io.kith.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.Imports;
import io.kith.testing.KithExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Import profiles: saved, listed, read, changed and deleted through the API, checked against the
 * JSON Schema and the metadata with every problem named, and reused by name with the same result
 * as the same document sent inline (acceptance 7). Shipped profiles are listed and usable but
 * cannot be changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportProfilesTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final String PROFILE = """
      {"name": "fair_sign_ups", "label": {"en": "Fair sign-ups", "zh-Hant": "展覽報名"},
       "entity": "contact", "subtype": "individual",
       "columns": [{"column": "Name", "field": "first_name"}, {"column": "Surname", "field": "last_name"},
                   {"column": "Sex", "field": "gender", "values": {"M": "male", "F": "female"}},
                   {"column": "Mail", "field": "emails.email", "row": {"location_type": "home"}},
                   {"column": "Notes", "skip": true}],
       "constants": {"source": "Spring fair"},
       "duplicates": {"mode": "skip", "key": ["emails.email"]}}""";

  private Imports imports;

  @BeforeAll
  void start() {
    imports = new Imports(kith.api());
  }

  @Test
  void savedProfileGivesTheSameResultAsTheDocumentInline() {
    Response saved = kith.api().post("/api/v1/import-profiles", PROFILE);
    assertThat(saved.status()).as(String.valueOf(saved.body())).isEqualTo(201);
    assertThat(saved.header("Location")).isEqualTo("/api/v1/import-profiles/fair_sign_ups");

    JsonNode inline = imports.run(file("inline"), PROFILE);
    JsonNode byName = imports.run(file("named"), "fair_sign_ups");

    assertThat(byName.get("profile").asString()).isEqualTo("fair_sign_ups");
    for (String count : List.of("created", "updated", "skipped", "failed")) {
      assertThat(byName.get(count)).as(count).isEqualTo(inline.get(count));
    }
    assertThat(inline.get("created").asInt()).isEqualTo(2);
    assertThat(inline.get("skipped").asInt()).isEqualTo(1);
    assertThat(stored("named")).isEqualTo(stored("inline").stream()
        .map(r -> Map.of("first_name", r.get("first_name"), "gender", r.get("gender"), "source", r.get("source"),
            "location_type", r.get("location_type"), "email", ((String) r.get("email")).replace("inline", "named")))
        .toList());
    assertThat(stored("inline")).first().isEqualTo(Map.of("first_name", "Mei", "gender", "female", "source", "Spring fair",
        "location_type", "home", "email", "mei@inline.example.com"));
  }

  @Test
  void listsReadsChangesAndDeletesProfiles() {
    String body = PROFILE.replace("fair_sign_ups", "to_change");
    assertThat(kith.api().post("/api/v1/import-profiles", body).status()).isEqualTo(201);
    assertThat(kith.api().post("/api/v1/import-profiles", body).body().at("/errors/0/code").asString())
        .isEqualTo("duplicate_profile");

    JsonNode list = kith.api().get("/api/v1/import-profiles").body().get("items");
    assertThat(list.findValuesAsString("name")).contains("to_change", "civicrm_individuals");
    assertThat(list.valueStream().filter(i -> i.get("name").asString().equals("civicrm_individuals")).findFirst()
        .orElseThrow().get("shipped").asBoolean()).isTrue();

    Response changed = kith.api().send(org.springframework.http.HttpMethod.PUT, "/api/v1/import-profiles/to_change",
        body.replace("\"mode\": \"skip\"", "\"mode\": \"update\""));
    assertThat(changed.status()).as(String.valueOf(changed.body())).isEqualTo(200);
    assertThat(kith.api().get("/api/v1/import-profiles/to_change").body().at("/duplicates/mode").asString())
        .isEqualTo("update");
    Response renamed = kith.api().send(org.springframework.http.HttpMethod.PUT, "/api/v1/import-profiles/to_change",
        body.replace("to_change", "other_name"));
    assertThat(renamed.status()).isEqualTo(400);
    assertThat(renamed.body().at("/errors/0/message").asString()).isEqualTo("name must be \"to_change\", the name in the address.");

    assertThat(kith.api().delete("/api/v1/import-profiles/to_change").status()).isEqualTo(204);
    Response gone = kith.api().get("/api/v1/import-profiles/to_change");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.body().get("title").asString()).isEqualTo("There is no import profile \"to_change\".");
  }

  @Test
  void shippedProfileImportsButCannotBeChanged() {
    byte[] file = Imports.csv(StandardCharsets.UTF_8, true,
        "Contact ID,First Name,Last Name,Gender,Birth Date,Email,Phone,City,External Identifier",
        "101,Ka Yan,Cheung,F,1949-02-03,ka.yan@civi.example.com,2345 6789,Hong Kong,civi-101");

    JsonNode done = imports.run(file, "civicrm_individuals");

    assertThat(done.get("created").asInt()).isEqualTo(1);
    assertThat(kith.db().query("select gender, source, external_identifier from contact where last_name = 'Cheung'"))
        .containsExactly(Map.of("gender", "female", "source", "CiviCRM import", "external_identifier", "civi-101"));
    assertThat(kith.db().query("select location_type, is_primary from contact__emails where email = 'ka.yan@civi.example.com'"))
        .containsExactly(Map.of("location_type", "home", "is_primary", true));
    Response refused = kith.api().delete("/api/v1/import-profiles/civicrm_individuals");
    assertThat(refused.status()).isEqualTo(403);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown entity type   | {"name": "p", "entity": "nope"}                                                   | entity               | unknown_entity_type
      subtype missing       | {"name": "p", "entity": "contact"}                                                | subtype              | required
      unknown subtype       | {"name": "p", "entity": "contact", "subtype": "robot"}                            | subtype              | unknown_subtype
      name not snake case   | {"name": "Bad Name", "entity": "contact"}                                         | name                 | pattern_mismatch
      unknown property      | {"name": "p", "entity": "activity", "colour": "red"}                              | colour               | unknown_field
      unknown encoding      | {"name": "p", "entity": "activity", "file": {"encoding": "latin9"}}               | file.encoding        | unknown_value
      unknown field         | {"name": "p", "entity": "activity", "columns": [{"column": "X", "field": "nope"}]} | columns[0].field     | unknown_target
      unknown child field   | {"name": "p", "entity": "contact", "subtype": "individual", "columns": [{"column": "X", "field": "emails.nope"}]} | columns[0].field | unknown_target
      computed field        | {"name": "p", "entity": "contact", "subtype": "individual", "columns": [{"column": "X", "field": "display_name"}]} | columns[0].field | read_only
      bad match key         | {"name": "p", "entity": "activity", "columns": [{"column": "C", "field": "source_contact", "match": "shoe_size"}]} | columns[0].match | unknown_match
      match on plain field  | {"name": "p", "entity": "activity", "columns": [{"column": "C", "field": "subject", "match": "id"}]} | columns[0].match | match_not_reference
      column without name   | {"name": "p", "entity": "activity", "columns": [{"field": "subject"}]}            | columns[0]           | column_or_index
      mode without key      | {"name": "p", "entity": "activity", "duplicates": {"mode": "update"}}             | duplicates.key       | required
      unknown key field     | {"name": "p", "entity": "activity", "duplicates": {"mode": "skip", "key": ["nope"]}} | duplicates.key[0] | unknown_target
      date-time key field   | {"name": "p", "entity": "activity", "duplicates": {"mode": "skip", "key": ["subject", "activity_date_time"]}} | duplicates.key[1] | key_type_unsupported
      unknown dedupe rule   | {"name": "p", "entity": "contact", "subtype": "individual", "duplicates": {"mode": "skip", "rule": "nope"}} | duplicates.rule | unknown_rule
      key and rule          | {"name": "p", "entity": "contact", "subtype": "individual", "duplicates": {"mode": "skip", "rule": "email", "key": ["source"]}} | duplicates | key_or_rule
      unknown constant      | {"name": "p", "entity": "activity", "constants": {"nope": 1}}                     | constants.nope       | unknown_target
      """)
  void refusesInvalidProfilesNamingTheProblem(String description, String profile, String field, String code) {
    Response refused = kith.api().post("/api/v1/import-profiles", profile, "Accept-Language", "zh-Hant");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType().toString()).startsWith("application/problem+json");
    assertThat(refused.body().get("errors").findValuesAsString("field")).contains(field);
    JsonNode error = refused.body().get("errors").valueStream().filter(e -> e.get("field").asString().equals(field))
        .findFirst().orElseThrow();
    assertThat(error.get("code").asString()).isEqualTo(code);
    assertThat(error.get("message").asString()).isNotBlank().doesNotContain("error.");
    assertThat(kith.db().query("select 1 from kith.import_profile where name = 'p'")).isEmpty();
  }

  private static byte[] file(String domain) {
    return Imports.csv(StandardCharsets.UTF_8, false,
        "Name,Surname,Sex,Mail,Notes",
        "Mei,Chan,F,mei@" + domain + ".example.com,likes tea",
        "Bob,Ng,M,bob@" + domain + ".example.com,",
        "Mei,Chan,F,MEI@" + domain + ".example.com,again");
  }

  private List<Map<String, Object>> stored(String domain) {
    return kith.db().query("""
        select c.first_name, c.gender, c.source, e.location_type, e.email from contact c
          join contact__emails e on e.parent_id = c.id where e.email like $1 order by c.id""", "%@" + domain + ".example.com");
  }
}
