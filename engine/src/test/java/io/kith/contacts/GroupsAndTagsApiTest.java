package io.kith.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Groups and tags of the shipped pack: the seeded tags, group and tag hierarchies without cycles,
 * and contacts added to and removed from groups and tags one by one or in bulk (by ids or by a
 * search query) through the one generic link API, with the members listed by a query.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupsAndTagsApiTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private final List<Long> people = new ArrayList<>();

  @BeforeAll
  void contacts() {
    for (String name : List.of("陳大文", "陳小文", "李志明", "王美玲")) {
      Response r = kith.api().post("/api/v1/contact", """
          {"subtype": "individual", "first_name": "%s", "last_name": "%s"}""".formatted(name.substring(0, 1), name.substring(1)));
      assertThat(r.status()).isEqualTo(201);
      people.add(r.body().get("id").asLong());
    }
  }

  private long group(String title, Long... parents) {
    Response r = kith.api().post("/api/v1/group", """
        {"title": "%s", "group_type": ["mailing_list"], "parents": %s}""".formatted(title, List.of(parents)));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return r.body().get("id").asLong();
  }

  @Test
  void theStandardTagsAreSeededOnce() {
    Response tags = kith.api().get("/api/v1/tag?size=50");
    List<String> names = new ArrayList<>();
    tags.body().get("items").forEach(t -> names.add(t.get("name").asString()));
    assertThat(names).contains("Company", "Government Entity", "Major Donor", "Non-profit", "Volunteer");
    assertThat(names.stream().filter("Company"::equals)).hasSize(1);
  }

  @Test
  void aGroupHasADefaultVisibilityAndLabelsInEachLanguage() {
    long id = group("年青客戶");
    JsonNode g = kith.api().get("/api/v1/group/" + id).body();
    assertThat(g.get("visibility").asString()).isEqualTo("user_and_admin");
    JsonNode meta = kith.api().get("/api/v1/meta/entities/group").body();
    assertThat(meta.get("label").get("zh-Hant").asString()).isEqualTo("群組");
    assertThat(meta.get("label").get("zh-Hans").asString()).isEqualTo("群组");
  }

  @Test
  void groupsFormAHierarchyButNeverACycle() {
    long clients = group("客戶");
    long young = group("年青客戶 (hierarchy)", clients);
    long youngest = group("學生客戶", young);

    assertThat(kith.api().get("/api/v1/group/" + youngest).body().get("parents").get(0).asLong()).isEqualTo(young);

    Response cycle = kith.api().patch("/api/v1/group/" + clients, """
        {"parents": [%d]}""".formatted(youngest));
    assertThat(cycle.status()).isEqualTo(400);
    assertThat(cycle.body().get("errors")).extracting(e -> e.get("field").asString(), e -> e.get("code").asString())
        .containsExactly(tuple("parents", "cycle"));
    Response self = kith.api().patch("/api/v1/group/" + clients, """
        {"parents": [%d]}""".formatted(clients));
    assertThat(self.body().get("errors").get(0).get("code").asString()).isEqualTo("cycle");
    assertThat(kith.api().get("/api/v1/group/" + clients).body().get("parents")).isEmpty();

    Response bulkCycle = kith.api().post("/api/v1/group/links/parents", """
        {"ids": [%d], "add": [%d]}""".formatted(clients, youngest));
    assertThat(bulkCycle.status()).isEqualTo(400);
    assertThat(bulkCycle.body().get("errors").get(0).get("code").asString()).isEqualTo("cycle");

    Response otherParent = kith.api().patch("/api/v1/group/" + youngest, """
        {"parents": [%d, %d]}""".formatted(young, clients));
    assertThat(otherParent.status()).isEqualTo(200);
  }

  @Test
  void tagsFormAHierarchyButNeverACycle() {
    long parent = kith.api().post("/api/v1/tag", """
        {"name": "Donor", "color": "#123456"}""").body().get("id").asLong();
    long child = kith.api().post("/api/v1/tag", """
        {"name": "Monthly Donor", "parent": %d}""".formatted(parent)).body().get("id").asLong();

    Response cycle = kith.api().patch("/api/v1/tag/" + parent, """
        {"parent": %d}""".formatted(child));
    assertThat(cycle.status()).isEqualTo(400);
    assertThat(cycle.body().get("errors").get(0).get("code").asString()).isEqualTo("cycle");

    Response badColour = kith.api().post("/api/v1/tag", """
        {"name": "Red", "color": "red"}""");
    assertThat(badColour.status()).isEqualTo(400);
    assertThat(badColour.body().get("errors").get(0).get("field").asString()).isEqualTo("color");
  }

  @Test
  void contactsJoinAndLeaveAGroupInBulkByIdsOrByQuery() {
    long group = group("Bulk group");

    Response added = kith.api().post("/api/v1/contact/links/groups", """
        {"ids": [%d, %d], "add": [%d]}""".formatted(people.get(0), people.get(2), group));
    assertThat(added.status()).as(String.valueOf(added.body())).isEqualTo(200);
    assertThat(added.body().get("changed").asLong()).isEqualTo(2);
    assertThat(members(group)).containsExactlyInAnyOrder(people.get(0), people.get(2));

    Response byQuery = kith.api().post("/api/v1/contact/links/groups", """
        {"query": {"filter": {"field": "last_name", "op": "contains", "value": "文"}}, "add": [%d]}""".formatted(group));
    assertThat(byQuery.body().get("matched").asLong()).isEqualTo(2);
    assertThat(byQuery.body().get("added").asLong()).isEqualTo(1);
    assertThat(members(group)).containsExactlyInAnyOrder(people.get(0), people.get(1), people.get(2));

    JsonNode one = kith.api().get("/api/v1/contact/" + people.get(0)).body();
    assertThat(one.get("groups")).extracting(JsonNode::asLong).containsExactly(group);
    assertThat(one.get("version").asInt()).isEqualTo(2);
    JsonNode history = kith.api().get("/api/v1/contact/" + people.get(0) + "/history").body();
    assertThat(history.toString()).contains("groups");

    Response removed = kith.api().post("/api/v1/contact/links/groups", """
        {"ids": [%d, %d, %d], "remove": [%d]}""".formatted(people.get(0), people.get(1), people.get(3), group));
    assertThat(removed.body().get("removed").asLong()).isEqualTo(2);
    assertThat(members(group)).containsExactly(people.get(2));
  }

  @Test
  void aContactIsTaggedOneByOneOrInBulkTheSameWay() {
    long donor = tag("Major Donor");
    long volunteer = tag("Volunteer");
    Response one = kith.api().patch("/api/v1/contact/" + people.get(3), """
        {"tags": [%d]}""".formatted(donor));
    assertThat(one.status()).isEqualTo(200);

    Response bulk = kith.api().post("/api/v1/contact/links/tags", """
        {"ids": [%d, %d], "add": [%d, %d]}""".formatted(people.get(2), people.get(3), donor, volunteer));
    assertThat(bulk.body().get("added").asLong()).isEqualTo(3);
    assertThat(kith.api().get("/api/v1/contact/" + people.get(3)).body().get("tags"))
        .extracting(JsonNode::asLong).containsExactly(donor, volunteer);
    Response tagged = kith.api().post("/api/v1/contact/search", """
        {"filter": {"field": "tags", "op": "in", "value": [%d]}}""".formatted(volunteer));
    assertThat(tagged.body().get("total").asLong()).isEqualTo(2);
  }

  @Test
  void bulkLinkRequestsWithBadPartsAreRefusedNamingThem() {
    Response missingTarget = kith.api().post("/api/v1/contact/links/groups", """
        {"ids": [%d], "add": [987654]}""".formatted(people.get(0)));
    assertThat(missingTarget.status()).isEqualTo(400);
    assertThat(missingTarget.body().get("errors")).extracting(e -> e.get("field").asString(), e -> e.get("code").asString())
        .containsExactly(tuple("add[0]", "not_found"));

    Response notLinks = kith.api().post("/api/v1/contact/links/first_name", """
        {"ids": [%d], "add": [1]}""".formatted(people.get(0)));
    assertThat(notLinks.status()).isEqualTo(400);
    assertThat(notLinks.body().get("errors").get(0).get("code").asString()).isEqualTo("not_a_multi_reference");

    Response nothing = kith.api().post("/api/v1/contact/links/groups", "{}");
    assertThat(nothing.body().get("errors")).extracting(e -> e.get("field").asString())
        .containsExactlyInAnyOrder("ids", "add");
  }

  private long tag(String name) {
    JsonNode page = kith.api().post("/api/v1/tag/search", """
        {"filter": {"field": "name", "op": "eq", "value": "%s"}}""".formatted(name)).body();
    return page.get("items").get(0).get("id").asLong();
  }

  /** A group's members: contacts whose groups include it. */
  private List<Long> members(long group) {
    Response r = kith.api().post("/api/v1/contact/search", """
        {"filter": {"field": "groups", "op": "in", "value": [%d]}, "size": 200}""".formatted(group));
    assertThat(r.status()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    r.body().get("items").forEach(i -> ids.add(i.get("id").asLong()));
    return ids;
  }
}
