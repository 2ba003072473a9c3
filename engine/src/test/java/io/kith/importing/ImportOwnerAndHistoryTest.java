package io.kith.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataRegistry;
import io.kith.testing.ApiClient;
import io.kith.testing.Imports;
import io.kith.testing.KithExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Imported records belong to the user who started the import (stored on the job): they own and
 * created them, and each record has one history entry naming that user, written with the batch:
 * {@code create} with the fields the row gave, {@code update} with each changed field's old and
 * new value. The email duplicate key is served by its {@code lower(email)} index.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportOwnerAndHistoryTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final String PROFILE = """
      {"name": "owned", "entity": "contact", "subtype": "individual",
       "columns": [{"column": "First", "field": "first_name"}, {"column": "Last", "field": "last_name"},
                   {"column": "Email", "field": "emails.email"}, {"column": "Source", "field": "source"}],
       "duplicates": {"mode": "%s", "key": ["emails.email"]}}""";

  private ApiClient staff;
  private long staffId;

  @BeforeAll
  void staffUser() {
    String token = kith.server().userWithToken("importer", "staff");
    staff = new ApiClient(kith.server().client().mutate().defaultHeader("Authorization", "Bearer " + token).build());
    staffId = (Long) kith.db().query("select id from kith.app_user where login = 'importer'").get(0).get("id");
  }

  @Test
  void importedRecordsAreOwnedByTheImporterWithACreateEntryEach() {
    JsonNode done = new Imports(staff).run(Imports.csv(StandardCharsets.UTF_8, false, "First,Last,Email,Source",
        "Mei,Chan,mei@owned.example.com,fair", "Bob,Ng,bob@owned.example.com,"), PROFILE.formatted("skip"));

    assertThat(done.get("created").asInt()).isEqualTo(2);
    assertThat(kith.db().query("select user_id from kith.import_job where id = $1", done.get("id").asLong()).get(0))
        .containsEntry("user_id", staffId);
    List<Map<String, Object>> contacts = contacts("owned.example.com");
    assertThat(contacts).hasSize(2).allSatisfy(c -> assertThat(c)
        .containsEntry("owner", staffId).containsEntry("created_by", staffId).containsEntry("updated_by", staffId));

    long mei = (Long) contacts.get(0).get("id");
    JsonNode history = staff.get("/api/v1/contact/" + mei + "/history").body();
    assertThat(history.get("total").asInt()).isEqualTo(1);
    JsonNode entry = history.get("items").get(0);
    assertThat(entry.get("action").asString()).isEqualTo("create");
    assertThat(entry.get("user").get("id").asLong()).isEqualTo(staffId);
    Map<String, JsonNode> changes = changes(entry);
    assertThat(changes.get("first_name").get("new").asString()).isEqualTo("Mei");
    assertThat(changes.get("source").get("new").asString()).isEqualTo("fair");
    assertThat(changes.get("emails").get("new").get(0).get("email").asString()).isEqualTo("mei@owned.example.com");
    assertThat(changes).doesNotContainKeys("display_name", "owner", "version");
    long bob = (Long) contacts.get(1).get("id");
    assertThat(kith.db().query("select action, user_id from kith.record_history where entity = 'contact' "
        + "and record_id = $1", bob)).containsExactly(Map.of("action", "create", "user_id", staffId));
    // The second entry of the batch holds its own record's changes only, stored as one JSON array.
    Map<String, JsonNode> bobs = changes(staff.get("/api/v1/contact/" + bob + "/history").body().get("items").get(0));
    assertThat(bobs.get("first_name").get("new").asString()).isEqualTo("Bob");
    assertThat(bobs.get("first_name").get("old").isNull()).isTrue();
    assertThat(bobs).doesNotContainKey("source");
    assertThat(kith.db().query("select jsonb_typeof(changes) as kind from kith.record_history where entity = 'contact' "
        + "and record_id = $1", bob)).containsExactly(Map.of("kind", "array"));
  }

  @Test
  void updateModeRecordsEachChangedFieldWithOldAndNewValues() {
    new Imports(staff).run(Imports.csv(StandardCharsets.UTF_8, false, "First,Last,Email,Source",
        "Ann,Lee,ann@update.example.com,fair", "Kit,Ho,kit@update.example.com,fair"), PROFILE.formatted("skip"));

    JsonNode done = new Imports(kith.api()).run(Imports.csv(StandardCharsets.UTF_8, false, "First,Last,Email,Source",
        "Ann,Lee-Wong,ANN@update.example.com,web", "Kit,Ho,kit@update.example.com,fair"), PROFILE.formatted("update"));

    // Update mode overwrites what the row fills; Kit's row changes nothing, so Kit gets no entry (as a PATCH).
    assertThat(done.get("updated").asInt()).isEqualTo(2);
    long admin = (Long) kith.db().query("select id from kith.app_user where login = 'admin'").get(0).get("id");
    List<Map<String, Object>> contacts = contacts("update.example.com");
    long ann = (Long) contacts.get(0).get("id");
    assertThat(contacts.get(0)).containsEntry("owner", staffId).containsEntry("updated_by", admin);
    JsonNode latest = kith.api().get("/api/v1/contact/" + ann + "/history").body().get("items").get(0);
    assertThat(latest.get("action").asString()).isEqualTo("update");
    assertThat(latest.get("user").get("id").asLong()).isEqualTo(admin);
    Map<String, JsonNode> changes = changes(latest);
    assertThat(changes).containsOnlyKeys("last_name", "source");
    assertThat(changes.get("last_name").get("old").asString()).isEqualTo("Lee");
    assertThat(changes.get("last_name").get("new").asString()).isEqualTo("Lee-Wong");
    assertThat(changes.get("source").get("old").asString()).isEqualTo("fair");
    assertThat(changes.get("source").get("new").asString()).isEqualTo("web");
    long kit = (Long) contacts.get(1).get("id");
    assertThat(kith.db().query("select action from kith.record_history where entity = 'contact' and record_id = $1",
        kit)).containsExactly(Map.of("action", "create"));
  }

  @Test
  void theEmailKeyLookUpProbesTheLowerEmailIndexForEveryKeyOfABatch() {
    kith.db().execute("insert into contact (subtype, first_name) select 'individual', 'Bulk' || g "
        + "from generate_series(1, 20000) g");
    kith.db().execute("insert into contact__emails (parent_id, position, email) select id, 0, 'bulk' || substr(first_name, 5) "
        + "|| '@index.example.com' from contact where first_name like 'Bulk%'");
    kith.db().execute("analyze contact");
    kith.db().execute("analyze contact__emails");
    EntityDef contact = kith.server().bean(MetadataRegistry.class).snapshot().entity("contact").orElseThrow();
    String sql = Lookups.keySql(contact, List.of(FieldPath.parse("emails.email")), List.of(false));
    // A batch's worth of keys: joined flat, the planner would hash all 20,000 emails for them.
    String[] batch = IntStream.range(0, 2000).mapToObj(i -> "bulk" + i + "@index.example.com").toArray(String[]::new);

    String plan = kith.db().query("explain " + sql, (Object) batch)
        .stream().map(r -> String.valueOf(r.get("QUERY PLAN"))).collect(Collectors.joining("\n"));
    List<Map<String, Object>> found = kith.db().query(sql, (Object) new String[] {"bulk7@index.example.com", "x@y.z"});

    assertThat(plan).contains("contact__emails__email__lower_idx").doesNotContain("Seq Scan");
    assertThat(found).singleElement().satisfies(row -> assertThat(row).containsEntry("v0", "bulk7@index.example.com"));
  }

  @Test
  void aKeyWithoutAnIndexIsLookedUpWithOneScanPerBatchNotOnePerKey() {
    kith.db().execute("insert into contact (subtype, first_name) select 'individual', 'Scan' || g "
        + "from generate_series(1, 5000) g");
    kith.db().execute("analyze contact");
    EntityDef contact = kith.server().bean(MetadataRegistry.class).snapshot().entity("contact").orElseThrow();
    String sql = Lookups.keySql(contact, List.of(FieldPath.parse("first_name")), List.of(false));
    String[] batch = IntStream.range(0, 500).mapToObj(i -> "scan" + i).toArray(String[]::new);

    List<String> plan = kith.db().query("explain (analyze, costs off) " + sql, (Object) batch)
        .stream().map(r -> String.valueOf(r.get("QUERY PLAN"))).toList();
    List<Map<String, Object>> found = kith.db().query(sql, (Object) new String[] {"scan7", "nobody"});

    assertThat(plan).filteredOn(line -> line.contains("Seq Scan on contact"))
        .singleElement().satisfies(line -> assertThat(line).contains("loops=1)"));
    assertThat(found).singleElement().satisfies(row -> assertThat(row).containsEntry("v0", "scan7"));
  }

  private static Map<String, JsonNode> changes(JsonNode entry) {
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    entry.get("changes").forEach(c -> out.put(c.get("field").asString(), c));
    return out;
  }

  private static List<Map<String, Object>> contacts(String domain) {
    return kith.db().query("select c.id, c.owner, c.created_by, c.updated_by from contact c join contact__emails e "
        + "on e.parent_id = c.id where lower(e.email) like $1 order by c.id", "%@" + domain);
  }
}
