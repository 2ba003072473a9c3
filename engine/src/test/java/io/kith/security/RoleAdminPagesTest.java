package io.kith.security;

import static io.kith.security.UserAdminPagesTest.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The roles pages and the permission matrix: a role saved through the matrix has the same document
 * the API would store, is shown back as it was saved, takes effect for its holders, refuses bad
 * input beside the field, and can be deleted only while nobody holds it.
 */
class RoleAdminPagesTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  @Test
  void theMatrixSavesActionsScopeAndFieldRulesAsTheApiStoresThem() {
    HtmlSession admin = kith.session();
    Document blank = admin.get("/app/admin/roles/new").document();
    assertThat(blank.select("tr.entity-row").eachAttr("data-entity")).contains("*", "contact", "activity");
    assertThat(blank.select("tr.entity-row[data-entity=contact] input[name=actions.contact]").eachAttr("value"))
        .containsExactly("view", "create", "edit", "delete", "deactivate", "import", "export", "administer");
    assertThat(blank.select("select[name=scope.contact] option").eachAttr("value")).containsExactly("own", "own_shared", "all");
    assertThat(blank.select("select[name=field.contact.birth_date] option").eachAttr("value"))
        .containsExactly("", "hidden", "read_only");

    Page created = admin.post("/app/admin/roles", form("name", "case_worker", "label", "Case worker",
        "actions.*", "view",
        "own.contact", "1", "actions.contact", "view", "actions.contact", "create", "actions.contact", "edit",
        "scope.contact", "own_shared", "field.contact.birth_date", "hidden", "field.contact.external_identifier", "read_only",
        "field.contact.source", "",
        "actions.activity", "delete", "scope.activity", "own"));
    assertThat(created.status()).isEqualTo(303);
    long id = Long.parseLong(created.location().replaceAll("\\D+", " ").trim().split(" ")[0]);
    JsonNode role = kith.api().get("/api/v1/roles/" + id).body();
    assertThat(role.get("label").asString()).isEqualTo("Case worker");
    assertThat(role.get("permissions")).isEqualTo(ApiClient.parse("""
        {"*": {"actions": ["view"], "scope": "all"},
         "contact": {"actions": ["view", "create", "edit"], "scope": "own_shared",
                     "fields": {"birth_date": "hidden", "external_identifier": "read_only"}}}"""));

    Document shown = admin.get(created.location()).document();
    assertThat(shown.select("p.message.notice").text()).isEqualTo("Created.");
    assertThat(shown.select("input[name=own.contact][checked]")).hasSize(1);
    assertThat(shown.select("input[name=own.activity][checked]")).as("activity follows *").isEmpty();
    assertThat(shown.select("input[name=actions.contact][checked]").eachAttr("value")).containsExactly("view", "create", "edit");
    assertThat(shown.select("select[name=scope.contact] option[selected]").attr("value")).isEqualTo("own_shared");
    assertThat(shown.select("select[name=field.contact.birth_date] option[selected]").attr("value")).isEqualTo("hidden");
    assertThat(shown.select("tr.field-rules[data-entity=contact] summary").text()).endsWith("(2)");

    // The role takes effect: its holder sees contacts but not birth dates, and only their own.
    ApiClient worker = kith.api(kith.server().userWithToken("worker", "case_worker"));
    kith.api().post("/api/v1/contact", "{\"subtype\": \"individual\", \"first_name\": \"Not\", \"last_name\": \"Theirs\"}");
    JsonNode mine = worker.post("/api/v1/contact", "{\"subtype\": \"individual\", \"first_name\": \"Theirs\"}").body();
    assertThat(worker.get("/api/v1/contact").body().get("total").asLong()).isEqualTo(1);
    assertThat(worker.get("/api/v1/contact/" + mine.get("id").asLong()).body().has("birth_date")).isFalse();
    assertThat(worker.get("/api/v1/activity").status()).as("* gives view").isEqualTo(200);
    assertThat(worker.post("/api/v1/activity", "{}").status()).isEqualTo(403);

    // Changed through the page: activity gets rules of its own.
    admin.get("/app/admin/roles/" + id);
    Page saved = admin.post("/app/admin/roles/" + id, form("name", "case_worker", "label", "Case worker",
        "own.contact", "1", "actions.contact", "view", "scope.contact", "all",
        "own.activity", "1", "actions.activity", "view", "actions.activity", "create"));
    assertThat(saved.location()).isEqualTo("/app/admin/roles/" + id + "?done=saved");
    assertThat(kith.api().get("/api/v1/roles/" + id).body().get("permissions")).isEqualTo(ApiClient.parse("""
        {"contact": {"actions": ["view"], "scope": "all"},
         "activity": {"actions": ["view", "create"], "scope": "all"}}"""));
  }

  @Test
  void badInputIsNamedAndNothingIsSaved() {
    HtmlSession admin = kith.session();
    admin.get("/app/admin/roles/new");
    Page refused = admin.post("/app/admin/roles", form("name", "Bad Name", "label", "",
        "own.contact", "1", "actions.contact", "fly", "scope.contact", "somewhere", "field.contact.birth_date", "secret"));
    assertThat(refused.status()).isEqualTo(400);
    Document page = refused.document();
    assertThat(page.select("#r-name-error").text()).startsWith("Name may hold only lower-case letters");
    assertThat(page.select("#r-label-error").text()).isEqualTo("Label is required.");
    assertThat(page.select("p.message.error").text())
        .contains("\"fly\" is not an action", "\"somewhere\" is not a scope", "\"secret\" is not a field access");
    assertThat(page.select("#r-name").attr("value")).as("what was typed is kept").isEqualTo("Bad Name");
    assertThat(kith.db().query("select count(*) as n from kith.role where label = ''").get(0).get("n")).isEqualTo(0L);

    admin.get("/app/admin/roles/new");
    Page duplicate = admin.post("/app/admin/roles", form("name", "staff", "label", "Another staff"));
    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(duplicate.document().select("#r-name-error").text()).isEqualTo("Name: another role already has this name.");
  }

  @Test
  void aRoleIsDeletedOnlyWhileNobodyHoldsIt() {
    kith.api().post("/api/v1/roles", "{\"name\": \"held\", \"label\": \"Held\"}");
    kith.api().post("/api/v1/roles", "{\"name\": \"unheld\", \"label\": \"Unheld\"}");
    kith.server().userWithToken("holder", "held");
    HtmlSession admin = kith.session();
    Document list = admin.get("/app/admin/roles").document();
    Map<String, Long> ids = Map.of("held", roleId("held"), "unheld", roleId("unheld"));
    assertThat(list.select("form[action=/app/admin/roles/" + ids.get("held") + "/delete]")).as("no delete button").isEmpty();
    assertThat(list.select("form[action=/app/admin/roles/" + ids.get("unheld") + "/delete]")).hasSize(1);

    Page refused = admin.post("/app/admin/roles/" + ids.get("held") + "/delete", List.of());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.document().select("p.message.error").text()).contains("Role \"held\" is held by users");
    Page deleted = admin.post("/app/admin/roles/" + ids.get("unheld") + "/delete", List.of());
    assertThat(deleted.location()).isEqualTo("/app/admin/roles?done=deleted");
    assertThat(kith.db().query("select name from kith.role where name like '%held'").stream().map(r -> r.get("name")))
        .containsExactly("held");
  }

  private static long roleId(String name) {
    return kith.api().get("/api/v1/roles").body().get("items").valueStream()
        .filter(r -> r.get("name").asString().equals(name)).findFirst().orElseThrow().get("id").asLong();
  }
}
