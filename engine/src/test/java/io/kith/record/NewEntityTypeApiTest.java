package io.kith.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * An entity type declared only in a test metadata pack ({@code metadata-volunteer}: volunteer_shift
 * with a reference to contact, an option list of its own and a {@code slots} collection) gets a
 * table, a JSON Schema and the whole record API with no Java change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewEntityTypeApiTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.withMetadata("/metadata-volunteer");

  private static final String SHIFTS = "/api/v1/volunteer_shift";

  private long volunteer;

  @BeforeAll
  void start() {
    volunteer = newContact("Mei", "Chan");
  }


  @Test
  void createsTableWithTypedColumnsFromMetadata() {
    assertThat(columnTypes("volunteer_shift")).containsAllEntriesOf(Map.of(
        "title", "character varying(100)",
        "volunteer", "bigint",
        "role", "character varying(64)",
        "shift_date", "date",
        "starts_at", "timestamp with time zone",
        "hours", "bigint",
        "confirmed", "boolean",
        "notes", "text"));
    assertThat(columnTypes("volunteer_shift"))
        .containsKeys("id", "version", "created_at", "updated_at", "active");
    assertThat(columnTypes("volunteer_shift__slots")).containsAllEntriesOf(Map.of(
        "parent_id", "bigint",
        "position", "integer",
        "station", "character varying(64)",
        "capacity", "bigint",
        "starts_at", "timestamp with time zone",
        "filled", "boolean"));
    List<Map<String, Object>> keys = kith.db().query("""
        select confrelid::regclass::text as target from pg_constraint
         where conrelid = 'public.volunteer_shift'::regclass and contype = 'f'""");
    assertThat(keys).extracting(k -> k.get("target")).containsExactly("contact");
  }

  @Test
  void listsNewEntityTypeAmongEntities() {
    Response entities = kith.api().get("/api/v1/meta/entities");

    assertThat(entities.status()).isEqualTo(200);
    assertThat(entities.body().get("items").findValuesAsString("name"))
        .contains("contact", "volunteer_shift");
  }

  @Test
  void publishesJsonSchemaOfNewEntityType() {
    Response response = kith.api().get("/api/v1/meta/entities/volunteer_shift/schema");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType().toString()).startsWith("application/schema+json");
    JsonNode schema = response.body();
    JsonNode properties = schema.get("properties");
    assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
    assertThat(strings(schema.get("required"))).containsExactlyInAnyOrder("title", "volunteer", "shift_date");
    assertThat(properties.get("title").get("type").asString()).isEqualTo("string");
    assertThat(properties.get("title").get("maxLength").asInt()).isEqualTo(100);
    assertThat(strings(properties.get("role").get("enum"))).containsExactly("helper", "driver", "lead", "escort");
    assertThat(properties.get("hours").get("type").asString()).isEqualTo("integer");
    assertThat(properties.get("confirmed").get("type").asString()).isEqualTo("boolean");
    JsonNode slot = properties.get("slots").get("items");
    assertThat(properties.get("slots").get("type").asString()).isEqualTo("array");
    assertThat(slot.get("properties").propertyNames()).containsExactly("station", "capacity", "starts_at", "filled");
    assertThat(strings(slot.get("required"))).containsExactly("station");
  }

  @Test
  void createReturnsLocationFirstVersionDefaultsAndInlineSlots() {
    Response created = kith.api().post(SHIFTS, """
        {"title": "Morning meals", "volunteer": %d, "shift_date": "2025-03-01",
         "starts_at": "2025-03-01T09:00:00+08:00", "hours": 3, "confirmed": true,
         "notes": "Bring gloves",
         "slots": [{"station": "Kitchen", "capacity": 2, "filled": false},
                   {"station": "Delivery", "starts_at": "2025-03-01T11:30:00+08:00"}]}
        """.formatted(volunteer));

    assertThat(created.status()).isEqualTo(201);
    JsonNode shift = created.body();
    long id = shift.get("id").asLong();
    assertThat(created.header("Location")).isEqualTo(SHIFTS + "/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(shift.get("version").asInt()).isEqualTo(1);
    assertThat(shift.get("active").asBoolean()).isTrue();
    assertThat(shift.get("title").asString()).isEqualTo("Morning meals");
    assertThat(shift.get("volunteer").asLong()).isEqualTo(volunteer);
    assertThat(shift.get("role").asString()).as("metadata default").isEqualTo("helper");
    assertThat(shift.get("shift_date").asString()).isEqualTo("2025-03-01");
    assertThat(instant(shift.get("starts_at"))).isEqualTo(OffsetDateTime.parse("2025-03-01T09:00:00+08:00"));
    assertThat(shift.get("hours").asLong()).isEqualTo(3);
    assertThat(shift.get("confirmed").asBoolean()).isTrue();
    assertThat(stations(shift)).containsExactly("Kitchen", "Delivery");
    assertThat(shift.get("slots").get(0).get("capacity").asLong()).isEqualTo(2);
    assertThat(shift.get("slots").get(1).get("filled").asBoolean()).as("boolean default").isFalse();
    assertThat(instant(shift.get("slots").get(1).get("starts_at")))
        .isEqualTo(OffsetDateTime.parse("2025-03-01T11:30:00+08:00"));

    Map<String, Object> row = kith.db().query("select title, role, hours from volunteer_shift where id = $1", id).get(0);
    assertThat(row).containsEntry("title", "Morning meals").containsEntry("role", "helper").containsEntry("hours", 3L);
    assertThat(kith.db().query("select station from volunteer_shift__slots where parent_id = $1 order by position", id))
        .extracting(r -> r.get("station")).containsExactly("Kitchen", "Delivery");
  }

  @Test
  void readReturnsRecordWithEtagAndSlots() {
    long id = newShift("Afternoon tea", "2025-03-02", "driver", "Hall", "Door");

    Response read = kith.api().get(SHIFTS + "/" + id);

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"1\"");
    assertThat(read.body().get("id").asLong()).isEqualTo(id);
    assertThat(read.body().get("role").asString()).isEqualTo("driver");
    assertThat(stations(read.body())).containsExactly("Hall", "Door");
  }

  @Test
  void listPagesSortsAndFilters() {
    long mine = newContact("Siu", "Ming");
    long first = newShift(mine, "Shift A", "2025-04-01", "driver");
    long second = newShift(mine, "Shift B", "2025-04-02", "helper");
    long third = newShift(mine, "Shift C", "2025-04-03", "driver");

    Response page1 = kith.api().get(SHIFTS + "?page=1&size=2&sort=-created_at&volunteer=" + mine);
    Response page2 = kith.api().get(SHIFTS + "?page=2&size=2&sort=-created_at&volunteer=" + mine);
    Response drivers = kith.api().get(SHIFTS + "?page=1&size=20&sort=shift_date&role=driver&volunteer=" + mine);

    assertThat(page1.status()).isEqualTo(200);
    assertThat(page1.body().get("page").asInt()).isEqualTo(1);
    assertThat(page1.body().get("size").asInt()).isEqualTo(2);
    assertThat(page1.body().get("total").asLong()).isEqualTo(3);
    assertThat(page1.body().get("pages").asInt()).isEqualTo(2);
    assertThat(ids(page1.body())).containsExactly(third, second);
    assertThat(ids(page2.body())).containsExactly(first);
    assertThat(drivers.body().get("total").asLong()).isEqualTo(2);
    assertThat(ids(drivers.body())).containsExactly(first, third);
    assertThat(drivers.body().get("items").get(0).get("slots").isArray()).as("slots inline in lists").isTrue();
  }

  @Test
  void filtersByDateBooleanAndReference() {
    long mine = newContact("Filter", "Person");
    long confirmed = newShift(mine, "Confirmed", "2025-06-01", "helper");
    newShift(mine, "Unconfirmed", "2025-06-01", "helper");
    newShift(mine, "Other day", "2025-06-02", "helper");
    assertThat(kith.api().patch(SHIFTS + "/" + confirmed, "{\"confirmed\": true}").status()).isEqualTo(200);

    Response byDate = kith.api().get(SHIFTS + "?shift_date=2025-06-01&volunteer=" + mine);
    Response byDateAndFlag = kith.api().get(SHIFTS + "?shift_date=2025-06-01&confirmed=true&volunteer=" + mine);

    assertThat(byDate.body().get("total").asLong()).isEqualTo(2);
    assertThat(ids(byDateAndFlag.body())).containsExactly(confirmed);
  }

  @Test
  void referencedContactCannotBeDeleted() {
    long mine = newContact("Still", "Referenced");
    long shift = newShift(mine, "Keeps a reference", "2025-07-01", "helper");

    Response refused = kith.api().delete("/api/v1/contact/" + mine);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().get("type").asString()).endsWith("/referenced");
    assertThat(kith.db().query("select 1 from contact where id = $1", mine)).hasSize(1);
    assertThat(kith.db().query("select volunteer from volunteer_shift where id = $1", shift).get(0))
        .containsEntry("volunteer", mine);
  }

  @Test
  void patchChangesOnlySentFieldsAndBumpsVersion() {
    long id = newShift("Evening round", "2025-03-03", "lead", "Lobby");

    Response patched = kith.api().patch(SHIFTS + "/" + id, "{\"hours\": 5, \"notes\": \"Late finish\"}");

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.header("ETag")).isEqualTo("\"2\"");
    JsonNode shift = patched.body();
    assertThat(shift.get("version").asInt()).isEqualTo(2);
    assertThat(shift.get("hours").asLong()).isEqualTo(5);
    assertThat(shift.get("notes").asString()).isEqualTo("Late finish");
    assertThat(shift.get("title").asString()).isEqualTo("Evening round");
    assertThat(shift.get("role").asString()).isEqualTo("lead");
    assertThat(shift.get("shift_date").asString()).isEqualTo("2025-03-03");
    assertThat(stations(shift)).as("slots not sent, so kept").containsExactly("Lobby");
    Map<String, Object> row = kith.db().query(
        "select version, title, hours, notes from volunteer_shift where id = $1", id).get(0);
    assertThat(row).containsEntry("version", 2).containsEntry("title", "Evening round")
        .containsEntry("hours", 5L).containsEntry("notes", "Late finish");
  }

  @Test
  void patchReplacesCollectionRows() {
    long id = newShift("Garden day", "2025-03-04", "helper", "Weeding", "Watering");

    Response patched = kith.api().patch(SHIFTS + "/" + id,
        "{\"slots\": [{\"station\": \"Planting\", \"capacity\": 4}]}");

    assertThat(patched.status()).isEqualTo(200);
    assertThat(stations(patched.body())).containsExactly("Planting");
    assertThat(patched.body().get("slots").get(0).get("capacity").asLong()).isEqualTo(4);
    assertThat(kith.db().query("select station from volunteer_shift__slots where parent_id = $1", id))
        .extracting(r -> r.get("station")).containsExactly("Planting");

    Response emptied = kith.api().patch(SHIFTS + "/" + id, "{\"slots\": []}");

    assertThat(emptied.body().get("slots").isEmpty()).isTrue();
    assertThat(kith.db().query("select 1 from volunteer_shift__slots where parent_id = $1", id)).isEmpty();
  }

  @Test
  void deactivatedRecordRefusesChangesUntilReactivated() {
    long id = newShift("Night watch", "2025-03-05", "helper");

    Response deactivated = kith.api().post(SHIFTS + "/" + id + "/deactivate", null);
    Response refused = kith.api().patch(SHIFTS + "/" + id, "{\"hours\": 1}");

    assertThat(deactivated.status()).isEqualTo(200);
    assertThat(deactivated.body().get("active").asBoolean()).isFalse();
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType().toString()).startsWith("application/problem+json");
    assertThat(kith.db().query("select active, hours from volunteer_shift where id = $1", id).get(0))
        .containsEntry("active", false).containsEntry("hours", null);

    Response reactivated = kith.api().post(SHIFTS + "/" + id + "/reactivate", null);
    Response accepted = kith.api().patch(SHIFTS + "/" + id, "{\"hours\": 1}");

    assertThat(reactivated.status()).isEqualTo(200);
    assertThat(reactivated.body().get("active").asBoolean()).isTrue();
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.body().get("hours").asLong()).isEqualTo(1);
  }

  @Test
  void bulkDeactivateDeactivatesEveryListedRecord() {
    long mine = newContact("Bulk", "Person");
    long a = newShift(mine, "Bulk A", "2025-05-01", "helper");
    long b = newShift(mine, "Bulk B", "2025-05-02", "helper");
    long untouched = newShift(mine, "Bulk C", "2025-05-03", "helper");

    Response bulk = kith.api().post(SHIFTS + "/deactivate", "{\"ids\": [%d, %d]}".formatted(a, b));

    assertThat(bulk.status()).isEqualTo(200);
    assertThat(bulk.body().get("deactivated").asLong()).isEqualTo(2);
    assertThat(kith.db().query("select id, active from volunteer_shift where volunteer = $1 order by id", mine))
        .extracting(r -> r.get("active")).containsExactly(false, false, true);
    assertThat(ids(kith.api().get(SHIFTS + "?active=false&volunteer=" + mine).body())).containsExactlyInAnyOrder(a, b);
    assertThat(ids(kith.api().get(SHIFTS + "?active=true&volunteer=" + mine).body())).containsExactly(untouched);
  }

  @Test
  void hardDeleteRemovesRecordAndItsSlots() {
    long id = newShift("To be deleted", "2025-03-06", "helper", "Somewhere");

    Response deleted = kith.api().delete(SHIFTS + "/" + id);
    Response after = kith.api().get(SHIFTS + "/" + id);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(after.status()).isEqualTo(404);
    assertThat(after.contentType().toString()).startsWith("application/problem+json");
    assertThat(kith.db().query("select 1 from volunteer_shift where id = $1", id)).isEmpty();
    assertThat(kith.db().query("select 1 from volunteer_shift__slots where parent_id = $1", id)).isEmpty();
    assertThat(kith.api().delete(SHIFTS + "/" + id).status()).isEqualTo(404);
  }

  private long newContact(String first, String last) {
    Response created = kith.api().post("/api/v1/contact",
        "{\"subtype\": \"individual\", \"first_name\": \"%s\", \"last_name\": \"%s\"}".formatted(first, last));
    assertThat(created.status()).as("contact created: %s", created.body()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private long newShift(String title, String date, String role, String... stations) {
    return newShift(volunteer, title, date, role, stations);
  }

  private long newShift(long contact, String title, String date, String role, String... stations) {
    StringBuilder slots = new StringBuilder();
    for (String station : stations) {
      slots.append(slots.length() == 0 ? "" : ", ").append("{\"station\": \"").append(station).append("\"}");
    }
    Response created = kith.api().post(SHIFTS, """
        {"title": "%s", "volunteer": %d, "shift_date": "%s", "role": "%s", "slots": [%s]}
        """.formatted(title, contact, date, role, slots));
    assertThat(created.status()).as("shift created: %s", created.body()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private Map<String, String> columnTypes(String table) {
    Map<String, String> out = new LinkedHashMap<>();
    kith.db().query("""
        select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
          from pg_attribute a where a.attrelid = ('public.' || $1)::regclass
           and a.attnum > 0 and not a.attisdropped""", table)
        .forEach(r -> out.put((String) r.get("name"), (String) r.get("type")));
    return out;
  }

  private static List<String> stations(JsonNode record) {
    return record.get("slots").findValuesAsString("station");
  }

  private static List<Long> ids(JsonNode page) {
    List<Long> out = new ArrayList<>();
    page.get("items").forEach(item -> out.add(item.get("id").asLong()));
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  private static OffsetDateTime instant(JsonNode value) {
    return OffsetDateTime.parse(value.asString());
  }
}
