package io.kith.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.Imports;
import io.kith.testing.KithExtension;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance 3: an entity type declared only in a test metadata pack (volunteer_shift, with a
 * reference to contact, an option list of its own and a collection) imports through the same code,
 * with a mapping suggested from its Traditional Chinese labels. No Java knows about the type.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportGenericEntityTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.withMetadata("/metadata-volunteer");

  private long mei;

  @BeforeAll
  void volunteer() {
    String body = ApiClient.JSON.createObjectNode().put("subtype", "individual").put("first_name", "美玲")
        .put("last_name", "陳").set("emails", ApiClient.JSON.createArrayNode().add(
            ApiClient.JSON.createObjectNode().put("email", "mei@example.org"))).toString();
    Response created = kith.api().post("/api/v1/contact", body);
    assertThat(created.status()).isEqualTo(201);
    mei = created.body().get("id").asLong();
  }

  @Test
  void importsAnEntityTypeOnlyMetadataKnows() {
    byte[] file = Imports.csv(Charset.forName("Big5"), false,
        "標題,義工,崗位,日期,時數,已確認,崗位地點,名額",
        "長者中心午膳,mei@example.org,司機,2025-03-01,3,是,灣仔,2",
        "陪診服務,mei@example.org,陪診,2025-03-02,-3,否,,",
        "探訪,nobody@example.org,助手,2025-03-03,2,是,,");
    String profile = """
        {"name": "shifts", "entity": "volunteer_shift"}""";
    Imports imports = new Imports(kith.api());

    Response preview = imports.upload(file, profile, true);
    assertThat(preview.status()).as(String.valueOf(preview.body())).isEqualTo(200);
    assertThat(preview.body().at("/profile/columns").valueStream().map(c -> c.path("field").asString(null)).toList())
        .containsExactly("title", "volunteer", "role", "shift_date", "hours", "confirmed", "slots.station", "slots.capacity");
    assertThat(preview.body().at("/profile/columns/1/match").asString()).isEqualTo("emails.email");

    JsonNode done = imports.run(file, profile);

    assertThat(done.get("created").asInt()).isEqualTo(1);
    assertThat(done.get("failed").asInt()).isEqualTo(2);
    assertThat(kith.db().query("select title, volunteer, role, hours, confirmed from volunteer_shift"))
        .containsExactly(Map.of("title", "長者中心午膳", "volunteer", mei, "role", "driver", "hours", 3L, "confirmed", true));
    assertThat(kith.db().query("select station, capacity from volunteer_shift__slots"))
        .containsExactly(Map.of("station", "灣仔", "capacity", 2L));
    String failed = imports.failedCsv(done.get("id").asLong());
    assertThat(failed.lines().toList()).hasSize(3);
    assertThat(failed).contains("Hours must be at least 0.").contains("Volunteer: no record matches \"\"nobody@example.org\"\" (by emails.email).");
  }

  @Test
  void importsIntoATypeAnAdminCreatedAtRunTimeMatchingContactsByExternalId() {
    Response type = kith.api().post("/api/v1/meta/entities", """
        {"name": "pledge", "label": {"en": "Pledge", "zh-Hant": "認捐"}, "pluralLabel": {"en": "Pledges"},
         "displayName": "{title}",
         "fields": [{"name": "title", "type": "text", "required": true, "label": {"en": "Title", "zh-Hant": "標題"}},
                    {"name": "donor", "type": "reference", "entity": "contact", "required": true,
                     "label": {"en": "Donor", "zh-Hant": "捐款人"}},
                    {"name": "amount", "type": "integer", "label": {"en": "Amount", "zh-Hant": "金額"}}],
         "list": {"columns": ["title"], "sort": "-created_at"}}""");
    assertThat(type.status()).as(String.valueOf(type.body())).isEqualTo(201);
    String donor = ApiClient.JSON.createObjectNode().put("subtype", "individual").put("first_name", "Ka Yan")
        .put("last_name", "Wong").put("external_identifier", "CRM-0042").toString();
    long kaYan = kith.api().post("/api/v1/contact", donor).body().get("id").asLong();
    byte[] file = Imports.csv(java.nio.charset.StandardCharsets.UTF_8, true,
        "標題,捐款人,金額",
        "Spring appeal,crm-0042,500",
        "Autumn appeal,CRM-9999,300");
    String profile = """
        {"name": "pledges", "entity": "pledge",
         "columns": [{"column": "標題", "field": "title"},
                     {"column": "捐款人", "field": "donor", "match": "external_identifier"},
                     {"column": "金額", "field": "amount"}]}""";
    Imports imports = new Imports(kith.api());

    Response preview = imports.upload(file, profile, true);
    JsonNode done = imports.run(file, profile);

    assertThat(preview.status()).as(String.valueOf(preview.body())).isEqualTo(200);
    assertThat(preview.body().at("/rows/0/record/donor").asLong()).isEqualTo(kaYan);
    assertThat(List.of(done.get("created").asInt(), done.get("failed").asInt())).containsExactly(1, 1);
    assertThat(kith.db().query("select title, donor, amount from pledge"))
        .containsExactly(Map.of("title", "Spring appeal", "donor", kaYan, "amount", 500L));
    assertThat(imports.failedCsv(done.get("id").asLong())).contains("Autumn appeal").contains("CRM-9999");
  }
}
