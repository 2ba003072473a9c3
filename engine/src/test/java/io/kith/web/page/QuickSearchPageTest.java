package io.kith.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The search box in every page's header and the results page {@code /app/search}: hits grouped by
 * entity type and linked to their records, values and the query escaped, strings translated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickSearchPageTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final String SCRIPT = "<script>alert(1)</script>";

  private long taiMan;
  private long meeting;

  @BeforeAll
  void fixture() {
    taiMan = create("contact", "{\"subtype\": \"individual\", \"first_name\": \"Tai Man\", \"last_name\": \"Chan\"}");
    create("contact", "{\"subtype\": \"organization\", \"organization_name\": \"Chan\"}");
    create("contact", ApiClient.JSON.createObjectNode().put("subtype", "organization")
        .put("organization_name", SCRIPT + " Chan Ltd").toString());
    meeting = create("activity", """
        {"activity_type": "meeting", "subject": "Meet Chan", "activity_date_time": "2025-03-01T10:00:00+08:00"}""");
  }

  @Test
  void everyPageHasTheSearchBox() {
    for (String path : List.of("/app", "/app/contact", "/app/contact/" + taiMan, "/app/activity/new")) {
      Element form = kith.session().get(path).document().selectFirst("header form.quick-search[method=get][action=/app/search]");
      assertThat(form).as(path).isNotNull();
      assertThat(form.select("input[type=search][name=q]")).as(path).hasSize(1);
    }
  }

  @Test
  void listsHitsGroupedByEntityTypeBestFirstWithLinks() {
    Page page = kith.session().get("/app/search?q=chan");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.document().select("section.quick-search-group").eachAttr("data-entity"))
        .containsExactly("contact", "activity");
    Element contacts = page.document().selectFirst("section[data-entity=contact]");
    assertThat(contacts.selectFirst("h2").text()).isEqualTo("Contacts");
    assertThat(contacts.select("li a").eachText()).containsExactly("Chan", SCRIPT + " Chan Ltd", "Tai Man Chan");
    assertThat(contacts.select("li").eachAttr("class")).containsExactly("rank-exact", "rank-prefix", "rank-prefix");
    assertThat(contacts.select("li a").get(2).attr("href")).isEqualTo("/app/contact/" + taiMan);
    assertThat(page.document().select("section[data-entity=activity] li a").attr("href"))
        .isEqualTo("/app/activity/" + meeting);
    assertThat(page.document().selectFirst("header input[name=q]").attr("value")).isEqualTo("chan");
  }

  @Test
  void escapesValuesAndTheQuery() {
    Page page = kith.session().get("/app/search?q=" + URLEncoder.encode(SCRIPT, StandardCharsets.UTF_8));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.document().select("script").eachAttr("src")).containsOnly("/ui/kith.js");
    assertThat(page.body()).doesNotContain(SCRIPT).contains("&lt;script&gt;");
    assertThat(page.document().selectFirst("header input[name=q]").attr("value")).isEqualTo(SCRIPT);
    assertThat(page.document().select("li a").eachText()).containsExactly(SCRIPT + " Chan Ltd");

    Page listed = kith.session().get("/app/search?q=ltd");
    assertThat(listed.body()).doesNotContain(SCRIPT);
  }

  @Test
  void withoutTextAsksForSomeAndWithoutHitsSaysSo() {
    Page empty = kith.session().get("/app/search?q=");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.document().selectFirst(".quick-search-summary").text()).contains("search box");
    assertThat(empty.document().select("section.quick-search-group")).isEmpty();

    Page none = kith.session().get("/app/search?q=zzzz");
    assertThat(none.document().selectFirst(".quick-search-summary").text()).isEqualTo("Nothing found for “zzzz”.");
  }

  @Test
  void speaksThePageLanguage() {
    Page page = kith.session().get("/app/search?q=chan&lang=zh-Hant");
    assertThat(page.document().selectFirst("h1").text()).isEqualTo("「chan」的搜尋結果");
    assertThat(page.document().selectFirst("section[data-entity=contact] h2").text()).isEqualTo("聯絡人");
    assertThat(page.document().selectFirst("header form.quick-search button").text()).isEqualTo("搜尋");
    assertThat(kith.session().get("/app?lang=zh-Hans").document().selectFirst("header form.quick-search input")
        .attr("placeholder")).isEqualTo("姓名、邮箱或电话…");
  }

  private static long create(String entity, String json) {
    ApiClient.Response created = kith.api().post("/api/v1/" + entity, json);
    assertThat(created.status()).isEqualTo(201);
    return created.body().get("id").asLong();
  }
}
