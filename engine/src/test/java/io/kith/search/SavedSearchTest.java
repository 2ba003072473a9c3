package io.kith.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kith.record.RecordException;
import io.kith.savedsearch.SavedSearch;
import io.kith.savedsearch.SavedSearchDraft;
import io.kith.savedsearch.SavedSearchService;
import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithServer;
import io.kith.testing.MetadataFolders;
import io.kith.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Saved searches: the API round trip (create, list, read, run, change, delete), checks on save,
 * shared versus private visibility at the service level (the HTTP-level check waits for login), and
 * saving, opening, changing and deleting from the advanced search page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SavedSearchTest {

  private static final String QUERY = """
      {"filter": {"and": [{"field": "quantity", "op": "ge", "value": 100}]}, "columns": ["code", "quantity"],
       "sort": ["-quantity"], "size": 5}""";

  private TestDatabase db;
  private KithServer server;
  private ApiClient api;

  @BeforeAll
  void start() {
    db = new TestDatabase();
    server = KithServer.start(db, MetadataFolders.resource("metadata-query"));
    api = server.api();
    for (int i = 1; i <= 8; i++) {
      String body = "{\"subtype\": \"small\", \"code\": \"S-%d\", \"title\": \"Thing %d\", \"quantity\": %d}"
          .formatted(i, i, i * 50);
      assertThat(api.post("/api/v1/item", body).status()).isEqualTo(201);
    }
  }

  @AfterAll
  void stop() {
    server.close();
    db.close();
  }

  private Response create(String name, String query, boolean shared) {
    return api.post("/api/v1/saved-searches",
        "{\"entity\": \"item\", \"name\": \"" + name + "\", \"query\": " + query + ", \"shared\": " + shared + "}");
  }

  @Test
  void apiRoundTripCreateListRunChangeDelete() {
    Response created = create("Big ones", QUERY, true);
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(created.header("Location")).isEqualTo("/api/v1/saved-searches/" + id);
    assertThat(created.body().get("query").get("columns")).hasSize(2);
    assertThat(created.body().get("mine").asBoolean()).isTrue();

    JsonNode list = api.get("/api/v1/saved-searches?entity=item").body().get("items");
    assertThat(list.valueStream().map(s -> s.get("name").asString())).contains("Big ones");
    assertThat(api.get("/api/v1/saved-searches?entity=tag").body().get("items")).isEmpty();
    assertThat(api.get("/api/v1/saved-searches?entity=nope").status()).isEqualTo(404);

    Response run = api.post("/api/v1/saved-searches/" + id + "/run", "");
    assertThat(run.status()).isEqualTo(200);
    assertThat(run.body().get("total").asLong()).isEqualTo(7);
    assertThat(run.body().get("size").asInt()).isEqualTo(5);
    assertThat(run.body().get("items").get(0).get("code").asString()).isEqualTo("S-8");
    assertThat(run.body().get("items").get(0).has("title")).as("only the saved columns").isFalse();
    assertThat(run.body().get("dropped")).isEmpty();
    assertThat(api.post("/api/v1/saved-searches/" + id + "/run?page=2", "").body().get("items")).hasSize(2);

    Response changed = api.send(org.springframework.http.HttpMethod.PUT, "/api/v1/saved-searches/" + id, """
        {"name": "Huge ones", "shared": false, "query": {"filter": {"field": "quantity", "op": "ge", "value": 350}}}""");
    assertThat(changed.status()).as(String.valueOf(changed.body())).isEqualTo(200);
    JsonNode read = api.get("/api/v1/saved-searches/" + id).body();
    assertThat(read.get("name").asString()).isEqualTo("Huge ones");
    assertThat(read.get("shared").asBoolean()).isFalse();
    assertThat(api.post("/api/v1/saved-searches/" + id + "/run", "").body().get("total").asLong()).isEqualTo(2);

    assertThat(api.delete("/api/v1/saved-searches/" + id).status()).isEqualTo(204);
    assertThat(api.get("/api/v1/saved-searches/" + id).status()).isEqualTo(404);
    assertThat(api.post("/api/v1/saved-searches/" + id + "/run", "").status()).isEqualTo(404);
  }

  @Test
  void savingChecksTheQueryAndTheNameNamingEachProblem() {
    Response bad = create("", "{\"filter\": {\"field\": \"nope\", \"op\": \"eq\", \"value\": 1}, \"sort\": [\"zzz\"]}", false);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType().toString()).startsWith("application/problem+json");
    List<String> fields = bad.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    assertThat(fields).containsExactlyInAnyOrder("name", "query.filter.field", "query.sort[0]");
    assertThat(create("x", "[]", false).body().get("errors").get(0).get("field").asString()).isEqualTo("query");

    assertThat(create("Twice", "{}", false).status()).isEqualTo(201);
    Response twice = create("Twice", "{}", false);
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.body().get("errors").get(0).get("code").asString()).isEqualTo("duplicate_name");
    Response wrongEntity = api.post("/api/v1/saved-searches", "{\"entity\": \"ghost\", \"name\": \"G\", \"query\": {}}");
    assertThat(wrongEntity.body().get("errors").get(0).get("code").asString()).isEqualTo("unknown_entity_type");
  }

  @Test
  void privateSearchesAreSeenByTheirOwnerOnlySharedOnesByEverybody() {
    SavedSearchService service = server.bean(SavedSearchService.class);
    JsonNode query = ApiClient.parse(QUERY);
    Optional<Long> alice = Optional.of(1L);
    Optional<Long> bob = Optional.of(2L);
    SavedSearch mine = service.create(new SavedSearchDraft("item", "Alice private", query, false), alice).block();
    SavedSearch shared = service.create(new SavedSearchDraft("item", "Alice shared", query, true), alice).block();
    // Names are unique per owner: Bob may use the same name.
    service.create(new SavedSearchDraft("item", "Alice private", query, false), bob).block();

    assertThat(names(service.list("item", alice).collectList().block())).contains("Alice private", "Alice shared");
    List<String> bobSees = names(service.list("item", bob).collectList().block());
    assertThat(bobSees).contains("Alice shared").containsOnlyOnce("Alice private");
    assertThat(service.list("item", bob).filter(s -> s.id() == mine.id()).collectList().block()).isEmpty();
    assertThat(names(service.list("item", Optional.empty()).collectList().block())).contains("Alice shared")
        .doesNotContain("Alice private");

    assertThat(service.get(mine.id(), alice).block().name()).isEqualTo("Alice private");
    assertThat(catchThrowable(() -> service.get(mine.id(), bob).block()))
        .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.NOT_FOUND));
    assertThat(service.open(shared.id(), bob).block().query().query().filter()).isNotNull();
    assertThat(catchThrowable(() -> service.update(shared.id(),
        new SavedSearchDraft("item", "Bob's now", query, true), bob).block()))
        .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.FORBIDDEN));
    assertThat(catchThrowable(() -> service.delete(shared.id(), bob).block())).isInstanceOf(RecordException.class);
    service.delete(shared.id(), alice).block();
    assertThat(names(service.list("item", bob).collectList().block())).doesNotContain("Alice shared");
  }

  private static List<String> names(List<SavedSearch> searches) {
    return searches.stream().map(SavedSearch::name).toList();
  }

  @Test
  void pageSavesOpensChangesAndDeletesASearch() {
    HtmlSession session = server.session();
    Page results = session.get("/app/item/search?match=and&c0.field=quantity&c0.op=gt&c0.value=300&col=code&sort=code");
    Element save = results.document().selectFirst("form.save-search");
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    save.select("input[type=hidden]").forEach(i -> {
      if (!i.attr("name").equals("_csrf")) {
        fields.add(Map.entry(i.attr("name"), i.attr("value")));
      }
    });
    assertThat(session.postWithoutCsrf("/app/item/search/save", fields).status()).isEqualTo(403);
    List<Map.Entry<String, String>> named = new ArrayList<>(fields);
    named.add(Map.entry("name", "Over 300"));
    named.add(Map.entry("shared", "true"));
    named.add(Map.entry("save_as", "new"));
    Page saved = session.post("/app/item/search/save", named);
    assertThat(saved.status()).isEqualTo(303);
    assertThat(saved.location()).matches("/app/item/search\\?saved=\\d+&saved_notice=1");
    long id = Long.parseLong(saved.location().replaceAll("^.*saved=(\\d+).*$", "$1"));
    JsonNode stored = api.get("/api/v1/saved-searches/" + id).body();
    assertThat(stored.get("shared").asBoolean()).isTrue();
    assertThat(stored.get("query").get("filter").toString()).contains("\"quantity\"").contains("300");

    Page opened = session.get(saved.location());
    assertThat(opened.document().selectFirst("p.notice").text()).isEqualTo("The search was saved.");
    assertThat(opened.document().selectFirst(".saved-current").text()).contains("Over 300");
    assertThat(opened.document().selectFirst(".condition[data-key=c0] .field-select option[selected]").attr("value"))
        .isEqualTo("quantity");
    assertThat(opened.document().selectFirst("input[name=c0.value]").attr("value")).isEqualTo("300");
    assertThat(opened.document().select("table.records tbody tr td:nth-child(2)").eachText())
        .containsExactly("S-7", "S-8");
    assertThat(opened.document().selectFirst(".saved-searches li[aria-current] a").text()).isEqualTo("Over 300");

    // Change the condition on the page and save the changes into the same saved search.
    Page edited = session.get("/app/item/search?saved=" + id + "&match=and&c0.field=quantity&c0.op=gt&c0.value=100&col=code");
    List<Map.Entry<String, String>> update = new ArrayList<>();
    edited.document().select("form.save-search input[type=hidden]").forEach(i -> {
      if (!i.attr("name").equals("_csrf")) {
        update.add(Map.entry(i.attr("name"), i.attr("value")));
      }
    });
    assertThat(edited.document().select("form.save-search button[value=update]")).hasSize(1);
    update.add(Map.entry("name", "Over 100"));
    update.add(Map.entry("save_as", "update"));
    Page updated = session.post("/app/item/search/save", update);
    assertThat(updated.location()).startsWith("/app/item/search?saved=" + id + "&");
    JsonNode changed = api.get("/api/v1/saved-searches/" + id).body();
    assertThat(changed.get("name").asString()).isEqualTo("Over 100");
    assertThat(changed.get("shared").asBoolean()).isFalse();
    assertThat(api.post("/api/v1/saved-searches/" + id + "/run", "").body().get("total").asLong()).isEqualTo(6);

    // A name already used comes back beside the save form.
    create("Taken", "{}", false);
    List<Map.Entry<String, String>> clash = new ArrayList<>(fields);
    clash.add(Map.entry("name", "Taken"));
    clash.add(Map.entry("save_as", "new"));
    Page refused = session.post("/app/item/search/save", clash);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.document().selectFirst("form.save-search .error").text()).contains("already have a saved search");

    Page list = session.get("/app/item/search?saved=" + id);
    Element delete = list.document().select(".saved-searches li").stream()
        .filter(li -> li.selectFirst("a").text().equals("Over 100")).findFirst().orElseThrow()
        .selectFirst("form.delete-saved");
    Page deleted = session.post(delete.attr("action"), List.of());
    assertThat(deleted.status()).isEqualTo(303);
    assertThat(api.get("/api/v1/saved-searches/" + id).status()).isEqualTo(404);
    assertThat(session.get(deleted.location()).document().selectFirst("p.notice").text())
        .isEqualTo("The saved search was deleted.");
  }

  @Test
  void aSearchTheFormCannotShowStillRunsFromItsLink() {
    long id = create("Deep", """
        {"filter": {"or": [{"and": [{"or": [{"field": "quantity", "op": "eq", "value": 50},
                                           {"field": "quantity", "op": "eq", "value": 100}]}]}]},
         "columns": ["code"], "sort": ["code"]}""", false).body().get("id").asLong();
    Page page = server.session().get("/app/item/search?saved=" + id);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.document().selectFirst(".form-errors").text()).contains("more complex than this form");
    assertThat(page.document().select("table.records tbody tr td:nth-child(2)").eachText()).containsExactly("S-1", "S-2");
    assertThat(server.session().get("/app/item/search?saved=999999").status()).isEqualTo(404);
  }
}
