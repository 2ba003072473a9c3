package io.kith.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 3, acceptance 3, on the shipped activity's category / sub_category pair: the server
 * refuses a sub-category that does not belong under the chosen category with a field error (also
 * when only the category changes), the form offers only the sub-categories of the category it
 * shows, and the fragment the form's script fetches when the category changes holds exactly the
 * choices of the new category.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DependentOptionListsTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static String activity(String category, String subCategory) {
    return """
        {"activity_type": "meeting", "subject": "Categorised", "activity_date_time": "2024-05-01T10:00:00+08:00",
         "category": %s, "sub_category": %s}""".formatted(quoted(category), quoted(subCategory));
  }

  private static String quoted(String code) {
    return code == null ? "null" : "\"" + code + "\"";
  }

  @Test
  void serverRefusesASubCategoryOfAnotherCategoryWithAFieldError() {
    long before = kith.db().count("activity");

    Response en = kith.api().post("/api/v1/activity", activity("care", "workshop"));
    Response zh = kith.api().post("/api/v1/activity", activity("care", "workshop"), "Accept-Language", "zh-Hant");
    Response orphan = kith.api().post("/api/v1/activity", activity(null, "home_visit"));

    assertThat(en.status()).isEqualTo(400);
    assertThat(en.body().get("errors")).hasSize(1);
    assertThat(en.body().at("/errors/0/field").asString()).isEqualTo("sub_category");
    assertThat(en.body().at("/errors/0/code").asString()).isEqualTo("dependent_option");
    assertThat(en.body().at("/errors/0/message").asString())
        .isEqualTo("Sub-category: the choice \"workshop\" does not go with the Category chosen.");
    assertThat(zh.body().at("/errors/0/message").asString()).isEqualTo("子類別：選項「workshop」與所選的類別不相符。");
    assertThat(orphan.status()).isEqualTo(400);
    assertThat(orphan.body().at("/errors/0/field").asString()).isEqualTo("sub_category");
    assertThat(kith.db().count("activity")).isEqualTo(before);
  }

  @Test
  void acceptsChildrenOfTheParentAndChoicesWithoutParents() {
    assertThat(kith.api().post("/api/v1/activity", activity("care", "home_visit")).status()).isEqualTo(201);
    assertThat(kith.api().post("/api/v1/activity", activity("community", "training")).status()).isEqualTo(201);
    assertThat(kith.api().post("/api/v1/activity", activity("admin", "training")).status()).isEqualTo(201);
    assertThat(kith.api().post("/api/v1/activity", activity("admin", "other")).status()).isEqualTo(201);
    assertThat(kith.api().post("/api/v1/activity", activity(null, "other")).status()).isEqualTo(201);
  }

  @Test
  void changingOnlyTheParentReportsTheChildThatNoLongerFits() {
    long id = kith.api().post("/api/v1/activity", activity("care", "meal_delivery")).body().get("id").asLong();

    Response moved = kith.api().patch("/api/v1/activity/" + id, """
        {"category": "community"}""");

    assertThat(moved.status()).isEqualTo(400);
    assertThat(moved.body().at("/errors/0/field").asString()).isEqualTo("sub_category");
    assertThat(kith.db().query("select category from activity where id = " + id))
        .containsExactly(Map.of("category", "care"));
  }

  @Test
  void formOffersOnlyTheChildrenOfTheCategoryItShows() {
    long id = kith.api().post("/api/v1/activity", activity("care", "health_check")).body().get("id").asLong();
    HtmlSession session = kith.session();

    Element blank = session.get("/app/activity/new").document().selectFirst("select[name=sub_category]");
    Element edit = session.get("/app/activity/" + id + "/edit").document().selectFirst("select[name=sub_category]");

    assertThat(codes(blank)).containsExactly("", "other");
    assertThat(blank.attr("data-depends-on")).isEqualTo("category");
    assertThat(blank.attr("data-options-url")).isEqualTo("/app/activity/options/sub_category");
    assertThat(codes(edit)).containsExactly("", "home_visit", "health_check", "meal_delivery", "other");
    assertThat(edit.selectFirst("option[selected]").val()).isEqualTo("health_check");
  }

  @Test
  void fragmentTheScriptFetchesHoldsTheChoicesOfTheNewParent() {
    HtmlSession session = kith.session();

    Page community = session.get("/app/activity/options/sub_category?parent=community&selected=outing");
    Page none = session.get("/app/activity/options/sub_category?parent=");
    Page chinese = session.get("/app/activity/options/sub_category?parent=care&lang=zh-Hant");
    Page notDependent = session.get("/app/activity/options/category?parent=care");

    assertThat(community.status()).isEqualTo(200);
    Document options = Jsoup.parseBodyFragment("<select>" + community.body() + "</select>");
    assertThat(codes(options.selectFirst("select"))).containsExactly("", "workshop", "outing", "training", "other");
    assertThat(options.selectFirst("option[selected]").val()).isEqualTo("outing");
    assertThat(codes(Jsoup.parseBodyFragment("<select>" + none.body() + "</select>").selectFirst("select")))
        .containsExactly("", "other");
    assertThat(Jsoup.parseBodyFragment("<select>" + chinese.body() + "</select>").select("option").eachText())
        .contains("家訪", "健康檢查", "送飯服務", "其他");
    assertThat(notDependent.status()).isEqualTo(404);
  }

  @Test
  void formRefusesAMismatchBesideTheChildFieldAndKeepsTheParent() {
    long before = kith.db().count("activity");
    HtmlSession session = kith.session();
    session.get("/app/activity/new");

    Page page = session.post("/app/activity", List.of(
        Map.entry("activity_type", "meeting"),
        Map.entry("subject", "Form mismatch"),
        Map.entry("activity_date_time", "2024-05-01T10:00"),
        Map.entry("category", "admin"),
        Map.entry("sub_category", "outing")));

    assertThat(page.status()).isEqualTo(400);
    Element child = page.document().selectFirst("select[name=sub_category]");
    assertThat(child.parent().selectFirst("p.error").text()).contains("\"outing\"", "Category");
    assertThat(codes(child)).containsExactly("", "outing", "training", "other");
    assertThat(page.document().selectFirst("select[name=category] option[selected]").val()).isEqualTo("admin");
    assertThat(kith.db().count("activity")).isEqualTo(before);
  }

  private static List<String> codes(Element select) {
    return select.select("option").eachAttr("value");
  }
}
