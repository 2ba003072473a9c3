package io.kith.web.page;

import static io.kith.web.page.MetaAdminPagesTest.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The entity type pages and the list / form layout page against a real server and PostgreSQL: a
 * new type made in the browser (dry run first) has working record pages at once; labels and
 * subtypes are edited, the type retired after the confirmation; the layout page's moves show on
 * the list and the form. Administrators only, CSRF on every POST.
 */
class EntityTypePagesTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  @Test
  void aNewEntityTypeIsPreviewedCreatedAndItsRecordPagesWorkAtOnce() {
    HtmlSession admin = kith.session();
    Document list = admin.get("/app/admin/entities?lang=zh-Hant").document();
    assertThat(list.select("tr[data-entity=contact] td").eachText()).contains("聯絡人", "個人, 家庭, 機構");
    assertThat(list.select("nav.admin a").eachAttr("href")).contains("/app/admin/entities",
        "/app/admin/relationship-types", "/app/admin/fields", "/app/admin/option-lists", "/app/admin/revisions");

    admin.get("/app/admin/entities/new");
    List<java.util.Map.Entry<String, String>> shift = form("name", "care_visit", "label.en", "Care visit",
        "label.zh-Hant", "探訪", "label.zh-Hans", "探访", "plural.en", "Care visits",
        "subtypes", "home = Home visit | 家訪 | 家访\nphone = Phone call", "field_name", "title", "field_type", "text",
        "field_label.en", "Title", "field_required", "true");
    Page preview = admin.post("/app/admin/entities", with(shift, "intent", "preview"));
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.document().select("pre.ddl").text()).contains("create table").contains("care_visit");
    assertThat(kith.api().get("/api/v1/meta/entities/care_visit").status()).as("dry run").isEqualTo(404);

    Page created = admin.post("/app/admin/entities", with(shift, "intent", "apply"));
    assertThat(created.status()).as(created.body()).isEqualTo(303);
    assertThat(created.location()).isEqualTo("/app/admin/entities/care_visit?done=created");
    JsonNode meta = kith.api().get("/api/v1/meta/entities/care_visit").body();
    assertThat(meta.toString()).contains("家訪", "Phone call");

    Page records = admin.get("/app/care_visit");
    assertThat(records.status()).isEqualTo(200);
    assertThat(records.document().select("h1").text()).isEqualTo("Care visits");
    Page newRecord = admin.get("/app/care_visit/new?subtype=home");
    assertThat(newRecord.status()).as(newRecord.body()).isEqualTo(200);
    assertThat(newRecord.document().select("input[name=title]")).hasSize(1);
    Page saved = admin.post("/app/care_visit", form("subtype", "home", "title", "Visit Mrs Chan"));
    assertThat(saved.status()).as(saved.body()).isEqualTo(303);
    assertThat(admin.get("/app/care_visit").document().select("tbody td").eachText()).contains("Visit Mrs Chan");
  }

  @Test
  void badInputIsShownBesideItsField() {
    HtmlSession admin = kith.session();
    admin.get("/app/admin/entities/new");
    Page bad = admin.post("/app/admin/entities", form("name", "Bad Name", "label.en", "", "field_name", "title",
        "field_type", "text", "subtypes", "no equals sign", "intent", "apply"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.document().select("span.error[data-for=name]").text()).contains("lower-case letter");
    assertThat(bad.document().select("span.error[data-for=label.en]").text()).isEqualTo("Label (en) is required.");
    assertThat(bad.document().select("span.error[data-for=subtypes]").text()).contains("no equals sign");

    Page taken = admin.post("/app/admin/entities", form("name", "contact", "label.en", "Again", "field_name", "title",
        "field_type", "text", "intent", "apply"));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.document().select("span.error[data-for=name]").text()).contains("contact");

    Page reserved = admin.post("/app/admin/entities", form("name", "meta", "label.en", "Meta", "field_name", "title",
        "field_type", "text", "intent", "preview"));
    assertThat(reserved.status()).isEqualTo(400);
    assertThat(reserved.document().select("span.error[data-for=name]").text()).as("the loader's problem at /name")
        .isNotEmpty();
  }

  @Test
  void labelsAndSubtypesAreEditedAndTheTypeRetiredAfterConfirming() {
    HtmlSession admin = kith.session();
    admin.get("/app/admin/entities/new");
    assertThat(admin.post("/app/admin/entities", form("name", "loan", "label.en", "Loan", "field_name", "item",
        "field_type", "text", "intent", "apply")).status()).isEqualTo(303);

    Document edit = admin.get("/app/admin/entities/loan").document();
    assertThat(edit.select("input[name=label.en]").val()).isEqualTo("Loan");
    Page missing = admin.post("/app/admin/entities/loan", form("label.en", "", "plural.en", "Loans"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.document().select("span.error[data-for=label.en]").text()).isEqualTo("Label (en) is required.");
    Page saved = admin.post("/app/admin/entities/loan", form("label.en", "Equipment loan", "label.zh-Hant", "借用器材",
        "label.zh-Hans", "借用器材", "plural.en", "Equipment loans", "subtypes", "wheelchair = Wheelchair | 輪椅 | 轮椅"));
    assertThat(saved.status()).as(saved.body()).isEqualTo(303);
    Document again = admin.get("/app/admin/entities/loan").document();
    assertThat(again.select("fieldset.subtype[data-subtype=wheelchair] input[name=subtype.wheelchair.label.zh-Hant]").val())
        .isEqualTo("輪椅");
    Page relabelled = admin.post("/app/admin/entities/loan", form("label.en", "Equipment loan", "label.zh-Hant", "借用器材",
        "plural.en", "Equipment loans", "subtype.wheelchair.label.en", "Wheel chair", "subtype.wheelchair.label.zh-Hant", "輪椅"));
    assertThat(relabelled.status()).isEqualTo(303);
    assertThat(kith.api().get("/api/v1/meta/entities/loan").body().toString()).contains("Wheel chair");
    assertThat(admin.get("/app/admin/entities?lang=zh-Hant").document().select("tr[data-entity=loan] td").eachText())
        .contains("借用器材", "輪椅");

    admin.get("/app/admin/entities/loan");
    Page ask = admin.post("/app/admin/entities/loan/retire", form());
    assertThat(ask.status()).isEqualTo(409);
    assertThat(ask.document().select(".confirm p").text()).contains("loan");
    assertThat(kith.api().get("/api/v1/meta/entities/loan").status()).as("not yet").isEqualTo(200);
    assertThat(admin.post("/app/admin/entities/loan/retire", form("confirm", "true")).status()).isEqualTo(303);
    assertThat(kith.api().get("/api/v1/meta/entities/loan").status()).isEqualTo(404);
    assertThat(admin.get("/app/admin/entities").document().select("tr[data-entity=loan]").hasClass("retired")).isTrue();
    assertThat(kith.db().query("select count(*) as n from information_schema.tables where table_name = 'loan'")
        .get(0).get("n").toString()).as("table kept").isEqualTo("1");
  }

  @Test
  void theLayoutPageOrdersListColumnsAndFormFields() {
    HtmlSession admin = kith.session();
    admin.get("/app/admin/entities/new");
    assertThat(admin.post("/app/admin/entities", form("name", "meal", "label.en", "Meal", "field_name", "dish",
        "field_type", "text", "field_label.en", "Dish", "intent", "apply")).status()).isEqualTo(303);
    assertThat(kith.api().post("/api/v1/meta/entities/meal/fields",
        "{\"name\": \"served_on\", \"type\": \"date\", \"label\": {\"en\": \"Served on\"}}").status()).isEqualTo(201);
    assertThat(kith.api().post("/api/v1/meta/entities/meal/fields",
        "{\"name\": \"portions\", \"type\": \"integer\", \"label\": {\"en\": \"Portions\"}}").status()).isEqualTo(201);

    String layout = "/app/admin/entities/meal/layout";
    Document page = admin.get(layout).document();
    assertThat(page.select("tr[data-column]").eachAttr("data-column")).containsExactly("dish", "served_on", "portions");
    assertThat(admin.post(layout, form("action", "column_move", "field", "portions", "move", "to", "position", "1"))
        .status()).isEqualTo(303);
    admin.get(layout);
    assertThat(admin.post(layout, form("action", "column_remove", "field", "served_on")).status()).isEqualTo(303);
    assertThat(headers("/app/meal")).containsExactly("Portions", "Dish");

    admin.get(layout);
    Page badPosition = admin.post(layout, form("action", "column_move", "field", "dish", "move", "to", "position", "7"));
    assertThat(badPosition.status()).isEqualTo(400);
    assertThat(badPosition.document().select("span.error[data-for=columns]").text()).contains("1 to 2");

    admin.get(layout);
    Page noLabel = admin.post(layout, form("action", "section_add", "section_name", "main", "field", "dish"));
    assertThat(noLabel.status()).isEqualTo(400);
    assertThat(noLabel.document().select("span.error[data-for=section_label.en]").text()).isEqualTo("Heading (en) is required.");
    assertThat(admin.post(layout, form("action", "section_add", "section_name", "main", "section_label.en", "Main",
        "field", "dish")).status()).isEqualTo(303);
    admin.get(layout);
    admin.post(layout, form("action", "field_place", "section", "main", "field", "portions"));
    admin.get(layout);
    admin.post(layout, form("action", "field_place", "section", "main", "field", "served_on"));
    admin.get(layout);
    assertThat(admin.post(layout, form("action", "field_move", "section", "main", "field", "served_on", "move", "up"))
        .status()).isEqualTo(303);
    assertThat(inputs("/app/meal/new")).containsExactly("dish", "served_on", "portions");
    admin.get(layout);
    admin.post(layout, form("action", "field_move", "section", "main", "field", "dish", "move", "to", "position", "3"));
    assertThat(inputs("/app/meal/new")).containsExactly("served_on", "portions", "dish");
    assertThat(admin.get("/app/meal/new").document().select("fieldset legend").eachText()).contains("Main");
    JsonNode body = kith.api().get("/api/v1/meta/entities/meal").body();
    assertThat(body.toString()).contains("\"columns\":[\"portions\",\"dish\"]");
  }

  @Test
  void staffGet403AndPostsWithoutCsrfAreRefused() {
    List<String> pages = List.of("/app/admin/entities", "/app/admin/entities/new", "/app/admin/entities/contact",
        "/app/admin/entities/contact/layout");
    kith.server().userWithToken("entity_staff", "staff");
    HtmlSession staff = kith.anonymousSession().signIn("entity_staff", "password-of-entity_staff");
    for (String path : pages) {
      assertThat(staff.get(path).status()).as(path).isEqualTo(403);
    }
    staff.get("/app");
    assertThat(staff.post("/app/admin/entities", form("name", "sneaky", "label.en", "S", "field_name", "title",
        "field_type", "text", "intent", "apply")).status()).isEqualTo(403);
    assertThat(staff.post("/app/admin/entities/contact", form("label.en", "Sneaky", "plural.en", "Sneaky")).status())
        .isEqualTo(403);
    assertThat(staff.post("/app/admin/entities/contact/retire", form("confirm", "true")).status()).isEqualTo(403);
    assertThat(staff.post("/app/admin/entities/contact/layout", form("action", "column_remove", "field", "email"))
        .status()).isEqualTo(403);
    assertThat(kith.api().get("/api/v1/meta/entities/sneaky").status()).isEqualTo(404);

    HtmlSession admin = kith.session();
    admin.get("/app/admin/entities/new");
    assertThat(admin.postWithoutCsrf("/app/admin/entities", form("name", "nocsrf", "label.en", "N", "field_name", "title",
        "field_type", "text", "intent", "apply")).status()).isEqualTo(403);
    assertThat(admin.postWithoutCsrf("/app/admin/entities/contact/retire", form("confirm", "true")).status()).isEqualTo(403);
    assertThat(admin.postWithoutCsrf("/app/admin/entities/contact/layout", form("action", "column_remove", "field",
        "display_name")).status()).isEqualTo(403);
    assertThat(kith.api().get("/api/v1/meta/entities/nocsrf").status()).isEqualTo(404);
    assertThat(kith.api().get("/api/v1/meta/entities/contact").status()).isEqualTo(200);
  }

  private static List<String> headers(String path) {
    return kith.session().get(path).document().select("table thead th:not(.select)").eachText();
  }

  private static List<String> inputs(String path) {
    List<String> out = new ArrayList<>();
    kith.session().get(path).document().select("form fieldset input[name], form fieldset textarea[name]")
        .forEach(e -> {
          if (!e.attr("type").equals("hidden")) {
            out.add(e.attr("name"));
          }
        });
    return out;
  }

  private static List<java.util.Map.Entry<String, String>> with(List<java.util.Map.Entry<String, String>> fields,
      String name, String value) {
    List<java.util.Map.Entry<String, String>> out = new ArrayList<>(fields);
    out.add(java.util.Map.entry(name, value));
    return out;
  }
}
