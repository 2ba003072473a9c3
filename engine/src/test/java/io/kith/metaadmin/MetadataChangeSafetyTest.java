package io.kith.metaadmin;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3, acceptance 5 and the rules around it: a dry run shows the plan and changes nothing;
 * invalid changes name the field path; a conversion is refused listing the rows that would not
 * survive it; deleting a field needs confirmation and retires it with its data; an option in use
 * is deactivated, not deleted; revisions are listed and a revert brings a retired field back with
 * its data; only administrators may change the model.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetadataChangeSafetyTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private ApiClient api;

  @BeforeAll
  void parcelType() {
    api = kith.api();
    Response list = api.post("/api/v1/meta/option-lists", """
        {"name": "parcel_size", "label": {"en": "Parcel size"},
         "options": [{"code": "small", "label": {"en": "Small"}, "order": 1},
                     {"code": "large", "label": {"en": "Large"}, "order": 2},
                     {"code": "huge", "label": {"en": "Huge"}, "order": 3}]}""");
    assertThat(list.status()).isEqualTo(201);
    Response created = api.post("/api/v1/meta/entities", """
        {"name": "parcel", "label": {"en": "Parcel"}, "pluralLabel": {"en": "Parcels"}, "displayName": "{label}",
         "fields": [{"name": "label", "type": "text", "required": true},
                    {"name": "code", "type": "text", "maxLength": 20},
                    {"name": "weight", "type": "text", "maxLength": 20},
                    {"name": "note", "type": "text"},
                    {"name": "size", "type": "option", "list": "parcel_size"}]}""");
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
  }

  private long parcel(String json) {
    Response r = api.post("/api/v1/parcel", json);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return r.body().get("id").asLong();
  }

  private long revisions() {
    return ((Number) kith.db().query("select count(*) as n from kith.metadata_revision").get(0).get("n")).longValue();
  }

  private List<String> columns(String table) {
    return kith.db().query("select column_name from information_schema.columns where table_schema = 'public' "
        + "and table_name = $1", table).stream().map(r -> (String) r.get("column_name")).toList();
  }

  @Test
  void dryRunShowsTheDdlPlanAndChangesNothing() {
    long before = revisions();
    Response dry = api.post("/api/v1/meta/entities/contact/fields?dryRun=true",
        "{\"name\": \"shoe_size\", \"type\": \"integer\"}");

    assertThat(dry.status()).isEqualTo(200);
    assertThat(dry.body().get("valid").asBoolean()).isTrue();
    assertThat(dry.body().get("ddl").get(0).asString())
        .isEqualTo("alter table \"public\".\"contact\" add column \"shoe_size\" bigint");
    assertThat(revisions()).isEqualTo(before);
    assertThat(columns("contact")).doesNotContain("shoe_size");
    assertThat(api.get("/api/v1/meta/entities/contact").body().get("fields").findValuesAsString("name"))
        .doesNotContain("shoe_size");

    Response entity = api.post("/api/v1/meta/entities?dryRun=true", """
        {"name": "kiosk", "label": {"en": "Kiosk"}, "pluralLabel": {"en": "Kiosks"}, "displayName": "{place}",
         "fields": [{"name": "place", "type": "text"}]}""");
    assertThat(entity.body().get("ddl").get(0).asString()).startsWith("create table \"public\".\"kiosk\"");
    assertThat(columns("kiosk")).isEmpty();
    assertThat(api.get("/api/v1/meta/entities/kiosk").status()).isEqualTo(404);
  }

  @Test
  void invalidChangesNameTheFieldPathAndTheProblem() {
    long before = revisions();
    Response dry = api.post("/api/v1/meta/entities/parcel/fields?dryRun=true",
        "{\"name\": \"colour\", \"type\": \"option\", \"list\": \"no_such_list\"}");
    assertThat(dry.status()).isEqualTo(200);
    assertThat(dry.body().get("valid").asBoolean()).isFalse();
    JsonNode problem = dry.body().get("problems").get(0);
    assertThat(problem.get("field").asString()).isEqualTo("/fields/5/list");
    assertThat(problem.get("message").asString()).isEqualTo("Option list \"no_such_list\" does not exist.");

    Response refused = api.post("/api/v1/meta/entities/parcel/fields", "{\"name\": \"colour\", \"type\": \"texty\"}");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType().toString()).startsWith("application/problem+json");
    assertThat(refused.body().get("problems").get(0).get("field").asString()).isEqualTo("/fields/5/type");
    assertThat(refused.body().get("problems").get(0).get("message").asString()).startsWith("The value is not one of the allowed values");
    assertThat(revisions()).isEqualTo(before);
  }

  @Test
  void conversionIsCheckedAgainstStoredValuesFirst() {
    long ok = parcel("{\"label\": \"A\", \"code\": \"12\", \"weight\": \"3\"}");
    long bad = parcel("{\"label\": \"B\", \"code\": \"abc\", \"weight\": \"17\"}");
    long worse = parcel("{\"label\": \"C\", \"code\": \"7x\"}");

    Response refused = api.send(HttpMethod.PUT, "/api/v1/meta/entities/parcel/fields/code?confirm=true",
        "{\"name\": \"code\", \"type\": \"integer\"}");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().get("code").asString()).isEqualTo("conversion_refused");
    assertThat(refused.body().get("incompatible").findValuesAsString("value")).containsExactly("abc", "7x");
    assertThat(refused.body().get("incompatible").findValues("id").stream().map(JsonNode::asLong).toList())
        .containsExactly(bad, worse);
    assertThat(kith.db().query("select data_type from information_schema.columns where table_name = 'parcel' "
        + "and column_name = 'code'").get(0).get("data_type")).isEqualTo("character varying");

    Response unconfirmed = api.send(HttpMethod.PUT, "/api/v1/meta/entities/parcel/fields/weight",
        "{\"name\": \"weight\", \"type\": \"integer\"}");
    assertThat(unconfirmed.status()).isEqualTo(409);
    assertThat(unconfirmed.body().get("title").asString()).contains("parcel.weight").contains("confirm=true");

    Response converted = api.send(HttpMethod.PUT, "/api/v1/meta/entities/parcel/fields/weight?confirm=true",
        "{\"name\": \"weight\", \"type\": \"integer\"}");
    assertThat(converted.status()).as(String.valueOf(converted.body())).isEqualTo(200);
    assertThat(api.get("/api/v1/parcel/" + ok).body().get("weight").asLong()).isEqualTo(3);
    assertThat(api.get("/api/v1/parcel/" + bad).body().get("weight").asLong()).isEqualTo(17);
  }

  @Test
  void deletingAFieldNeedsConfirmationRetiresItKeepsItsDataAndRevertBringsItBack() {
    long id = parcel("{\"label\": \"Retire me\", \"note\": \"fragile\"}");
    Response unconfirmed = api.delete("/api/v1/meta/entities/parcel/fields/note");
    assertThat(unconfirmed.status()).isEqualTo(409);
    assertThat(unconfirmed.body().get("code").asString()).isEqualTo("confirmation_needed");
    assertThat(unconfirmed.body().get("title").asString()).contains("\"parcel.note\" is retired");
    assertThat(api.get("/api/v1/meta/entities/parcel").body().get("fields").findValuesAsString("name")).contains("note");

    long lastBefore = api.get("/api/v1/meta/revisions?limit=1").body().get("items").get(0).get("id").asLong();
    Response deleted = api.delete("/api/v1/meta/entities/parcel/fields/note?confirm=true");
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.body().get("retired").get(0).asString()).isEqualTo("parcel.note");
    assertThat(deleted.body().get("ddl")).isEmpty();
    assertThat(api.get("/api/v1/meta/entities/parcel").body().get("fields").findValuesAsString("name")).doesNotContain("note");
    assertThat(api.get("/api/v1/parcel/" + id).body().has("note")).isFalse();
    assertThat(kith.db().query("select note from parcel where id = $1", id).get(0).get("note")).isEqualTo("fragile");

    JsonNode latest = api.get("/api/v1/meta/revisions").body().get("items").get(0);
    assertThat(latest.get("action").asString()).isEqualTo("delete field parcel.note");
    assertThat(latest.get("createdBy").get("login").asString()).isEqualTo("admin");
    assertThat(latest.get("createdAt").asString()).isNotBlank();
    assertThat(latest.get("diff").toString()).contains("\"op\":\"remove\"").contains("\"name\":\"note\"");

    Response reverted = api.post("/api/v1/meta/revisions/" + lastBefore + "/revert", null);
    assertThat(reverted.status()).as(String.valueOf(reverted.body())).isEqualTo(200);
    assertThat(api.get("/api/v1/parcel/" + id).body().get("note").asString()).isEqualTo("fragile");
  }

  @Test
  void anOptionInUseIsDeactivatedNotDeleted() {
    long id = parcel("{\"label\": \"Big one\", \"size\": \"large\"}");
    String withoutLarge = """
        {"name": "parcel_size", "label": {"en": "Parcel size"},
         "options": [{"code": "huge", "label": {"en": "Huge"}, "order": 1},
                     {"code": "small", "label": {"en": "Small"}, "order": 2}]}""";
    Response unconfirmed = api.send(HttpMethod.PUT, "/api/v1/meta/option-lists/parcel_size", withoutLarge);
    assertThat(unconfirmed.status()).isEqualTo(409);
    assertThat(unconfirmed.body().get("title").asString()).contains("\"large\"").contains("parcel.size");

    Response done = api.send(HttpMethod.PUT, "/api/v1/meta/option-lists/parcel_size?confirm=true", withoutLarge);
    assertThat(done.status()).as(String.valueOf(done.body())).isEqualTo(200);
    JsonNode options = api.get("/api/v1/meta/option-lists/parcel_size").body().get("options");
    assertThat(options.findValuesAsString("code")).containsExactly("huge", "small", "large");
    assertThat(options.get(2).get("active").asBoolean()).isFalse();
    assertThat(api.get("/api/v1/parcel/" + id).body().get("size").asString()).isEqualTo("large");
    assertThat(api.post("/api/v1/parcel", "{\"label\": \"New\", \"size\": \"large\"}").status()).isEqualTo(400);

    Response unused = api.delete("/api/v1/meta/option-lists/parcel_size/options/huge");
    assertThat(unused.status()).isEqualTo(200);
    assertThat(api.get("/api/v1/meta/option-lists/parcel_size").body().get("options").findValuesAsString("code"))
        .containsExactly("small", "large");
  }

  @Test
  void onlyAdministratorsChangeTheModel() {
    ApiClient clerk = kith.api(kith.server().userWithToken("clerk"));
    long before = revisions();
    for (Map.Entry<String, String> call : List.of(
        Map.entry("POST /api/v1/meta/entities/contact/fields", "{\"name\": \"x\", \"type\": \"text\"}"),
        Map.entry("POST /api/v1/meta/entities/contact/fields?dryRun=true", "{\"name\": \"x\", \"type\": \"text\"}"),
        Map.entry("DELETE /api/v1/meta/entities/parcel", ""),
        Map.entry("PUT /api/v1/meta/option-lists/parcel_size", "{}"),
        Map.entry("GET /api/v1/meta/revisions", ""),
        Map.entry("GET /api/v1/meta/export", ""),
        Map.entry("POST /api/v1/meta/import", "{\"files\": {}}"))) {
      String[] parts = call.getKey().split(" ");
      Response r = clerk.send(HttpMethod.valueOf(parts[0]), parts[1], call.getValue().isEmpty() ? null : call.getValue());
      assertThat(r.status()).as(call.getKey()).isEqualTo(403);
    }
    assertThat(kith.anonymousApi().post("/api/v1/meta/entities/contact/fields", "{\"name\": \"x\", \"type\": \"text\"}")
        .status()).isEqualTo(401);
    assertThat(revisions()).isEqualTo(before);
  }
}
