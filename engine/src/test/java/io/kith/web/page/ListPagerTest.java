package io.kith.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.HtmlSession;
import io.kith.testing.KithExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The list page's pager as the CRM manual (section 3) describes it: totals, first / previous / next
 * / last, and a jump box where 0, empty or a number beyond the last page does not move and the box
 * comes back empty. Also sorting links and the bulk deactivate action.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPagerTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();


  @BeforeAll
  void start() {
    ApiClient api = kith.api();
    for (int i = 1; i <= 45; i++) {
      String body = String.format("{\"subtype\":\"organization\",\"organization_name\":\"Org %02d\"}", i);
      assertThat(kith.api().post("/api/v1/contact", body).status()).isEqualTo(201);
    }
  }


  private Page list(String query) {
    return kith.session().get("/app/contact?size=10&sort=display_name" + query);
  }

  private static String firstName(Page page) {
    return page.document().selectFirst("table.records tbody tr td:nth-child(2)").text();
  }

  @Test
  void showsTotalsAndLinksOnTheFirstPage() {
    Page page = list("");
    assertThat(page.document().selectFirst(".pager .summary").text())
        .isEqualTo("Total 45 records, 5 pages, 10 per page, page 1");
    assertThat(page.document().select(".pager span.first.disabled, .pager span.previous.disabled")).hasSize(2);
    assertThat(page.document().selectFirst(".pager a.next").attr("href")).contains("page=2");
    assertThat(page.document().selectFirst(".pager a.last").attr("href")).contains("page=5");
    assertThat(page.document().select("table.records tbody tr")).hasSize(10);
    assertThat(firstName(page)).isEqualTo("Org 01");
  }

  @Test
  void lastPageHasTheRemainderAndNoForwardLinks() {
    Page page = list("&page=5");
    assertThat(page.document().select("table.records tbody tr")).hasSize(5);
    assertThat(page.document().select(".pager span.next.disabled, .pager span.last.disabled")).hasSize(2);
    assertThat(page.document().selectFirst(".pager a.first").attr("href")).contains("page=1");
    assertThat(page.document().selectFirst(".pager a.previous").attr("href")).contains("page=4");
  }

  @Test
  void jumpMovesToAValidPageAndTheBoxIsCleared() {
    Page page = list("&page=2&jump=4");
    assertThat(page.document().selectFirst(".pager .summary").text()).endsWith("page 4");
    assertThat(firstName(page)).isEqualTo("Org 31");
    assertThat(page.document().selectFirst(".pager input[name=jump]").attr("value")).isEmpty();
  }

  @ParameterizedTest(name = "jump \"{0}\" stays on page 2")
  @CsvSource(value = {"0", "''", "6", "999", "-1", "abc"}, emptyValue = "")
  void jumpToZeroEmptyOrBeyondTheLastPageDoesNotMove(String jump) {
    Page page = list("&page=2&jump=" + jump);
    assertThat(page.document().selectFirst(".pager .summary").text()).endsWith("page 2");
    assertThat(firstName(page)).isEqualTo("Org 11");
    assertThat(page.document().selectFirst(".pager input[name=jump]").attr("value")).isEmpty();
  }

  @Test
  void jumpFormCarriesTheCurrentPageSortAndSize() {
    Page page = list("&page=3");
    List<String> hidden = page.document().select(".pager form.jump input[type=hidden]").eachAttr("name");
    assertThat(hidden).contains("page", "size", "sort");
    assertThat(page.document().selectFirst(".pager form.jump input[name=page]").attr("value")).isEqualTo("3");
  }

  @Test
  void columnHeaderSortsDescendingOnSecondClick() {
    Page page = list("");
    String href = page.document().selectFirst("th a[href*=sort=-display_name]").attr("href");
    Page descending = kith.session().get(href + "&size=10");
    assertThat(firstName(descending)).isEqualTo("Org 45");
  }

  @Test
  void textFiltersMatchAnyPartIgnoringCase() {
    Page page = kith.session().get("/app/contact?size=50&sort=display_name&display_name=rg+0");
    assertThat(page.document().select("table.records tbody tr td:nth-child(2)").eachText())
        .containsExactly("Org 01", "Org 02", "Org 03", "Org 04", "Org 05", "Org 06", "Org 07", "Org 08", "Org 09");
    assertThat(page.document().selectFirst("input[name=display_name]").attr("value")).isEqualTo("rg 0");
  }

  @Test
  void bulkDeactivateActsOnTheTickedRowsOnly() {
    HtmlSession session = kith.session();
    Page page = session.get("/app/contact?size=10&sort=-display_name");
    List<String> ids = page.document().select("tbody input[name=ids]").eachAttr("value").subList(0, 2);
    Page done = session.post("/app/contact/deactivate", List.of(Map.entry("ids", ids.get(0)), Map.entry("ids", ids.get(1))));
    assertThat(done.status()).isEqualTo(303);
    assertThat(done.location()).contains("deactivated=2");
    assertThat(kith.db().query("select count(*) as n from contact where not active").get(0).get("n")).isEqualTo(2L);
    assertThat(session.get(done.location()).document().selectFirst("p.notice").text()).contains("2");
    assertThat(page.document().select("thead input.select-all")).hasSize(1);
    kith.db().execute("update contact set active = true");
  }
}
