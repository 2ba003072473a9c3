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
 * Quick search, its page, autocomplete and a record's related lists within the record scope: a
 * user with "own" or "own plus shared" finds exactly the records they may open, counts included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopedSearchTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private ApiClient own;
  private ApiClient shared;
  private long sharedUser;

  @BeforeAll
  void fixture() {
    kith.api().post("/api/v1/roles", """
        {"name": "own", "label": "Own", "permissions": {"contact": {"actions": ["view", "create"], "scope": "own"}}}""");
    kith.api().post("/api/v1/roles", """
        {"name": "own_shared", "label": "Own and shared", "permissions": {"contact": {"actions": ["view"], "scope": "own_shared"}}}""");
    own = kith.api(kith.server().userWithToken("owner_one", "own"));
    shared = kith.api(kith.server().userWithToken("sharer", "own_shared"));
    sharedUser = kith.api().get("/api/v1/users").body().get("items").valueStream()
        .filter(u -> u.get("login").asString().equals("sharer")).findFirst().orElseThrow().get("id").asLong();
  }

  @Test
  void quickSearchAndAutocompleteFindExactlyTheRecordsInScopeWithCountsToMatch() {
    long adminsOwn = contact("Quixotic", "Admin");
    long sharedOne = contact("Quixotic", "Shared");
    long givenOne = contact("Quixotic", "Given");
    kith.api().send(org.springframework.http.HttpMethod.PUT, "/api/v1/contact/" + sharedOne + "/shares",
        "{\"users\": [" + sharedUser + "]}");
    kith.api().post("/api/v1/contact/" + givenOne + "/owner", "{\"owner\": " + sharedUser + "}");
    long ownersOwn = own.post("/api/v1/contact", "{\"subtype\": \"individual\", \"first_name\": \"Quixotic\","
        + " \"last_name\": \"Owner\"}").body().get("id").asLong();

    assertThat(found(shared, "/api/v1/search?q=quixotic")).containsExactlyInAnyOrder(sharedOne, givenOne);
    assertThat(found(shared, "/api/v1/contact/autocomplete?q=quixotic")).containsExactlyInAnyOrder(sharedOne, givenOne);
    assertThat(found(own, "/api/v1/search?q=quix")).containsExactly(ownersOwn);
    assertThat(found(own, "/api/v1/contact/autocomplete?q=QUIXOTIC")).containsExactly(ownersOwn);
    assertThat(found(kith.api(), "/api/v1/search?q=quixotic"))
        .containsExactlyInAnyOrder(adminsOwn, sharedOne, givenOne, ownersOwn);
    assertThat(shared.post("/api/v1/contact/search", "{\"filter\": {\"field\": \"first_name\", \"op\": \"eq\","
        + " \"value\": \"Quixotic\"}}").body().get("total").asLong()).as("the list's count agrees").isEqualTo(2);

    var page = kith.anonymousSession().signIn("sharer", "password-of-sharer").get("/app/search?q=quixotic").document();
    assertThat(page.select("main a[href^=/app/contact/]").eachAttr("href"))
        .containsExactlyInAnyOrder("/app/contact/" + sharedOne, "/app/contact/" + givenOne);
    assertThat(page.text()).contains("2 found");
  }

  @Test
  void theListPageShowsMyRecordsOnly() {
    long theirs = own.post("/api/v1/contact", "{\"subtype\": \"individual\", \"first_name\": \"Mineral\","
        + " \"last_name\": \"Theirs\"}").body().get("id").asLong();
    long admins = contact("Mineral", "Admins");
    var session = kith.session();
    var all = session.get("/app/contact").document();
    assertThat(all.select("a.mine").attr("href")).isEqualTo("/app/contact?owner=me");
    assertThat(all.select("input[name=ids]").eachAttr("value")).contains(String.valueOf(theirs), String.valueOf(admins));
    var mine = session.get("/app/contact?owner=me").document();
    assertThat(mine.select("a.mine").text()).isEqualTo("All records");
    List<String> adminOwned = kith.db().query("select id from contact where owner = (select id from kith.app_user"
        + " where login = 'admin') order by id").stream().map(r -> String.valueOf(r.get("id"))).toList();
    assertThat(mine.select("input[name=ids]").eachAttr("value")).containsExactlyInAnyOrderElementsOf(adminOwned)
        .contains(String.valueOf(admins)).doesNotContain(String.valueOf(theirs));
  }

  @Test
  void theRecordPageShowsTheOwnerAndGivesOrSharesTheRecord() {
    long record = contact("Owned", "Record");
    long ownUser = kith.api().get("/api/v1/users").body().get("items").valueStream()
        .filter(u -> u.get("login").asString().equals("owner_one")).findFirst().orElseThrow().get("id").asLong();
    Object adminName = kith.db().query("select name from kith.app_user where login = 'admin'").get(0).get("name");
    var admin = kith.session();
    var page = admin.get("/app/contact/" + record).document();
    assertThat(page.select("section.ownership dd.owner").text()).isEqualTo(adminName);
    assertThat(page.select("section.ownership dd.shared-with").text()).isEqualTo("—");

    var shared = admin.post("/app/contact/" + record + "/shares", List.of(java.util.Map.entry("users", String.valueOf(sharedUser))));
    assertThat(shared.location()).isEqualTo("/app/contact/" + record);
    assertThat(this.shared.get("/api/v1/contact/" + record).status()).as("shared with them now").isEqualTo(200);
    var sharerPage = kith.anonymousSession().signIn("sharer", "password-of-sharer");
    var seen = sharerPage.get("/app/contact/" + record).document();
    assertThat(seen.select("section.ownership dd.shared-with").text()).isEqualTo("sharer");
    assertThat(seen.select("form.change-owner, form.share")).as("no forms without the edit permission").isEmpty();
    assertThat(sharerPage.post("/app/contact/" + record + "/owner", List.of(java.util.Map.entry("owner",
        String.valueOf(sharedUser)))).status()).isEqualTo(403);

    admin.get("/app/contact/" + record);
    var given = admin.post("/app/contact/" + record + "/owner", List.of(java.util.Map.entry("owner", String.valueOf(ownUser))));
    assertThat(given.status()).isEqualTo(303);
    assertThat(kith.api().get("/api/v1/contact/" + record).body().get("owner").asLong()).isEqualTo(ownUser);
    assertThat(own.get("/api/v1/contact/" + record).status()).isEqualTo(200);
    assertThat(kith.api().get("/api/v1/contact/" + record + "/history").body().get("items").valueStream()
        .map(e -> e.get("action").asString())).contains("owner_change", "share");
    assertThat(admin.postWithoutCsrf("/app/contact/" + record + "/owner", List.of(java.util.Map.entry("owner", "1")))
        .status()).as("CSRF").isEqualTo(403);
    assertThat(kith.api().get("/api/v1/contact/" + record).body().get("owner").asLong()).isEqualTo(ownUser);
  }

  @Test
  void quickSearchDoesNotMatchOnAFieldHiddenFromTheCaller() {
    kith.api().post("/api/v1/roles", """
        {"name": "no_emails", "label": "No emails", "permissions": {"contact": {"actions": ["view"],
         "fields": {"emails": "hidden"}}}}""");
    ApiClient blind = kith.api(kith.server().userWithToken("email_blind", "no_emails"));
    long probe = kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "first_name": "Probe", "last_name": "Person",
         "emails": [{"email": "secret.probe@example.org", "location_type": "home", "is_primary": true}]}""")
        .body().get("id").asLong();
    assertThat(found(kith.api(), "/api/v1/search?q=secret.probe")).containsExactly(probe);
    assertThat(found(blind, "/api/v1/search?q=secret.probe")).as("the hidden email is not searched").isEmpty();
    assertThat(found(blind, "/api/v1/contact/autocomplete?q=secret.probe")).isEmpty();
    assertThat(found(blind, "/api/v1/search?q=probe")).as("the name still is").containsExactly(probe);
  }

  private static long contact(String first, String last) {
    return kith.api().post("/api/v1/contact", "{\"subtype\": \"individual\", \"first_name\": \"" + first
        + "\", \"last_name\": \"" + last + "\"}").body().get("id").asLong();
  }

  /** The ids a quick search or autocomplete answer lists (contacts only). */
  private static List<Long> found(ApiClient api, String uri) {
    Response r = api.get(uri);
    assertThat(r.status()).as(uri).isEqualTo(200);
    JsonNode items = r.body().has("items") ? r.body().get("items") : r.body();
    List<Long> out = new ArrayList<>();
    items.forEach(i -> {
      if (!i.has("entity") || i.get("entity").asString().equals("contact")) {
        out.add(i.get("id").asLong());
      }
    });
    return out;
  }

  @Test
  void aRecordsRelatedListsShowOnlyRelatedRecordsInTheViewersScope() {
    kith.api().post("/api/v1/roles", """
        {"name": "own_activities", "label": "Own activities", "permissions": {"contact": {"actions": ["view"]},
         "activity": {"actions": ["view", "create"], "scope": "own"}}}""");
    ApiClient worker = kith.api(kith.server().userWithToken("activity_owner", "own_activities"));
    long client = contact("Related", "Client");
    String activity = "{\"activity_type\": \"meeting\", \"subject\": \"%s\", \"activity_date_time\":"
        + " \"2026-01-02T10:00:00Z\", \"source_contact\": " + client + "}";
    assertThat(kith.api().post("/api/v1/activity", activity.formatted("Admin visit")).status()).isEqualTo(201);
    assertThat(worker.post("/api/v1/activity", activity.formatted("Worker visit")).status()).isEqualTo(201);

    var mine = kith.anonymousSession().signIn("activity_owner", "password-of-activity_owner")
        .get("/app/contact/" + client).document();
    assertThat(mine.select("section.related").text()).contains("Worker visit").doesNotContain("Admin visit");
    var admins = kith.session().get("/app/contact/" + client).document();
    assertThat(admins.select("section.related").text()).contains("Worker visit", "Admin visit");
  }

}
