package io.kith.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.HtmlSession;
import io.kith.testing.Imports;
import io.kith.testing.KithExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Roles × entity types × actions × channels: for each role and entity type, each action is
 * asserted allowed or refused in the API, the pages (what they offer and what they accept when
 * posted directly), quick search, autocomplete, import and export, and the channels agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  /** What the test needs to know about each entity type: how to make a record, search it, import it. */
  private record Kind(String json, String form, String newForm, String patch, String term, String csv,
      String profile, String nameField) {}

  private static final Map<String, Kind> KINDS = Map.of(
      "contact", new Kind("{\"subtype\": \"organization\", \"organization_name\": \"%s\"}",
          "subtype=organization&organization_name=%s", "/app/contact/new?subtype=organization",
          "{\"source\": \"x\"}", "matrixa",
          "Organization Name\nImported Org\n", "{\"name\": \"suggested\", \"entity\": \"contact\", \"subtype\": \"organization\"}",
          "organization_name"),
      "activity", new Kind("{\"activity_type\": \"meeting\", \"subject\": \"%s\", \"activity_date_time\": \"2026-01-02T10:00:00Z\"}",
          "activity_type=meeting&subject=%s&activity_date_time=2026-01-02T10:00", "/app/activity/new",
          "{\"duration\": 5}", "matrixa",
          "Subject,Activity Type,Date and time\nImported call,meeting,2026-01-02T10:00\n",
          "{\"name\": \"suggested\", \"entity\": \"activity\"}", "subject"));

  private final Map<String, String> tokens = new java.util.HashMap<>();

  @BeforeAll
  void rolesUsersAndRecords() {
    role("viewer", "{\"*\": {\"actions\": [\"view\"]}}");
    role("editor", "{\"contact\": {\"actions\": [\"view\", \"create\", \"edit\"]}, \"activity\": {\"actions\": [\"view\"]}}");
    role("exporter", "{\"contact\": {\"actions\": [\"view\", \"export\"]}}");
    role("remover", "{\"contact\": {\"actions\": [\"view\", \"deactivate\", \"delete\"]}}");
    role("importer", "{\"*\": {\"actions\": [\"view\", \"create\", \"import\"]}}");
    role("activities_only", "{\"activity\": {\"actions\": [\"view\", \"create\", \"edit\", \"deactivate\"]}}");
    for (String r : List.of("viewer", "editor", "exporter", "remover", "importer", "activities_only")) {
      tokens.put(r, kith.server().userWithToken("u_" + r, r));
    }
    for (String entity : KINDS.keySet()) {
      create(kith.api(), entity, "Matrixa " + entity);
    }
  }

  private static void role(String name, String permissions) {
    Response r = kith.api().post("/api/v1/roles",
        "{\"name\": \"" + name + "\", \"label\": \"" + name + "\", \"permissions\": " + permissions + "}");
    assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
  }

  @ParameterizedTest(name = "{0} on {1}: view={2} create={3} edit={4} deactivate={5} delete={6} export={7} import={8}")
  @CsvSource(textBlock = """
      viewer,          contact,  true,  false, false, false, false, false, false
      viewer,          activity, true,  false, false, false, false, false, false
      editor,          contact,  true,  true,  true,  false, false, false, false
      editor,          activity, true,  false, false, false, false, false, false
      exporter,        contact,  true,  false, false, false, false, true,  false
      exporter,        activity, false, false, false, false, false, false, false
      remover,         contact,  true,  false, false, true,  true,  false, false
      importer,        contact,  true,  true,  false, false, false, false, true
      importer,        activity, true,  true,  false, false, false, false, true
      activities_only, contact,  false, false, false, false, false, false, false
      activities_only, activity, true,  true,  true,  true,  false, false, false
      """)
  void everyChannelAgrees(String role, String entity, boolean view, boolean create, boolean edit,
      boolean deactivate, boolean delete, boolean export, boolean importing) throws Exception {
    Kind kind = KINDS.get(entity);
    ApiClient api = kith.api(tokens.get(role));
    HtmlSession pages = kith.anonymousSession().signIn("u_" + role, "password-of-u_" + role);
    String base = "/api/v1/" + entity;
    String app = "/app/" + entity;
    long sample = create(kith.api(), entity, "Sample " + role);
    long target = create(kith.api(), entity, "Target " + role);
    long pageTarget = create(kith.api(), entity, "Page target " + role);

    // view: API list, record, search; pages; quick search; autocomplete; the menu
    assertThat(allowed(api.get(base).status())).as("API list").isEqualTo(view);
    assertThat(allowed(api.get(base + "/" + sample).status())).as("API get").isEqualTo(view);
    assertThat(allowed(api.post(base + "/search", "{}").status())).as("API search").isEqualTo(view);
    assertThat(allowed(api.get(base + "/" + sample + "/history").status())).as("API history").isEqualTo(view);
    assertThat(allowed(pages.get(app).status())).as("list page").isEqualTo(view);
    assertThat(allowed(pages.get(app + "/" + sample).status())).as("detail page").isEqualTo(view);
    assertThat(allowed(pages.get(app + "/search").status())).as("advanced search page").isEqualTo(view);
    assertThat(allowed(api.get(base + "/autocomplete?q=" + kind.term()).status())).as("autocomplete").isEqualTo(view);
    if (view) {
      assertThat(api.get(base + "/autocomplete?q=" + kind.term()).body().size()).as("autocomplete finds").isPositive();
    }
    List<String> found = new ArrayList<>();
    api.get("/api/v1/search?q=" + kind.term()).body().get("items").forEach(i -> found.add(i.get("entity").asString()));
    assertThat(found.contains(entity)).as("quick search").isEqualTo(view);
    List<String> onPage = pages.get("/app/search?q=" + kind.term()).document()
        .select("main a[href^=" + app + "/]").eachAttr("href");
    assertThat(!onPage.isEmpty()).as("quick search page").isEqualTo(view);
    assertThat(pages.get("/app").document().select("nav.menu a[href=" + app + "]").isEmpty()).as("menu").isEqualTo(!view);

    // create: API, the new-record form, and the form posted directly
    assertThat(allowed(api.post(base, kind.json().formatted("New " + role)).status())).as("API create").isEqualTo(create);
    assertThat(allowed(pages.get(kind.newForm()).status())).as("new form").isEqualTo(create);
    if (view) {
      assertThat(pages.get(app).document().select("a[href=" + app + "/new]").isEmpty()).as("new button").isEqualTo(!create);
    }
    pages.get("/app");
    assertThat(allowed(postForm(pages, app, kind.form().formatted("Posted " + role)))).as("form create").isEqualTo(create);

    // edit: API, the edit form, the form posted directly; the detail page offers the button only when allowed
    assertThat(allowed(api.patch(base + "/" + target, kind.patch()).status())).as("API edit").isEqualTo(edit);
    assertThat(allowed(pages.get(app + "/" + target + "/edit").status())).as("edit form").isEqualTo(edit);
    if (view) {
      assertThat(pages.get(app + "/" + target).document().select("a[href$=/edit]").isEmpty()).isEqualTo(!edit);
    }
    int version = kith.api().get(base + "/" + pageTarget).body().get("version").asInt();
    pages.get("/app");
    assertThat(allowed(postForm(pages, app + "/" + pageTarget, kind.form().formatted("Edited " + role)
        .replace("subtype=organization&", "") + "&_version=" + version))).as("form edit").isEqualTo(edit);

    // export: API, the search page's link, and the page's export URL
    assertThat(allowed(export(tokens.get(role), entity))).as("API export").isEqualTo(export);
    String search = "?match=and&c0.field=" + kind.nameField() + "&c0.op=contains&c0.value=a";
    if (view) {
      assertThat(pages.get(app + "/search" + search).document().select("a.export").isEmpty()).as("export link")
          .isEqualTo(!export);
    }
    assertThat(allowed(pages.get(app + "/search/export" + search).status())).as("page export").isEqualTo(export && view);

    // import: the API (a dry run) and the wizard's choice of types
    Response dryRun = new Imports(api).upload(kind.csv().getBytes(StandardCharsets.UTF_8), kind.profile(), true);
    assertThat(allowed(dryRun.status())).as("API import " + dryRun.body()).isEqualTo(importing);
    List<String> targets = pages.get("/app/imports").document().select("#import-target option").eachAttr("value");
    assertThat(targets.stream().anyMatch(v -> v.equals(entity) || v.startsWith(entity + ":"))).as("import wizard")
        .isEqualTo(importing);

    // deactivate: the page's button, the page posted directly (one and bulk), the API
    if (view) {
      assertThat(pages.get(app + "/" + pageTarget).document().select("form[action$=/deactivate]").isEmpty())
          .as("deactivate button").isEqualTo(!deactivate);
    }
    pages.get("/app");
    assertThat(allowed(postForm(pages, app + "/deactivate", "ids=" + sample))).as("page bulk deactivate")
        .isEqualTo(deactivate);
    pages.get("/app");
    assertThat(allowed(postForm(pages, app + "/" + pageTarget + "/deactivate", ""))).as("page deactivate")
        .isEqualTo(deactivate);
    assertThat(allowed(api.post(base + "/" + target + "/deactivate", null).status())).as("API deactivate")
        .isEqualTo(deactivate);
    assertThat(active(entity, target)).isEqualTo(!deactivate);
    assertThat(active(entity, pageTarget)).isEqualTo(!deactivate);
    assertThat(active(entity, sample)).isEqualTo(!deactivate);

    // delete
    assertThat(allowed(api.delete(base + "/" + target).status())).as("delete").isEqualTo(delete);
    assertThat(kith.db().query("select count(*) as n from " + entity + " where id = $1", target).get(0).get("n"))
        .isEqualTo(delete ? 0L : 1L);
  }

  private static long create(ApiClient api, String entity, String name) {
    Response r = api.post("/api/v1/" + entity, KINDS.get(entity).json().formatted(name));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return r.body().get("id").asLong();
  }

  private static boolean active(String entity, long id) {
    return Boolean.TRUE.equals(kith.db().query("select active from " + entity + " where id = $1", id).get(0).get("active"));
  }

  /** Posts an urlencoded form (with the session's CSRF token) and hands back the status. */
  private static int postForm(HtmlSession pages, String path, String encoded) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (String pair : encoded.split("&")) {
      if (!pair.isEmpty()) {
        String[] kv = pair.split("=", 2);
        fields.add(Map.entry(kv[0], kv.length > 1 ? kv[1] : ""));
      }
    }
    return pages.post(path, fields).status();
  }

  private static int export(String token, String entity) throws Exception {
    HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(kith.server().baseUrl() + "/api/v1/" + entity + "/export"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    return csv.statusCode();
  }

  /** A successful answer (200, 201, 204, or 303 after a form) or a refusal (403), nothing else. */
  private static boolean allowed(int status) {
    assertThat(status).as("allowed or refused, nothing else").isIn(Set.of(200, 201, 204, 303, 403));
    return status != 403;
  }
}
