package io.kith.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.HtmlSession;
import io.kith.testing.KithExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Roles × actions × channels: for each role, each action on contacts is asserted allowed or
 * refused in the API, the pages, quick search, autocomplete and export, and the channels agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private final Map<String, String> tokens = new java.util.HashMap<>();
  private long contact;

  @BeforeAll
  void rolesUsersAndARecord() {
    role("viewer", "{\"*\": {\"actions\": [\"view\"]}}");
    role("editor", "{\"contact\": {\"actions\": [\"view\", \"create\", \"edit\"]}, \"activity\": {\"actions\": [\"view\"]}}");
    role("exporter", "{\"contact\": {\"actions\": [\"view\", \"export\"]}}");
    role("remover", "{\"contact\": {\"actions\": [\"view\", \"deactivate\", \"delete\"]}}");
    role("activities_only", "{\"activity\": {\"actions\": [\"view\", \"create\"]}}");
    for (String r : List.of("viewer", "editor", "exporter", "remover", "activities_only")) {
      tokens.put(r, kith.server().userWithToken("u_" + r, r));
    }
    contact = kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "first_name": "Matrixa", "last_name": "Chan"}""").body().get("id").asLong();
  }

  private static void role(String name, String permissions) {
    Response r = kith.api().post("/api/v1/roles",
        "{\"name\": \"" + name + "\", \"label\": \"" + name + "\", \"permissions\": " + permissions + "}");
    assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
  }

  @ParameterizedTest(name = "{0}: view={1} create={2} edit={3} deactivate={4} delete={5} export={6}")
  @CsvSource(textBlock = """
      viewer,          true,  false, false, false, false, false
      editor,          true,  true,  true,  false, false, false
      exporter,        true,  false, false, false, false, true
      remover,         true,  false, false, true,  true,  false
      activities_only, false, false, false, false, false, false
      """)
  void everyChannelAgreesOnWhatARoleMayDoWithContacts(String role, boolean view, boolean create, boolean edit,
      boolean deactivate, boolean delete, boolean export) throws Exception {
    ApiClient api = kith.api(tokens.get(role));
    HtmlSession pages = kith.anonymousSession().signIn("u_" + role, "password-of-u_" + role);
    long target = kith.api().post("/api/v1/contact", "{\"subtype\": \"organization\", \"organization_name\": \"Target "
        + role + "\"}").body().get("id").asLong();

    // view: API list, record, search; pages; quick search; autocomplete; the menu
    assertThat(allowed(api.get("/api/v1/contact").status())).as("API list").isEqualTo(view);
    assertThat(allowed(api.get("/api/v1/contact/" + contact).status())).as("API get").isEqualTo(view);
    assertThat(allowed(api.post("/api/v1/contact/search", "{}").status())).as("API search").isEqualTo(view);
    assertThat(allowed(pages.get("/app/contact").status())).as("list page").isEqualTo(view);
    assertThat(allowed(pages.get("/app/contact/" + contact).status())).as("detail page").isEqualTo(view);
    assertThat(allowed(pages.get("/app/contact/search").status())).as("advanced search page").isEqualTo(view);
    assertThat(allowed(api.get("/api/v1/contact/autocomplete?q=matrixa").status())).as("autocomplete").isEqualTo(view);
    List<String> found = new ArrayList<>();
    api.get("/api/v1/search?q=matrixa").body().get("items").forEach(i -> found.add(i.get("entity").asString()));
    assertThat(found.contains("contact")).as("quick search").isEqualTo(view);
    assertThat(pages.get("/app").document().select("nav.menu a[href=/app/contact]").isEmpty()).as("menu").isEqualTo(!view);

    // create: API and the new-record form
    assertThat(allowed(api.post("/api/v1/contact", "{\"subtype\": \"organization\", \"organization_name\": \"New "
        + role + "\"}").status())).as("API create").isEqualTo(create);
    assertThat(allowed(pages.get("/app/contact/new?subtype=organization").status())).as("new form").isEqualTo(create);

    // edit: API and the edit form; the detail page offers the button only when allowed
    assertThat(allowed(api.patch("/api/v1/contact/" + target, "{\"source\": \"x\"}").status())).as("API edit").isEqualTo(edit);
    assertThat(allowed(pages.get("/app/contact/" + target + "/edit").status())).as("edit form").isEqualTo(edit);
    if (view) {
      assertThat(pages.get("/app/contact/" + target).document().select("a[href$=/edit]").isEmpty()).isEqualTo(!edit);
    }

    // export: API and the search page's link
    HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(kith.server().baseUrl() + "/api/v1/contact/export"))
        .header("Authorization", "Bearer " + tokens.get(role)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(allowed(csv.statusCode())).as("API export").isEqualTo(export);
    if (view) {
      assertThat(pages.get("/app/contact/search?match=and&c0.field=first_name&c0.op=contains&c0.value=a").document().select("a.export").isEmpty()).as("export link").isEqualTo(!export);
    }

    // deactivate and delete
    assertThat(allowed(api.post("/api/v1/contact/" + target + "/deactivate", null).status())).as("deactivate")
        .isEqualTo(deactivate);
    assertThat(allowed(api.delete("/api/v1/contact/" + target).status())).as("delete").isEqualTo(delete);
    assertThat(kith.db().query("select count(*) as n from contact where id = $1", target).get(0).get("n"))
        .isEqualTo(delete ? 0L : 1L);
  }

  private static boolean allowed(int status) {
    assertThat(status).as("allowed or refused, nothing else").isIn(Set.of(200, 201, 204, 403));
    return status != 403;
  }
}
