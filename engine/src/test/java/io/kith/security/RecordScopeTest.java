package io.kith.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Record scope, ownership and sharing, and hidden and read-only fields: a user reaches only their
 * own records (and those shared with them), with counts to match; others' records are "not
 * found"; a hidden field never shows in JSON, pages, export or history; a read-only one cannot
 * be written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordScopeTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private ApiClient own;
  private ApiClient shared;
  private ApiClient hider;
  private long ownUser;
  private long sharedUser;
  private long adminsContact;

  @BeforeAll
  void fixture() {
    kith.api().post("/api/v1/roles", """
        {"name": "own", "label": "Own", "permissions": {"contact": {"actions": ["view", "create", "edit", "deactivate"], "scope": "own"}}}""");
    kith.api().post("/api/v1/roles", """
        {"name": "own_shared", "label": "Own and shared", "permissions": {"contact": {"actions": ["view", "edit"], "scope": "own_shared"}}}""");
    kith.api().post("/api/v1/roles", """
        {"name": "hider", "label": "Hider", "permissions": {"contact": {"actions": ["view", "edit", "export"],
         "fields": {"birth_date": "hidden", "external_identifier": "read_only"}}}}""");
    own = kith.api(kith.server().userWithToken("owner_one", "own"));
    shared = kith.api(kith.server().userWithToken("sharer", "own_shared"));
    hider = kith.api(kith.server().userWithToken("hider", "hider"));
    ownUser = kith.api().get("/api/v1/users").body().get("items").valueStream()
        .filter(u -> u.get("login").asString().equals("owner_one")).findFirst().orElseThrow().get("id").asLong();
    sharedUser = kith.api().get("/api/v1/users").body().get("items").valueStream()
        .filter(u -> u.get("login").asString().equals("sharer")).findFirst().orElseThrow().get("id").asLong();
    adminsContact = kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "first_name": "Scopey", "last_name": "Admin", "birth_date": "1950-02-03",
         "external_identifier": "EXT-1"}""").body().get("id").asLong();
    kith.api().post("/api/v1/contact", "{\"subtype\": \"individual\", \"first_name\": \"Scopey\", \"last_name\": \"Other\"}");
  }

  @Test
  void ownScopeSeesOnlyOwnRecordsWithMatchingCountsAndOthersAreNotFound() {
    Response mine = own.post("/api/v1/contact", "{\"subtype\": \"individual\", \"first_name\": \"Scopey\", \"last_name\": \"Mine\"}");
    assertThat(mine.status()).isEqualTo(201);
    assertThat(mine.body().get("owner").asLong()).isEqualTo(ownUser);
    var created = kith.api().get("/api/v1/contact/" + mine.body().get("id").asLong() + "/history").body().get("items").get(0);
    assertThat(created.get("action").asString()).isEqualTo("create");
    assertThat(created.get("user").get("name").asString()).as("history names the real user").isEqualTo("owner_one");

    Response list = own.get("/api/v1/contact");
    assertThat(list.body().get("total").asLong()).isEqualTo(1);
    assertThat(names(list.body())).containsExactly("Scopey Mine");
    Response search = own.post("/api/v1/contact/search",
        "{\"filter\": {\"field\": \"first_name\", \"op\": \"eq\", \"value\": \"Scopey\"}}");
    assertThat(search.body().get("total").asLong()).isEqualTo(1);
    assertThat(own.get("/api/v1/contact/" + adminsContact).status()).isEqualTo(404);
    assertThat(own.patch("/api/v1/contact/" + adminsContact, "{\"source\": \"x\"}").status()).isEqualTo(404);
    assertThat(own.post("/api/v1/contact/deactivate", "{\"ids\": [" + adminsContact + "]}").body().get("deactivated").asLong())
        .isZero();
    List<String> suggested = new ArrayList<>();
    own.get("/api/v1/contact/autocomplete?q=scopey").body().forEach(i -> suggested.add(i.get("label").asString()));
    assertThat(suggested).containsExactly("Scopey Mine");
    assertThat(own.get("/api/v1/contact?owner=me").body().get("total").asLong()).isEqualTo(1);
    assertThat(kith.api().get("/api/v1/contact?owner=me").body().get("total").asLong()).as("the admin's own")
        .isEqualTo(kith.db().query("select count(*) as n from contact"
            + " where owner = (select id from kith.app_user where login = 'admin')").get(0).get("n"));
  }

  @Test
  void sharingAndOwnerChangesWidenTheScopeAndAreRecordedInHistory() {
    assertThat(shared.get("/api/v1/contact/" + adminsContact).status()).isEqualTo(404);
    Response shares = kith.api().send(org.springframework.http.HttpMethod.PUT, "/api/v1/contact/" + adminsContact + "/shares",
        "{\"users\": [" + sharedUser + "]}");
    assertThat(shares.status()).isEqualTo(200);
    assertThat(shares.body().get("users").get(0).asLong()).isEqualTo(sharedUser);
    assertThat(shared.get("/api/v1/contact/" + adminsContact).status()).isEqualTo(200);
    assertThat(shared.get("/api/v1/contact").body().get("total").asLong()).isEqualTo(1);

    long other = kith.api().post("/api/v1/contact", "{\"subtype\": \"organization\", \"organization_name\": \"Given Ltd\"}")
        .body().get("id").asLong();
    Response moved = kith.api().post("/api/v1/contact/" + other + "/owner", "{\"owner\": " + sharedUser + "}");
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.body().get("owner").asLong()).isEqualTo(sharedUser);
    assertThat(shared.get("/api/v1/contact").body().get("total").asLong()).isEqualTo(2);
    assertThat(kith.api().post("/api/v1/contact/" + other + "/owner", "{\"owner\": 999999}").body()
        .get("errors").get(0).get("code").asString()).isEqualTo("unknown_user");

    List<String> actions = new ArrayList<>();
    kith.api().get("/api/v1/contact/" + other + "/history").body().get("items")
        .forEach(e -> actions.add(e.get("action").asString()));
    assertThat(actions).contains("owner_change");
    List<String> sharedActions = new ArrayList<>();
    kith.api().get("/api/v1/contact/" + adminsContact + "/history").body().get("items")
        .forEach(e -> sharedActions.add(e.get("action").asString()));
    assertThat(sharedActions).contains("share");
  }

  @Test
  void aHiddenFieldNeverShowsAndAReadOnlyOneCannotBeWritten() throws Exception {
    JsonNode record = hider.get("/api/v1/contact/" + adminsContact).body();
    assertThat(record.has("birth_date")).isFalse();
    assertThat(record.get("external_identifier").asString()).isEqualTo("EXT-1");
    hider.get("/api/v1/contact").body().get("items").forEach(i -> assertThat(i.has("birth_date")).isFalse());
    assertThat(hider.post("/api/v1/contact/search",
        "{\"filter\": {\"field\": \"birth_date\", \"op\": \"lt\", \"value\": \"1960-01-01\"}}").status()).isEqualTo(400);
    Response readOnly = hider.patch("/api/v1/contact/" + adminsContact, "{\"external_identifier\": \"EXT-2\", \"birth_date\": null}");
    assertThat(readOnly.status()).isEqualTo(400);
    assertThat(readOnly.body().get("errors").valueStream().map(e -> e.get("field").asString() + ":" + e.get("code").asString()))
        .containsExactlyInAnyOrder("external_identifier:read_only", "birth_date:read_only");

    var session = kith.anonymousSession().signIn("hider", "password-of-hider");
    var page = session.get("/app/contact/" + adminsContact);
    assertThat(page.body()).doesNotContain("1950-02-03").doesNotContain("Birth date");
    var form = session.get("/app/contact/" + adminsContact + "/edit");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.document().select("[name=birth_date]")).as("no input for a hidden field").isEmpty();
    assertThat(form.document().select("[name=first_name]")).isNotEmpty();

    var csv = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(kith.server().baseUrl() + "/api/v1/contact/export"))
        .header("Authorization", "Bearer " + hiderToken()).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"columns\": [\"display_name\"]}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(csv.statusCode()).isEqualTo(200);
    var hidden = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(kith.server().baseUrl() + "/api/v1/contact/export"))
        .header("Authorization", "Bearer " + hiderToken()).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"columns\": [\"display_name\", \"birth_date\"]}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(hidden.statusCode()).isEqualTo(400);
    assertThat(hidden.body()).doesNotContain("1950");

    kith.api().patch("/api/v1/contact/" + adminsContact, "{\"birth_date\": \"1951-03-04\", \"source\": \"Walk-in\"}");
    List<String> fields = new ArrayList<>();
    hider.get("/api/v1/contact/" + adminsContact + "/history").body().get("items")
        .forEach(e -> e.get("changes").forEach(c -> fields.add(c.get("field").asString())));
    assertThat(fields).contains("source").doesNotContain("birth_date");
  }

  @Test
  void aReadOnlyFieldShowsItsValueOnTheFormInsteadOfAnInputAndWritesToItAreRefused() {
    long id = kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "first_name": "Reado", "last_name": "Only", "external_identifier": "EXT-RO"}""")
        .body().get("id").asLong();
    var session = kith.anonymousSession().signIn("hider", "password-of-hider");
    var form = session.get("/app/contact/" + id + "/edit").document();
    assertThat(form.select("[name=external_identifier]")).as("no input for a read-only field").isEmpty();
    assertThat(form.select("#f-external_identifier").text()).as("its value is shown").isEqualTo("EXT-RO");
    assertThat(form.select("#f-external_identifier-label").text()).isEqualTo("External ID");
    assertThat(form.select("input[name=first_name]")).hasSize(1);

    // Saved as a browser sends the form: every input it has, one changed.
    List<java.util.Map.Entry<String, String>> fields = new ArrayList<>();
    ((org.jsoup.nodes.FormElement) form.selectFirst("form.record-form")).formData().stream()
        .filter(kv -> !kv.key().equals("_csrf"))
        .forEach(kv -> fields.add(java.util.Map.entry(kv.key(), kv.key().equals("first_name") ? "Readier" : kv.value())));
    assertThat(fields.stream().map(java.util.Map.Entry::getKey)).doesNotContain("external_identifier");
    var saved = session.post("/app/contact/" + id, fields);
    assertThat(saved.status()).as(saved.body()).isEqualTo(303);
    JsonNode after = kith.api().get("/api/v1/contact/" + id).body();
    assertThat(after.get("first_name").asString()).isEqualTo("Readier");
    assertThat(after.get("external_identifier").asString()).isEqualTo("EXT-RO");

    // A form sent with the read-only field anyway is refused, the field's message beside its value.
    var again = session.get("/app/contact/" + id + "/edit").document();
    List<java.util.Map.Entry<String, String>> tampered = new ArrayList<>();
    ((org.jsoup.nodes.FormElement) again.selectFirst("form.record-form")).formData().stream()
        .filter(kv -> !kv.key().equals("_csrf")).forEach(kv -> tampered.add(java.util.Map.entry(kv.key(), kv.value())));
    tampered.add(java.util.Map.entry("external_identifier", "EXT-HACKED"));
    var refused = session.post("/app/contact/" + id, tampered);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.document().select("#f-external_identifier-error").text()).isEqualTo("External ID cannot be changed.");
    assertThat(refused.document().select("#f-external_identifier").text()).isEqualTo("EXT-RO");
    assertThat(kith.db().query("select external_identifier from contact where id = $1", id).get(0).get("external_identifier"))
        .isEqualTo("EXT-RO");
  }

  private String hiderToken;

  private String hiderToken() {
    if (hiderToken == null) {
      long id = kith.api().get("/api/v1/users").body().get("items").valueStream()
          .filter(u -> u.get("login").asString().equals("hider")).findFirst().orElseThrow().get("id").asLong();
      hiderToken = kith.server().bean(SignIns.class).createToken(id, "export").block().secret();
    }
    return hiderToken;
  }

  private static List<String> names(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("items").forEach(i -> out.add(i.get("display_name").asString()));
    return out;
  }
}
