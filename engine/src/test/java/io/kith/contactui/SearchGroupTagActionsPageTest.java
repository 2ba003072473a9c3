package io.kith.contactui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The advanced search page's "Add to group", "Remove from group", "Tag" and "Untag" actions, posted
 * as the HTML form does: the ticked records or the whole result, through the link service the API
 * uses, with CSRF, errors shown beside the actions and the viewer's rights applied.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchGroupTagActionsPageTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private final List<Long> chans = new ArrayList<>();
  private long lee;
  private long group;
  private long volunteerTag;

  @BeforeAll
  void fixture() {
    for (String first : List.of("大文", "小文", "美美")) {
      chans.add(contact("陳", first));
    }
    lee = contact("李", "志明");
    Response g = kith.api().post("/api/v1/group", "{\"title\": \"年青客戶\", \"group_type\": [\"mailing_list\"]}");
    assertThat(g.status()).isEqualTo(201);
    group = g.body().get("id").asLong();
    volunteerTag = kith.api().get("/api/v1/tag?size=50").body().get("items").valueStream()
        .filter(t -> t.get("name").asString().equals("Volunteer")).findFirst().orElseThrow().get("id").asLong();
  }

  private long contact(String last, String first) {
    Response r = kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "first_name": "%s", "last_name": "%s"}""".formatted(first, last));
    assertThat(r.status()).isEqualTo(201);
    return r.body().get("id").asLong();
  }

  private static final String SEARCH = "/app/contact/search?match=and&c0.field=last_name&c0.op=eq&c0.value=%E9%99%B3";

  private List<Long> linked(long contact, String field) {
    List<Long> out = new ArrayList<>();
    kith.api().get("/api/v1/contact/" + contact).body().path(field).forEach(v -> out.add(v.asLong()));
    return out;
  }

  /** The bulk form's own fields (back and the search's state) plus {@code extra}. */
  private static List<Map.Entry<String, String>> formOf(Page page, List<Map.Entry<String, String>> extra) {
    Element form = page.document().selectFirst("form.bulk");
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (Element input : form.select("input[type=hidden]")) {
      if (!input.attr("name").equals("_csrf")) {
        fields.add(Map.entry(input.attr("name"), input.attr("value")));
      }
    }
    fields.addAll(extra);
    return fields;
  }

  @Test
  void theResultsOfferEachGroupAndTagWithAddAndRemoveInTheChosenLanguage() {
    Page page = kith.session().get(SEARCH + "&lang=zh-Hant");
    Element actions = page.document().selectFirst("form.bulk fieldset.link-actions");
    assertThat(actions).isNotNull();
    assertThat(actions.select("select[name=target.groups] option").eachText()).contains("年青客戶");
    assertThat(actions.select("select[name=target.tags] option").eachText()).contains("Volunteer", "Company");
    assertThat(actions.select("button[name=link]").eachAttr("value"))
        .contains("groups:add", "groups:remove", "tags:add", "tags:remove");
    assertThat(actions.select("button[value=groups:add]").attr("formaction")).isEqualTo("/app/contact/search/links");
    assertThat(actions.selectFirst("legend").text()).isEqualTo("所選記錄的群組和標籤");
  }

  @Test
  void tickedContactsAreAddedToAGroupAndRemovedAgain() {
    HtmlSession session = kith.session();
    Page page = session.get(SEARCH);
    List<String> ticked = page.document().select("tbody input[name=ids]").eachAttr("value").subList(0, 2);
    Page done = session.post("/app/contact/search/links", formOf(page, List.of(Map.entry("ids", ticked.get(0)),
        Map.entry("ids", ticked.get(1)), Map.entry("target.groups", String.valueOf(group)),
        Map.entry("link", "groups:add"))));
    assertThat(done.status()).isEqualTo(303);
    assertThat(done.location()).startsWith("/app/contact/search?").contains("linked=2").contains("c0.field=last_name");
    assertThat(session.get(done.location()).document().selectFirst("p.notice").text()).isEqualTo("2 records added.");
    for (String id : ticked) {
      assertThat(linked(Long.parseLong(id), "groups")).containsExactly(group);
    }
    JsonNode members = kith.api().post("/api/v1/contact/search",
        "{\"filter\": {\"field\": \"groups\", \"op\": \"in\", \"value\": [" + group + "]}}").body();
    assertThat(members.get("total").asLong()).isEqualTo(2);

    Page removed = session.post("/app/contact/search/links", formOf(page, List.of(Map.entry("ids", ticked.get(0)),
        Map.entry("target.groups", String.valueOf(group)), Map.entry("link", "groups:remove"))));
    assertThat(removed.location()).contains("linked=1").contains("link_op=remove");
    assertThat(session.get(removed.location()).document().selectFirst("p.notice").text()).isEqualTo("1 records removed.");
    assertThat(linked(Long.parseLong(ticked.get(0)), "groups")).isEmpty();
    assertThat(linked(Long.parseLong(ticked.get(1)), "groups")).containsExactly(group);
    JsonNode history = kith.api().get("/api/v1/contact/" + ticked.get(0) + "/history").body();
    assertThat(history.toString()).contains("groups");
  }

  @Test
  void theWholeResultIsTaggedAndUntaggedButNothingOutsideIt() {
    HtmlSession session = kith.session();
    Page page = session.get(SEARCH);
    Page done = session.post("/app/contact/search/links", formOf(page, List.of(Map.entry("all_results", "true"),
        Map.entry("target.tags", String.valueOf(volunteerTag)), Map.entry("link", "tags:add"))));
    assertThat(done.status()).isEqualTo(303);
    assertThat(done.location()).contains("linked=3");
    chans.forEach(id -> assertThat(linked(id, "tags")).contains(volunteerTag));
    assertThat(linked(lee, "tags")).doesNotContain(volunteerTag);

    Page untagged = session.post("/app/contact/search/links", formOf(page, List.of(Map.entry("all_results", "true"),
        Map.entry("target.tags", String.valueOf(volunteerTag)), Map.entry("link", "tags:remove"))));
    assertThat(untagged.location()).contains("linked=3").contains("link_op=remove");
    chans.forEach(id -> assertThat(linked(id, "tags")).doesNotContain(volunteerTag));
  }

  @Test
  void problemsAreShownBesideTheActionsAndNothingIsWritten() {
    HtmlSession session = kith.session();
    Page page = session.get(SEARCH);
    String first = String.valueOf(chans.get(2));
    Page noneTicked = session.post("/app/contact/search/links", formOf(page, List.of(
        Map.entry("target.groups", String.valueOf(group)), Map.entry("link", "groups:add"))));
    assertThat(noneTicked.status()).isEqualTo(400);
    assertThat(noneTicked.document().selectFirst("fieldset.link-actions p.error").text()).isEqualTo("Select at least one record.");

    Page noGroup = session.post("/app/contact/search/links", formOf(page, List.of(Map.entry("ids", first),
        Map.entry("target.groups", ""), Map.entry("link", "groups:add"))));
    assertThat(noGroup.status()).isEqualTo(400);
    assertThat(noGroup.document().selectFirst("fieldset.link-actions p.error").text()).isEqualTo("Groups is required.");

    Page unknownGroup = session.post("/app/contact/search/links", formOf(page, List.of(Map.entry("ids", first),
        Map.entry("target.groups", "987654"), Map.entry("link", "groups:add"))));
    assertThat(unknownGroup.status()).isEqualTo(400);
    assertThat(unknownGroup.document().selectFirst("fieldset.link-actions p.error").text())
        .isEqualTo("Groups: the record 987654 does not exist.");
    // the page is shown again with the search's results
    assertThat(unknownGroup.document().select("tbody input[name=ids]")).hasSize(3);

    Page notALink = session.post("/app/contact/search/links", formOf(page, List.of(Map.entry("ids", first),
        Map.entry("target.first_name", "1"), Map.entry("link", "first_name:add"))));
    assertThat(notALink.status()).isEqualTo(400);
    assertThat(linked(chans.get(2), "groups")).isEmpty();

    assertThat(session.postWithoutCsrf("/app/contact/search/links", List.of(Map.entry("ids", first),
        Map.entry("target.groups", String.valueOf(group)), Map.entry("link", "groups:add"))).status()).isEqualTo(403);
    assertThat(linked(chans.get(2), "groups")).isEmpty();
  }

  @Test
  void aViewerWhoMayNotEditContactsGetsNoActionsAndIsRefused() {
    kith.api().post("/api/v1/roles", """
        {"name": "looker", "label": "Looker", "permissions": {"contact": {"actions": ["view"], "scope": "all"},
         "group": {"actions": ["view"], "scope": "all"}}}""");
    kith.server().userWithToken("looker", "looker");
    HtmlSession looker = kith.anonymousSession().signIn("looker", "password-of-looker");
    Page page = looker.get(SEARCH);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.document().select("fieldset.link-actions")).isEmpty();
    Page refused = looker.post("/app/contact/search/links", formOf(page, List.of(
        Map.entry("ids", String.valueOf(chans.get(1))), Map.entry("target.groups", String.valueOf(group)),
        Map.entry("link", "groups:add"))));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(linked(chans.get(1), "groups")).doesNotContain(group);
  }
}
