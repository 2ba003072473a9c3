package io.kith.metaadmin;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.HtmlSession;
import io.kith.testing.KithExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3, acceptance 1: an entity type made through the metadata API alone, with fields of every
 * type, records through the API and the HTML form, then one more field: the existing records are
 * intact and the new field is usable at once, with no restart.
 */
class VolunteerShiftThroughApiTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final String SHIFT = """
      {"name": "volunteer_shift",
       "label": {"en": "Volunteer shift", "zh-Hant": "義工更次"},
       "pluralLabel": {"en": "Volunteer shifts"},
       "displayName": "{title}",
       "fields": [{"name": "title", "type": "text", "maxLength": 100, "required": true}],
       "list": {"columns": ["title"], "sort": "-created_at"}}""";

  private static final List<String> FIELDS = List.of(
      "{\"name\": \"notes\", \"type\": \"long_text\"}",
      "{\"name\": \"contact_email\", \"type\": \"email\"}",
      "{\"name\": \"contact_phone\", \"type\": \"phone\"}",
      "{\"name\": \"link\", \"type\": \"url\"}",
      "{\"name\": \"hours\", \"type\": \"integer\", \"min\": 0}",
      "{\"name\": \"distance_km\", \"type\": \"decimal\", \"precision\": 6, \"scale\": 1}",
      "{\"name\": \"allowance\", \"type\": \"money\"}",
      "{\"name\": \"confirmed\", \"type\": \"boolean\"}",
      "{\"name\": \"shift_date\", \"type\": \"date\"}",
      "{\"name\": \"starts_at\", \"type\": \"datetime\"}",
      "{\"name\": \"role\", \"type\": \"option\", \"list\": \"shift_role\"}",
      "{\"name\": \"skills\", \"type\": \"multi_option\", \"list\": \"shift_role\"}",
      "{\"name\": \"volunteer\", \"type\": \"reference\", \"entity\": \"contact\", \"subtype\": \"individual\"}",
      "{\"name\": \"helpers\", \"type\": \"multi_reference\", \"entity\": \"contact\"}",
      "{\"name\": \"slots\", \"type\": \"collection\", \"fields\": [{\"name\": \"station\", \"type\": \"text\", \"required\": true}, {\"name\": \"capacity\", \"type\": \"integer\"}]}",
      "{\"name\": \"label_text\", \"type\": \"computed\", \"formula\": \"display_name\"}");

  @Test
  void entityTypeFieldsAndRecordsThroughTheApiAlone() {
    ApiClient api = kith.api();
    Response list = api.post("/api/v1/meta/option-lists", """
        {"name": "shift_role", "label": {"en": "Shift role"},
         "options": [{"code": "driver", "label": {"en": "Driver"}, "order": 1},
                     {"code": "helper", "label": {"en": "Helper"}, "order": 2}]}""");
    assertThat(list.status()).as(String.valueOf(list.body())).isEqualTo(201);

    Response created = api.post("/api/v1/meta/entities", SHIFT);
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    assertThat(created.body().get("ddl").toString()).contains("create table \\\"public\\\".\\\"volunteer_shift\\\"");
    for (String field : FIELDS) {
      Response added = api.post("/api/v1/meta/entities/volunteer_shift/fields", field);
      assertThat(added.status()).as(field + " -> " + added.body()).isEqualTo(201);
    }
    assertThat(api.get("/api/v1/meta/entities/volunteer_shift").body().get("fields").findValuesAsString("type"))
        .contains("text", "long_text", "email", "phone", "url", "integer", "decimal", "money", "boolean", "date",
            "datetime", "option", "multi_option", "reference", "multi_reference", "collection", "computed");

    long volunteer = api.post("/api/v1/contact", "{\"subtype\": \"individual\", \"first_name\": \"Mei\", \"last_name\": \"Chan\"}")
        .body().get("id").asLong();
    Response record = api.post("/api/v1/volunteer_shift", """
        {"title": "Lunch run", "notes": "Bring bags", "contact_email": "mei@example.org", "contact_phone": "+852 2345 6789",
         "link": "https://example.org/run", "hours": 3, "distance_km": 12.5, "allowance": 80.00, "confirmed": true,
         "shift_date": "2026-12-01", "starts_at": "2026-12-01T09:30:00+08:00", "role": "driver", "skills": ["driver", "helper"],
         "volunteer": %d, "helpers": [%d], "slots": [{"station": "Kitchen", "capacity": 2}]}""".formatted(volunteer, volunteer));
    assertThat(record.status()).as(String.valueOf(record.body())).isEqualTo(201);
    long apiRecord = record.body().get("id").asLong();

    HtmlSession session = kith.session();
    assertThat(session.get("/app/volunteer_shift/new").status()).isEqualTo(200);
    HtmlSession.Page posted = session.post("/app/volunteer_shift", List.of(
        Map.entry("title", "Clinic escort"), Map.entry("hours", "2"), Map.entry("role", "helper"),
        Map.entry("volunteer", String.valueOf(volunteer)), Map.entry("shift_date", "2026-12-02")));
    assertThat(posted.status()).as(posted.body()).isEqualTo(303);

    Response added = api.post("/api/v1/meta/entities/volunteer_shift/fields",
        "{\"name\": \"transport\", \"type\": \"text\", \"maxLength\": 50, \"label\": {\"en\": \"Transport\"}}");
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.body().get("ddl").toString()).contains("add column \\\"transport\\\" character varying(50)");

    JsonNode before = api.get("/api/v1/volunteer_shift/" + apiRecord).body();
    assertThat(before.get("title").asString()).isEqualTo("Lunch run");
    assertThat(before.get("hours").asInt()).isEqualTo(3);
    assertThat(before.get("skills").toString()).isEqualTo("[\"driver\",\"helper\"]");
    assertThat(before.get("slots").get(0).get("station").asString()).isEqualTo("Kitchen");
    assertThat(before.get("label_text").asString()).isEqualTo("Lunch run");
    assertThat(before.get("transport").isNull()).isTrue();

    Response patched = api.patch("/api/v1/volunteer_shift/" + apiRecord, "{\"transport\": \"Van\"}");
    assertThat(patched.status()).as(String.valueOf(patched.body())).isEqualTo(200);
    assertThat(api.get("/api/v1/volunteer_shift/" + apiRecord).body().get("transport").asString()).isEqualTo("Van");
    assertThat(api.get("/api/v1/volunteer_shift/" + apiRecord).body().get("distance_km").decimalValue())
        .isEqualByComparingTo("12.5");

    Response listed = api.get("/api/v1/volunteer_shift?sort=title");
    assertThat(listed.body().get("items").findValuesAsString("title")).containsExactly("Clinic escort", "Lunch run");
    assertThat(session.get("/app/volunteer_shift/new").document().select("input[name=transport]")).hasSize(1);
  }

  @Test
  void unknownEntityTypeOrFieldIsNotFound() {
    Response response = kith.api().send(HttpMethod.PUT, "/api/v1/meta/entities/contact/fields/no_such_field",
        "{\"name\": \"no_such_field\", \"type\": \"text\"}");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body().get("title").asString()).contains("no field \"no_such_field\"");
    assertThat(kith.api().delete("/api/v1/meta/entities/nothing_here").status()).isEqualTo(404);
  }
}
