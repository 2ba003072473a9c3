package io.kith.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.Imports;
import io.kith.testing.KithExtension;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The import wizard in the browser's way: upload a Big5 file with Chinese headers, see the
 * suggested mapping and the preview, change one column, save the mapping as a profile, start the
 * job and follow it to the end; forms without the CSRF token are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportWizardPagesTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  @Test
  void uploadsPreviewsAdjustsSavesAndRunsAnImport() {
    HtmlSession browser = kith.session();
    Page start = browser.get("/app/imports?lang=zh-Hant");
    assertThat(start.status()).isEqualTo(200);
    assertThat(start.document().select("select[name=target] option").eachAttr("value")).contains("contact:individual", "activity");
    assertThat(start.document().select("select[name=profile] option").eachAttr("value")).contains("civicrm_individuals");
    byte[] file = Imports.csv(Charset.forName("Big5"), false,
        "名字,姓氏,電郵,性別,備註",
        "大文,陳,tai.man@wizard.example.com,男,常客",
        "美玲,李,不是電郵,女,");

    long contactsBefore = kith.db().count("contact");
    Page preview = browser.postMultipart("/app/imports/preview", List.of(Map.entry("target", "contact:individual"),
        Map.entry("encoding", "auto"), Map.entry("delimiter", "auto"), Map.entry("header", "on"),
        Map.entry("mode", "skip"), Map.entry("key", "emails.email")), "file", "members.csv", file);

    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.document().selectFirst(".encoding").text()).isEqualTo("Big5");
    assertThat(selected(preview, 0)).isEqualTo("first_name");
    assertThat(selected(preview, 2)).isEqualTo("emails.email");
    assertThat(selected(preview, 4)).isEmpty();
    assertThat(preview.document().selectFirst("[data-count=create]").text()).isEqualTo("1");
    assertThat(preview.document().selectFirst("[data-count=invalid]").text()).isEqualTo("1");
    assertThat(preview.document().select(".preview-rows .row-errors li").text()).contains("電郵地址 1: 電郵必須是電郵地址");
    assertThat(kith.db().count("contact")).isEqualTo(contactsBefore);

    // The unmapped notes column goes into "source" instead; the mapping is saved as a profile.
    List<Map.Entry<String, String>> form = formOf(preview.document().selectFirst("form.import-mapping"));
    form.removeIf(e -> e.getKey().equals("col.4") || e.getKey().equals("saveAs") || e.getKey().equals("_csrf"));
    form.add(Map.entry("col.4", "source"));
    form.add(Map.entry("saveAs", "wizard_members"));
    form.add(Map.entry("action", "start"));
    Page started = browser.post("/app/imports/start", form);

    assertThat(started.status()).as(started.body()).isEqualTo(303);
    assertThat(started.location()).matches("/app/imports/\\d+");
    long id = Long.parseLong(started.location().substring("/app/imports/".length()));
    new Imports(kith.api()).await(id);
    Page job = browser.get(started.location());
    assertThat(job.document().selectFirst(".status").text()).isEqualTo("已完成");
    assertThat(job.document().selectFirst("[data-field=created]").text()).isEqualTo("1");
    assertThat(job.document().selectFirst("[data-field=failed]").text()).isEqualTo("1");
    assertThat(job.document().selectFirst("a.failed-rows").attr("href")).isEqualTo("/api/v1/imports/" + id + "/failed.csv");
    assertThat(kith.db().query("select first_name, source from contact where last_name in ('陳', '李')"))
        .containsExactly(Map.of("first_name", "大文", "source", "常客"));
    assertThat(kith.api().get("/api/v1/import-profiles/wizard_members").body().at("/columns/4/field").asString())
        .isEqualTo("source");

    // Acceptance 7: the profile the wizard saved, reused through the API, gives the same result.
    byte[] again = Imports.csv(Charset.forName("Big5"), false,
        "名字,姓氏,電郵,性別,備註",
        "小明,王,siu.ming@wizard.example.com,男,新客",
        "美玲,李,不是電郵,女,");
    JsonNode byApi = new Imports(kith.api()).run(again, "wizard_members");
    assertThat(List.of(byApi.get("created").asInt(), byApi.get("failed").asInt())).containsExactly(1, 1);
    assertThat(kith.db().query("select first_name, source, gender from contact where last_name = '王'"))
        .containsExactly(Map.of("first_name", "小明", "source", "新客", "gender", "male"));
  }

  @Test
  void mapsValuesAndFillsConstantsFromTheWizard() {
    HtmlSession browser = kith.session();
    browser.get("/app/imports");
    byte[] file = Imports.csv(StandardCharsets.UTF_8, false,
        "First name,Last name,Email,Sex",
        "Ann,Ho,ann@constants.example.com,F",
        "Bob,Ng,bob@constants.example.com,M");
    Page preview = browser.postMultipart("/app/imports/preview", List.of(Map.entry("target", "contact:individual"),
        Map.entry("encoding", "auto"), Map.entry("delimiter", "auto"), Map.entry("header", "on"),
        Map.entry("mode", "none")), "file", "people.csv", file);
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    Element mapping = preview.document().selectFirst("form.import-mapping");
    long jobsBefore = kith.db().count("kith.import_job");

    // A value map without "=" is named, and nothing starts.
    List<Map.Entry<String, String>> bad = formOf(mapping);
    bad.removeIf(e -> List.of("col.3", "values.3", "_csrf").contains(e.getKey()));
    bad.addAll(List.of(Map.entry("col.3", "gender"), Map.entry("values.3", "M-male"), Map.entry("action", "start")));
    Page refused = browser.post("/app/imports/start", bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.document().select(".import-errors li").text()).contains("\"M-male\" has no =");
    assertThat(kith.db().count("kith.import_job")).isEqualTo(jobsBefore);

    // The value map and two constants, previewed again: the page keeps them as typed.
    List<Map.Entry<String, String>> form = formOf(mapping);
    form.removeIf(e -> List.of("col.3", "values.3", "constField.0", "constValue.0", "constField.1", "constValue.1",
        "_csrf").contains(e.getKey()));
    form.addAll(List.of(Map.entry("col.3", "gender"), Map.entry("values.3", "M=male; F=female"),
        Map.entry("constField.0", "source"), Map.entry("constValue.0", "Spring fair"),
        Map.entry("constField.1", "do_not_email"), Map.entry("constValue.1", "yes")));
    Page again = browser.post("/app/imports/start", withAction(form, "preview"));
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    // Cells match a value map ignoring case, so the map comes back as it is kept: in lower case.
    assertThat(again.document().selectFirst("input[name=values.3]").attr("value")).isEqualTo("m=male; f=female");
    assertThat(again.document().selectFirst("select[name=constField.0] option[selected]").attr("value")).isEqualTo("source");
    assertThat(again.document().selectFirst("input[name=constValue.1]").attr("value")).isEqualTo("yes");
    assertThat(again.document().selectFirst("[data-count=create]").text()).isEqualTo("2");

    // Saved under the name of a profile the user made earlier: that profile is changed.
    assertThat(kith.api().post("/api/v1/import-profiles", """
        {"name": "fair_people", "entity": "contact", "subtype": "individual", "constants": {"source": "old"}}""")
        .status()).isEqualTo(201);
    List<Map.Entry<String, String>> start = formOf(again.document().selectFirst("form.import-mapping"));
    start.removeIf(e -> e.getKey().equals("_csrf") || e.getKey().equals("saveAs"));
    start.add(Map.entry("saveAs", "fair_people"));
    Page started = browser.post("/app/imports/start", withAction(start, "start"));
    assertThat(started.status()).as(started.body()).isEqualTo(303);
    new Imports(kith.api()).await(Long.parseLong(started.location().substring("/app/imports/".length())));
    assertThat(kith.db().query("select first_name, gender, source, do_not_email from contact "
            + "where last_name in ('Ho', 'Ng') order by first_name"))
        .containsExactly(Map.of("first_name", "Ann", "gender", "female", "source", "Spring fair", "do_not_email", true),
            Map.of("first_name", "Bob", "gender", "male", "source", "Spring fair", "do_not_email", true));
    JsonNode saved = kith.api().get("/api/v1/import-profiles/fair_people").body();
    assertThat(saved.at("/constants/source").asString()).isEqualTo("Spring fair");
    assertThat(saved.at("/columns/3/values/m").asString()).isEqualTo("male");
  }

  private static List<Map.Entry<String, String>> withAction(List<Map.Entry<String, String>> form, String action) {
    List<Map.Entry<String, String>> out = new ArrayList<>(form);
    out.removeIf(e -> e.getKey().equals("action"));
    out.add(Map.entry("action", action));
    return out;
  }

  @Test
  void flagsAnUncertainEncodingAndTakesTheOneChosen() {
    HtmlSession browser = kith.session();
    browser.get("/app/imports");
    // Rare characters only: the bytes read as Big5 and as GB18030 alike, neither as common text.
    byte[] file = Imports.csv(Charset.forName("Big5"), false, "Ref,Nick", "1,鑫淼", "2,燚垚");
    List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("target", "contact:individual"),
        Map.entry("delimiter", "auto"), Map.entry("header", "on"), Map.entry("mode", "none")));

    List<Map.Entry<String, String>> guessed = new ArrayList<>(fields);
    guessed.add(Map.entry("encoding", "auto"));
    Page unsure = browser.postMultipart("/app/imports/preview", guessed, "file", "nicks.csv", file);
    List<Map.Entry<String, String>> chosen = new ArrayList<>(fields);
    chosen.add(Map.entry("encoding", "Big5"));
    Page sure = browser.postMultipart("/app/imports/preview", chosen, "file", "nicks.csv", file);

    assertThat(unsure.status()).as(unsure.body()).isEqualTo(200);
    assertThat(unsure.document().select(".uncertain")).hasSize(1);
    assertThat(sure.status()).as(sure.body()).isEqualTo(200);
    assertThat(sure.document().selectFirst(".encoding").text()).isEqualTo("Big5");
    assertThat(sure.document().select(".uncertain")).isEmpty();
  }

  @Test
  void refusesWizardFormsWithoutTheCsrfToken() {
    HtmlSession browser = kith.session();
    browser.get("/app/imports");

    Page refused = browser.postWithoutCsrf("/app/imports/start", List.of(Map.entry("token", "x")));

    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void showsWhyAFileCannotBeImported() {
    HtmlSession browser = kith.session();
    browser.get("/app/imports");

    Page refused = browser.postMultipart("/app/imports/preview", List.of(Map.entry("target", "contact:individual"),
        Map.entry("encoding", "auto"), Map.entry("mode", "none")), "file", "empty.csv",
        "".getBytes(StandardCharsets.UTF_8));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.document().select(".import-errors li").text()).isEqualTo("file has no rows.");
  }

  private static String selected(Page page, int column) {
    Element option = page.document().selectFirst("select[name=col." + column + "] option[selected]");
    return option == null ? "" : option.attr("value");
  }

  private static List<Map.Entry<String, String>> formOf(Element form) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (Element input : form.select("input[name]")) {
      fields.add(Map.entry(input.attr("name"), input.attr("value")));
    }
    for (Element select : form.select("select[name]")) {
      Element option = select.selectFirst("option[selected]");
      fields.add(Map.entry(select.attr("name"), option == null ? "" : option.attr("value")));
    }
    return fields;
  }
}
