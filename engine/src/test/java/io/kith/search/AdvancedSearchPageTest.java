package io.kith.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithServer;
import io.kith.testing.MetadataFolders;
import io.kith.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The advanced search page end to end: the builder generated from metadata (fields, collection
 * fields, system columns, operators per type, value inputs per type), searches with AND/OR and a
 * nested group, chosen columns, sort and the pager, problems beside their row, and bulk deactivate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdvancedSearchPageTest {

  private TestDatabase db;
  private KithServer server;

  @BeforeAll
  void start() {
    db = new TestDatabase();
    server = KithServer.start(db, MetadataFolders.resource("metadata-query"));
    ApiClient api = server.api();
    long tag = api.post("/api/v1/tag", "{\"name\": \"Fruit\"}").body().get("id").asLong();
    assertThat(api.post("/api/v1/item", """
        {"subtype": "small", "code": "A-1", "title": "Red apple", "quantity": 10, "colour": "red", "main_tag": %d,
         "parts": [{"part_name": "stem", "part_colour": "green"}]}""".formatted(tag)).status()).isEqualTo(201);
    assertThat(api.post("/api/v1/item", """
        {"subtype": "large", "code": "B-2", "title": "Blue whale", "quantity": 200, "colour": "blue",
         "parts": [{"part_name": "fin", "part_colour": "blue"}]}""").status()).isEqualTo(201);
    for (int i = 1; i <= 23; i++) {
      String body = "{\"subtype\": \"small\", \"code\": \"N-%02d\", \"title\": \"Number %d\", \"quantity\": %d}".formatted(i, i, i);
      assertThat(api.post("/api/v1/item", body).status()).isEqualTo(201);
    }
  }

  @AfterAll
  void stop() {
    server.close();
    db.close();
  }

  private Page get(String path) {
    return server.session().get(path);
  }

  private static Element row(Document page, String key) {
    return page.selectFirst(".condition[data-key=" + key + "]");
  }

  private static List<String> firstColumn(Page page) {
    return page.document().select("table.records tbody tr td:nth-child(2)").eachText();
  }

  @Test
  void builderListsFilterableFieldsCollectionFieldsAndSystemColumnsWithTheirOperators() {
    Page page = get("/app/item/search");
    assertThat(page.status()).isEqualTo(200);
    Element fieldSelect = page.document().selectFirst(".condition .field-select");
    assertThat(fieldSelect.select("option").eachAttr("value"))
        .contains("code", "title", "quantity", "price", "fragile", "made_on", "checked_at", "colour", "colours",
            "main_tag", "tags", "parts", "parts.part_name", "parts.part_colour", "parts.count", "label",
            "active", "subtype", "created_at", "updated_at");
    assertThat(ops(fieldSelect, "title")).isEqualTo("contains starts_with eq ne in empty not_empty");
    assertThat(ops(fieldSelect, "quantity")).isEqualTo("eq ne lt le gt ge between in empty not_empty");
    assertThat(ops(fieldSelect, "fragile")).isEqualTo("eq empty not_empty");
    assertThat(ops(fieldSelect, "colour")).isEqualTo("eq ne in not_in empty not_empty");
    assertThat(ops(fieldSelect, "tags")).isEqualTo("in empty not_empty");
    assertThat(ops(fieldSelect, "parts")).isEqualTo("empty not_empty");
    assertThat(ops(fieldSelect, "made_on")).startsWith("eq ne lt le gt ge between").contains("last_days");
    assertThat(fieldSelect.selectFirst("option[value=parts.part_colour]").text()).isEqualTo("Parts › Part colour");
    // Value inputs per type, for the script to swap in.
    Document doc = page.document();
    assertThat(doc.selectFirst("template[data-field=colour][data-variant=single]").html())
        .contains("<select").contains("value=\"blue\"");
    assertThat(doc.selectFirst("template[data-field=colour][data-variant=multi]").html()).contains("multiple");
    assertThat(doc.selectFirst("template[data-field=quantity][data-variant=single]").html()).contains("type=\"number\"");
    assertThat(doc.selectFirst("template[data-field=made_on][data-variant=single]").html()).contains("type=\"date\"");
    assertThat(doc.selectFirst("template[data-field=fragile][data-variant=single]").html()).contains("value=\"true\"");
    assertThat(doc.selectFirst("template[data-field=subtype][data-variant=single]").html()).contains("value=\"large\"");
    // Columns default to the entity's list columns; blank rows and a blank group work without script.
    assertThat(doc.select("input[name=col]")).hasSizeGreaterThan(10);
    assertThat(doc.select(".rows[data-group=''] .condition")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(doc.select("fieldset.group select[name$=.match]")).hasSize(1);
    assertThat(doc.select("table.records")).isEmpty();
  }

  private static String ops(Element select, String field) {
    return select.selectFirst("option[value=" + field.replace(".", "\\.") + "]").attr("data-ops");
  }

  @Test
  void aSubmittedRowKeepsItsFieldWithOnlyThatFieldsOperatorsAndInput() {
    Page page = get("/app/item/search?match=and&c0.field=quantity&c0.op=between&c0.value=5&c0.to=12"
        + "&c1.field=colour&c1.op=in&c1.value=red&c1.value=blue");
    Element quantity = row(page.document(), "c0");
    assertThat(quantity.selectFirst(".field-select option[selected]").attr("value")).isEqualTo("quantity");
    assertThat(quantity.select(".op-select option").eachAttr("value"))
        .containsExactly("eq", "ne", "lt", "le", "gt", "ge", "between", "in", "empty", "not_empty");
    assertThat(quantity.selectFirst(".op-select option[selected]").attr("value")).isEqualTo("between");
    assertThat(quantity.selectFirst("input[name=c0.value]").attr("type")).isEqualTo("number");
    assertThat(quantity.selectFirst("input[name=c0.to]").attr("value")).isEqualTo("12");
    assertThat(quantity.selectFirst(".condition-to").hasAttr("hidden")).isFalse();
    Element colour = row(page.document(), "c1");
    assertThat(colour.select("select[name=c1.value][multiple] option[selected]").eachAttr("value"))
        .containsExactlyInAnyOrder("red", "blue");
    assertThat(firstColumn(page)).containsExactly("A-1");
  }

  @Test
  void resultsShowTheChosenColumnsInOrderSortedAndPaged() {
    Page page = get("/app/item/search?match=and&c0.field=title&c0.op=starts_with&c0.value=number"
        + "&col=quantity&col=code&sort=quantity&dir=desc&size=10");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.document().select("table.records thead th").stream().map(Element::text))
        .containsExactly("", "Quantity ▼", "Code");
    assertThat(firstColumn(page)).hasSize(10).first().isEqualTo("23");
    assertThat(page.document().selectFirst(".pager .summary").text())
        .isEqualTo("Total 23 records, 3 pages, 10 per page, page 1");
    String next = page.document().selectFirst(".pager a.next").attr("href");
    assertThat(next).contains("page=2").contains("c0.field=title").contains("col=quantity");
    Page second = get(next);
    assertThat(firstColumn(second)).first().isEqualTo("13");
    Page last = get(page.document().selectFirst(".pager a.last").attr("href"));
    assertThat(firstColumn(last)).containsExactly("3", "2", "1");
    // The header sorts the other way; the checked columns stay checked.
    String header = page.document().selectFirst("th a").attr("href");
    assertThat(header).contains("dir=asc");
    assertThat(page.document().select("input[name=col][checked]").eachAttr("value")).containsExactly("code", "quantity");
  }

  @ParameterizedTest(name = "jump \"{0}\" stays on page 2")
  @CsvSource(value = {"0", "''", "9", "abc"}, emptyValue = "")
  void jumpBoxIgnoresZeroEmptyAndBeyondTheEndAndIsCleared(String jump) {
    Page page = get("/app/item/search?match=and&c0.field=title&c0.op=starts_with&c0.value=number"
        + "&col=quantity&sort=quantity&size=10&page=2&jump=" + jump);
    assertThat(page.document().selectFirst(".pager .summary").text()).endsWith("page 2");
    assertThat(page.document().selectFirst(".pager input[name=jump]").attr("value")).isEmpty();
    Page moved = get("/app/item/search?match=and&c0.field=title&c0.op=starts_with&c0.value=number"
        + "&col=quantity&sort=quantity&size=10&page=2&jump=3");
    assertThat(moved.document().selectFirst(".pager .summary").text()).endsWith("page 3");
  }

  @Test
  void topLevelOrWithANestedAndGroup() {
    Page page = get("/app/item/search?match=or&col=code&sort=code"
        + "&c0.field=title&c0.op=contains&c0.value=APPLE"
        + "&g1.match=and&c1.group=1&c1.field=colour&c1.op=eq&c1.value=blue"
        + "&c2.group=1&c2.field=quantity&c2.op=ge&c2.value=100"
        + "&g2.match=and&c3.group=2&c3.field=quantity&c3.op=eq&c3.value=7&c4.group=2&c4.field=colour&c4.op=eq&c4.value=red");
    assertThat(firstColumn(page)).containsExactly("A-1", "B-2");
    Element group = page.document().selectFirst("fieldset.group[data-group=1]");
    assertThat(group.selectFirst("select[name=g1.match] option[selected]").attr("value")).isEqualTo("and");
    assertThat(group.select(".condition .field-select option[selected]").eachAttr("value")).contains("colour", "quantity");
  }

  @Test
  void collectionFieldsAndSystemColumnsAreSearchable() {
    assertThat(firstColumn(get("/app/item/search?match=and&col=code&c0.field=parts.part_colour&c0.op=in&c0.value=blue")))
        .containsExactly("B-2");
    assertThat(firstColumn(get("/app/item/search?match=and&col=code&c0.field=subtype&c0.op=eq&c0.value=large")))
        .containsExactly("B-2");
    assertThat(firstColumn(get("/app/item/search?match=and&col=code&sort=code&c0.field=created_at&c0.op=today&size=50")))
        .hasSize(25);
  }

  @Test
  void refusedConditionsComeBackBesideTheirRow() {
    Page page = get("/app/item/search?match=and&c0.field=title&c0.op=contains&c0.value=apple"
        + "&c1.field=quantity&c1.op=gt&c1.value=lots&c2.field=colour&c2.op=eq&c2.value=purple&size=900");
    assertThat(page.status()).isEqualTo(400);
    assertThat(row(page.document(), "c0").select(".error")).isEmpty();
    assertThat(row(page.document(), "c1").selectFirst(".error").text())
        .isEqualTo("Quantity: the value has the wrong form for this field.");
    assertThat(row(page.document(), "c2").selectFirst(".error").text()).startsWith("Colour:");
    assertThat(page.document().selectFirst(".form-errors").text()).contains("Per page must be a whole number from 1 to 200");
    assertThat(row(page.document(), "c1").selectFirst("input[name=c1.value]").attr("value")).isEqualTo("lots");
    Page halfBetween = get("/app/item/search?match=and&c0.field=quantity&c0.op=between&c0.value=5&c0.to=");
    assertThat(halfBetween.status()).isEqualTo(400);
    assertThat(row(halfBetween.document(), "c0").selectFirst(".error").text()).startsWith("Quantity:");
    assertThat(page.document().select("table.records")).isEmpty();
  }

  @Test
  void pageTextIsEscaped() {
    Page page = get("/app/item/search?match=and&c0.field=title&c0.op=contains&c0.value=%3Cscript%3Ex%3C/script%3E");
    assertThat(page.body()).doesNotContain("<script>x</script>");
    assertThat(row(page.document(), "c0").selectFirst("input[name=c0.value]").attr("value")).isEqualTo("<script>x</script>");
  }

  @Test
  void bulkDeactivateFromResultsReturnsToTheSameResults() {
    HtmlSession session = server.session();
    Page page = session.get("/app/item/search?match=and&col=code&sort=code&c0.field=title&c0.op=starts_with&c0.value=Number+2");
    assertThat(firstColumn(page)).containsExactly("N-02", "N-20", "N-21", "N-22", "N-23");
    Element form = page.document().selectFirst("form.bulk");
    String back = form.selectFirst("input[name=back]").attr("value");
    List<String> ids = page.document().select("tbody input[name=ids]").eachAttr("value").subList(0, 2);
    Page done = session.post("/app/item/search/deactivate",
        List.of(Map.entry("ids", ids.get(0)), Map.entry("ids", ids.get(1)), Map.entry("back", back)));
    assertThat(done.status()).isEqualTo(303);
    assertThat(done.location()).startsWith("/app/item/search?").contains("deactivated=2").contains("c0.field=title");
    Page after = session.get(done.location());
    assertThat(after.document().selectFirst("p.notice").text()).contains("2");
    assertThat(after.document().select("tbody tr.inactive")).hasSize(2);
    assertThat(firstColumn(get("/app/item/search?match=and&col=code&c0.field=active&c0.op=eq&c0.value=false")))
        .containsExactly("N-02", "N-20");
    Page foreign = session.post("/app/item/search/deactivate", List.of(Map.entry("ids", ids.get(0)),
        Map.entry("back", "https://evil.example/")));
    assertThat(foreign.location()).startsWith("/app/item/search");
    assertThat(session.postWithoutCsrf("/app/item/search/deactivate", List.of(Map.entry("ids", ids.get(0)))).status())
        .isEqualTo(403);
    db.execute("update item set active = true");
  }
}
