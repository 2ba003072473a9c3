package io.kith.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.fieldtype.FieldTypes;
import io.kith.jsonschema.JsonSchemas.Violation;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataLoader;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.MetadataSource;
import io.kith.record.RecordSchemas.Mode;
import io.kith.testing.ApiClient;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The create schema specialised for one subtype finds exactly what the whole create schema finds
 * for records of that subtype (the shipped contact: a household needs its name, an organization
 * its name, an individual neither), and is the whole schema's own object when there is nothing
 * to specialise.
 */
class RecordSchemasTest {

  private final MetadataSnapshot snapshot = new MetadataLoader().load(new MetadataSource("").read(), 1);
  private final EntityDef contact = snapshot.entity("contact").orElseThrow();
  private final RecordSchemas schemas = new RecordSchemas(new FieldTypes(ZoneId.of("UTC")));

  @Test
  void subtypeSchemaFindsWhatTheWholeSchemaFinds() {
    List<String> inputs = List.of(
        "{\"subtype\": \"household\"}",
        "{\"subtype\": \"household\", \"household_name\": \"\"}",
        "{\"subtype\": \"household\", \"household_name\": \"Chan family\"}",
        "{\"subtype\": \"organization\", \"household_name\": \"Chan family\"}",
        "{\"subtype\": \"organization\", \"organization_name\": \"Kith Ltd\", \"nickname\": 7}",
        "{\"subtype\": \"individual\", \"first_name\": \"Ada\"}",
        "{\"subtype\": \"individual\", \"first_name\": \"Ada\", \"gender\": \"robot\", \"unknown\": 1}");
    for (String text : inputs) {
      JsonNode input = ApiClient.parse(text);
      String subtype = input.get("subtype").asString();
      List<Violation> whole = schemas.compiled(snapshot, contact, Mode.CREATE).validate(input);
      List<Violation> specialised = schemas.compiled(snapshot, contact, Mode.CREATE, subtype).validate(input);
      assertThat(keys(specialised)).as(text).containsExactlyInAnyOrderElementsOf(keys(whole));
    }
    assertThat(keys(schemas.compiled(snapshot, contact, Mode.CREATE, "household")
        .validate(ApiClient.parse("{\"subtype\": \"household\"}"))))
        .containsExactly(" required household_name");
    assertThat(schemas.compiled(snapshot, contact, Mode.CREATE, "individual")
        .validate(ApiClient.parse("{\"subtype\": \"individual\"}"))).isEmpty();
  }

  @Test
  void unknownSubtypesAndPatchesUseTheWholeSchema() {
    assertThat(schemas.compiled(snapshot, contact, Mode.CREATE, "robot"))
        .isSameAs(schemas.compiled(snapshot, contact, Mode.CREATE));
    assertThat(schemas.compiled(snapshot, contact, Mode.CREATE, null))
        .isSameAs(schemas.compiled(snapshot, contact, Mode.CREATE));
    assertThat(schemas.compiled(snapshot, contact, Mode.PATCH, "household"))
        .isSameAs(schemas.compiled(snapshot, contact, Mode.PATCH));
    assertThat(schemas.compiled(snapshot, contact, Mode.CREATE, "household"))
        .isNotSameAs(schemas.compiled(snapshot, contact, Mode.CREATE));
  }

  private static List<String> keys(List<Violation> violations) {
    return violations.stream()
        .map(v -> v.pointer() + " " + v.keyword() + (v.property() == null ? "" : " " + v.property()))
        .toList();
  }
}
