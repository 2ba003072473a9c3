package io.kith.metaadmin;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.metadata.MetadataRegistry;
import io.kith.metadata.MetadataSnapshot;
import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithServer;
import io.kith.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3, acceptance 6: the model exported after admin changes, used as the metadata folder of a
 * fresh database with no revisions, gives an identical registry; imported into another fresh
 * instance through the API, too.
 */
class ExportImportRoundTripTest {

  @Test
  void exportedModelLoadsIdenticallyIntoAFreshDatabase(@TempDir Path folder) throws Exception {
    JsonNode exported;
    MetadataSnapshot original;
    try (TestDatabase db = new TestDatabase(); KithServer kith = KithServer.start(db, null)) {
      change(kith.api());
      original = kith.bean(MetadataRegistry.class).snapshot();
      Response export = kith.api().get("/api/v1/meta/export");
      assertThat(export.status()).isEqualTo(200);
      exported = export.body();
    }
    assertThat(exported.get("format").asString()).isEqualTo("kith-metadata/1");
    JsonNode files = exported.get("files");
    assertThat(files.get("entities/contact.yaml").asString()).contains("favourite_colour");
    assertThat(files.get("option-lists/colour.yaml").asString()).contains("code: red");
    for (Map.Entry<String, JsonNode> file : files.properties()) {
      Path path = folder.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue().asString());
    }

    try (TestDatabase db = new TestDatabase(); KithServer fresh = KithServer.start(db, folder)) {
      assertThat(db.count("kith.metadata_revision")).isZero();
      assertSameModel(fresh.bean(MetadataRegistry.class).snapshot(), original);
    }

    try (TestDatabase db = new TestDatabase(); KithServer other = KithServer.start(db, null)) {
      Response imported = other.api().post("/api/v1/meta/import", exported.toString());
      assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(200);
      assertThat(db.count("kith.metadata_revision")).isPositive();
      assertSameModel(other.bean(MetadataRegistry.class).snapshot(), original);
      assertThat(other.api().post("/api/v1/contact",
          "{\"subtype\": \"individual\", \"last_name\": \"Lee\", \"favourite_colour\": \"red\"}").status()).isEqualTo(201);
    }
  }

  private static void change(ApiClient api) {
    assertThat(api.post("/api/v1/meta/option-lists", """
        {"name": "colour", "label": {"en": "Colour", "zh-Hant": "顏色"},
         "options": [{"code": "red", "label": {"en": "Red"}, "order": 1, "color": "#cc0000"},
                     {"code": "blue", "label": {"en": "Blue"}, "order": 2}]}""").status()).isEqualTo(201);
    assertThat(api.post("/api/v1/meta/entities/contact/fields",
        "{\"name\": \"favourite_colour\", \"type\": \"option\", \"list\": \"colour\", \"label\": {\"en\": \"Favourite colour\"}}")
        .status()).isEqualTo(201);
    assertThat(api.post("/api/v1/meta/entities", """
        {"name": "donation", "label": {"en": "Donation"}, "pluralLabel": {"en": "Donations"}, "displayName": "{amount}",
         "fields": [{"name": "amount", "type": "money", "required": true},
                    {"name": "donor", "type": "reference", "entity": "contact"},
                    {"name": "received_on", "type": "date"}],
         "list": {"columns": ["amount", "donor"], "sort": "-received_on"}}""").status()).isEqualTo(201);
    assertThat(api.post("/api/v1/meta/relationship-types", """
        {"name": "donor_of", "labelAToB": {"en": "Donor of"}, "labelBToA": {"en": "Donor"},
         "sideA": {"entity": "contact"}, "sideB": {"entity": "contact", "subtype": "organization"}}""").status())
        .isEqualTo(201);
    assertThat(api.send(HttpMethod.PUT, "/api/v1/meta/option-lists/colour/options/blue",
        "{\"label\": {\"en\": \"Navy\"}, \"active\": false}").status()).isEqualTo(200);
    assertThat(api.delete("/api/v1/meta/relationship-types/customer_of").status()).isEqualTo(200);
  }

  private static void assertSameModel(MetadataSnapshot actual, MetadataSnapshot expected) {
    assertThat(actual.entities()).isEqualTo(expected.entities());
    assertThat(actual.optionLists()).isEqualTo(expected.optionLists());
    assertThat(actual.relationshipTypes()).isEqualTo(expected.relationshipTypes());
    assertThat(actual.relationshipTypes()).doesNotContainKey("customer_of").containsKey("donor_of");
  }
}
