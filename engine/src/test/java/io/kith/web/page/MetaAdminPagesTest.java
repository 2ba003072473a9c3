package io.kith.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The metadata administration pages against a real server: administrators only, and every save
 * lands in the stored model the API reads back (option lists, custom fields, revisions).
 */
class MetaAdminPagesTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final List<String> PAGES = List.of("/app/admin/option-lists", "/app/admin/option-lists/gender",
      "/app/admin/option-lists/gender/options/male", "/app/admin/fields", "/app/admin/fields/contact",
      "/app/admin/revisions");

  @Test
  void pagesRenderForAdministratorsAndAre403ForStaff() {
    HtmlSession admin = kith.session();
    for (String path : PAGES) {
      Page page = admin.get(path);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.document().select("nav.admin a").eachAttr("href")).as(path)
          .contains("/app/admin/users", "/app/admin/option-lists", "/app/admin/fields", "/app/admin/revisions");
    }
    assertThat(admin.get("/app/admin/option-lists").document().select("tr[data-list=gender]")).hasSize(1);
    assertThat(admin.get("/app/admin/option-lists?lang=zh-Hant").document().select("h1").text()).isEqualTo("選項清單");

    kith.server().userWithToken("meta_staff", "staff");
    HtmlSession staff = kith.anonymousSession().signIn("meta_staff", "password-of-meta_staff");
    for (String path : PAGES) {
      assertThat(staff.get(path).status()).as(path).isEqualTo(403);
    }
    staff.get("/app");
    assertThat(staff.post("/app/admin/option-lists/gender/options", form("code", "sneaky", "label.en", "Sneaky")).status())
        .isEqualTo(403);
    assertThat(staff.post("/app/admin/fields/contact", form("name", "sneaky", "type", "text", "intent", "apply")).status())
        .isEqualTo(403);
    assertThat(codes()).doesNotContain("sneaky");
    assertThat(admin.postWithoutCsrf("/app/admin/option-lists/gender/options", form("code", "nocsrf", "label.en", "X"))
        .status()).as("CSRF").isEqualTo(403);
    assertThat(codes()).doesNotContain("nocsrf");
  }

  @Test
  void optionsAreAddedRelabelledReorderedAndDeactivatedThroughThePages() {
    HtmlSession admin = kith.session();
    long contact = kith.api().post("/api/v1/contact",
        "{\"subtype\": \"individual\", \"first_name\": \"Ada\", \"gender\": \"male\"}").body().get("id").asLong();

    Document list = admin.get("/app/admin/option-lists/gender").document();
    assertThat(list.select("form.option-form label[for=o-code] abbr.required")).as("required marked").hasSize(1);
    Page bad = admin.post("/app/admin/option-lists/gender/options", form("code", "Bad Code", "label.en", "", "color", "red"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.document().select("span.error").eachText()).hasSize(3);

    Page added = admin.post("/app/admin/option-lists/gender/options", form("code", "nonbinary", "label.en", "Non-binary",
        "label.zh-Hant", "非二元", "label.zh-Hans", "非二元", "color", "#AA00ff"));
    assertThat(added.status()).isEqualTo(303);
    JsonNode nonbinary = option("nonbinary");
    assertThat(nonbinary.get("label").get("zh-Hant").asString()).isEqualTo("非二元");
    assertThat(nonbinary.get("color").asString()).isEqualTo("#aa00ff");
    assertThat(codes()).containsExactly("female", "male", "other", "nonbinary");

    // The sort dialog: to a position, up and down.
    admin.get("/app/admin/option-lists/gender");
    assertThat(admin.post("/app/admin/option-lists/gender/options/nonbinary/move", form("move", "to", "position", "1"))
        .status()).isEqualTo(303);
    assertThat(codes()).containsExactly("nonbinary", "female", "male", "other");
    admin.get("/app/admin/option-lists/gender");
    admin.post("/app/admin/option-lists/gender/options/other/move", form("move", "up"));
    assertThat(codes()).containsExactly("nonbinary", "female", "other", "male");
    admin.get("/app/admin/option-lists/gender");
    admin.post("/app/admin/option-lists/gender/options/nonbinary/move", form("move", "down"));
    assertThat(codes()).containsExactly("female", "nonbinary", "other", "male");
    admin.get("/app/admin/option-lists/gender");
    assertThat(admin.post("/app/admin/option-lists/gender/options/male/move", form("move", "to", "position", "9"))
        .status()).isEqualTo(400);

    // Relabelling keeps the stored code; the code field is fixed.
    Document edit = admin.get("/app/admin/option-lists/gender/options/male").document();
    assertThat(edit.select("input[name=code][readonly]")).hasSize(1);
    assertThat(admin.post("/app/admin/option-lists/gender/options/male", form("code", "man", "label.en", "Man",
        "label.zh-Hant", "男性", "label.zh-Hans", "男性", "color", "")).status()).isEqualTo(303);
    assertThat(option("male").get("label").get("en").asString()).isEqualTo("Man");
    assertThat(codes()).contains("male").doesNotContain("man");
    assertThat(kith.api().get("/api/v1/contact/" + contact).body().get("gender").asString()).isEqualTo("male");

    // Deactivate many at once; inactive ones are view-only and filtered.
    admin.get("/app/admin/option-lists/gender");
    Page none = admin.post("/app/admin/option-lists/gender/deactivate", form());
    assertThat(none.status()).isEqualTo(400);
    assertThat(admin.post("/app/admin/option-lists/gender/deactivate", form("code", "female", "code", "other")).status())
        .isEqualTo(303);
    assertThat(option("female").path("active").asBoolean(true)).isFalse();
    assertThat(option("other").path("active").asBoolean(true)).isFalse();
    assertThat(option("male").path("active").asBoolean(true)).isTrue();
    Document inactive = admin.get("/app/admin/option-lists/gender?status=inactive").document();
    assertThat(inactive.select("tbody tr[data-code]").eachAttr("data-code")).containsExactly("female", "other");
    assertThat(inactive.select("tbody tr[data-code] input[type=checkbox]")).isEmpty();
    Document view = admin.get("/app/admin/option-lists/gender/options/female").document();
    assertThat(view.select("form.option-form")).isEmpty();
    assertThat(admin.post("/app/admin/option-lists/gender/options/female", form("label.en", "Changed")).status())
        .isEqualTo(409);
    assertThat(option("female").get("label").get("en").asString()).isEqualTo("Female");

    // Fuzzy search by name: the letters in order, in any locale.
    assertThat(admin.get("/app/admin/option-lists/gender?q=nnbn").document().select("tbody tr[data-code]")
        .eachAttr("data-code")).containsExactly("nonbinary");
    assertThat(admin.get("/app/admin/option-lists/gender?q=%E7%94%B7").document().select("tbody tr[data-code]")
        .eachAttr("data-code")).containsExactly("male");

    Document revisions = admin.get("/app/admin/revisions").document();
    assertThat(revisions.select("tr[data-revision] td:nth-child(5)").eachText())
        .anyMatch(a -> a.startsWith("deactivate options gender.female,other"))
        .anyMatch(a -> a.startsWith("add option to gender"));
    assertThat(revisions.select("tr[data-revision] td:nth-child(3)").eachText()).contains("admin");
  }

  @Test
  void aCustomFieldIsPreviewedAddedUsedSwitchedOffAndOnThroughThePage() {
    HtmlSession admin = kith.session();
    Document page = admin.get("/app/admin/fields/contact").document();
    assertThat(page.select("select[name=type] option").eachAttr("value"))
        .contains("option", "integer", "decimal", "text", "money", "date", "reference", "file", "collection", "computed");

    Page preview = admin.post("/app/admin/fields/contact", form("name", "shirt_size", "label.en", "Shirt size",
        "type", "option", "list", "", "options", "s = Small\nm = Medium\nl = Large", "intent", "preview"));
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.document().select("pre.ddl").text()).contains("add column").contains("shirt_size");
    assertThat(kith.api().get("/api/v1/meta/option-lists/contact_shirt_size").status()).as("dry run").isEqualTo(404);

    Page invalid = admin.post("/app/admin/fields/contact", form("name", "bad", "type", "reference", "entity", "nope",
        "intent", "apply"));
    assertThat(invalid.status()).as(invalid.body()).isIn(400, 422);
    assertThat(invalid.document().select("ul.problems li").text()).contains("nope");

    Page applied = admin.post("/app/admin/fields/contact", form("name", "shirt_size", "label.en", "Shirt size",
        "type", "option", "list", "", "options", "s = Small\nm = Medium\nl = Large", "intent", "apply"));
    assertThat(applied.status()).isEqualTo(303);
    assertThat(kith.api().get("/api/v1/meta/option-lists/contact_shirt_size").body().get("options")
        .findValuesAsString("code")).containsExactly("s", "m", "l");
    Response created = kith.api().post("/api/v1/contact",
        "{\"subtype\": \"individual\", \"first_name\": \"Bo\", \"shirt_size\": \"m\"}");
    assertThat(created.status()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(kith.api().get("/api/v1/contact/" + id).body().get("shirt_size").asString()).isEqualTo("m");
    assertThat(kith.api().post("/api/v1/contact", "{\"subtype\": \"individual\", \"first_name\": \"Cy\", \"shirt_size\": \"xl\"}")
        .status()).as("not an option of the new list").isEqualTo(400);

    // Types with sub-settings take them as JSON in the file shape.
    admin.get("/app/admin/fields/contact");
    Page notJson = admin.post("/app/admin/fields/contact", form("name", "kit", "type", "collection", "extra", "[1]",
        "intent", "apply"));
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.document().select("ul.problems li").text()).contains("JSON object");
    Page collection = admin.post("/app/admin/fields/contact", form("name", "kit", "type", "collection",
        "extra", "{\"fields\": [{\"name\": \"item\", \"type\": \"text\"}]}", "intent", "apply"));
    assertThat(collection.status()).as(collection.body()).isEqualTo(303);
    assertThat(admin.get("/app/admin/fields/contact").document().select("tr[data-field=kit] td:nth-child(3)").text())
        .isEqualTo("Collection (sub-records)");

    admin.get("/app/admin/fields/contact");
    Page ask = admin.post("/app/admin/fields/contact/shirt_size/retire", form());
    assertThat(ask.status()).isEqualTo(409);
    assertThat(ask.document().select(".confirm p").text()).contains("shirt_size");
    assertThat(kith.api().get("/api/v1/contact/" + id).body().has("shirt_size")).as("not yet").isTrue();
    assertThat(admin.post("/app/admin/fields/contact/shirt_size/retire", form("confirm", "true")).status()).isEqualTo(303);
    assertThat(kith.api().get("/api/v1/contact/" + id).body().has("shirt_size")).isFalse();
    Document off = admin.get("/app/admin/fields/contact").document();
    assertThat(off.select("tr[data-field=shirt_size]").hasClass("retired")).isTrue();

    assertThat(admin.post("/app/admin/fields/contact/shirt_size/restore", form()).status()).isEqualTo(303);
    assertThat(kith.api().get("/api/v1/contact/" + id).body().get("shirt_size").asString()).as("data kept").isEqualTo("m");
    assertThat(admin.get("/app/admin/fields/contact").document().select("tr[data-field=shirt_size]").hasClass("on")).isTrue();
  }

  private static JsonNode option(String code) {
    for (JsonNode o : kith.api().get("/api/v1/meta/option-lists/gender").body().get("options")) {
      if (o.get("code").asString().equals(code)) {
        return o;
      }
    }
    throw new AssertionError("no option " + code);
  }

  private static List<String> codes() {
    List<String> out = new ArrayList<>();
    kith.api().get("/api/v1/meta/option-lists/gender").body().get("options").forEach(o -> out.add(o.get("code").asString()));
    return out;
  }

  static List<Map.Entry<String, String>> form(String... pairs) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      out.add(Map.entry(pairs[i], pairs[i + 1]));
    }
    return out;
  }
}
