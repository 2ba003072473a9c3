package io.kith.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/{entity}/search}: every operator of every field type against a fixture with
 * known answers, AND/OR nesting, and refusals that name the offending part of the query.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryApiTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.withMetadata("/metadata-query");

  private static final LocalDate TODAY = LocalDate.now();

  private long tag1;
  private long tag2;

  @BeforeAll
  void start() throws Exception {
    tag1 = create("tag", "{\"name\": \"T1\"}");
    tag2 = create("tag", "{\"name\": \"T2\"}");
    create("item", """
        {"subtype": "small", "code": "A-1", "title": "Red apple", "notes": "crisp and sweet", "email": "a@fruit.hk",
         "phone": "+852 1111 2222", "site": "https://a.example", "quantity": 10, "weight": 1.25, "price": 9.99,
         "fragile": true, "made_on": "%s", "checked_at": "%sT12:00", "colour": "red", "colours": ["red", "green"],
         "main_tag": %d, "tags": [%d, %d],
         "parts": [{"part_name": "stem", "part_colour": "green", "count": 1}, {"part_name": "skin", "part_colour": "red", "count": 1}]}
        """.formatted(TODAY, TODAY, tag1, tag1, tag2));
    create("item", """
        {"subtype": "large", "code": "B-2", "title": "Blue whale", "email": "b@sea.org", "phone": "+852 3333 4444",
         "quantity": 200, "weight": 15000.5, "price": 1000, "fragile": false, "made_on": "%s",
         "checked_at": "%sT12:00", "colour": "blue", "colours": ["blue"], "main_tag": %d, "tags": [%d],
         "parts": [{"part_name": "fin", "part_colour": "blue", "count": 2}]}
        """.formatted(TODAY.minusDays(10), TODAY.minusDays(10), tag2, tag2));
    create("item", """
        {"subtype": "small", "code": "C-3", "title": "Green tea 50%%_off", "made_on": "%s", "colour": "green"}
        """.formatted(TODAY.plusDays(5)));
    long d = create("item", """
        {"subtype": "large", "code": "D-4", "quantity": 10, "made_on": "2020-01-15"}""");
    assertThat(kith.api().post("/api/v1/item/" + d + "/deactivate", "").status()).isEqualTo(200);
  }


  private long create(String entity, String json) {
    Response created = kith.api().post("/api/v1/" + entity, json);
    assertThat(created.status()).as(created.body() == null ? "" : created.body().toString()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private List<String> codes(String filter) {
    Response response = kith.api().post("/api/v1/item/search", "{\"filter\": " + filter + ", \"sort\": [\"code\"], \"size\": 50}");
    assertThat(response.status()).as(filter + " -> " + response.body()).isEqualTo(200);
    return response.body().get("items").valueStream().map(i -> i.get("code").asString()).toList();
  }

  static Stream<Arguments> conditions() {
    String today = TODAY.toString();
    return Stream.of(
        // text
        Arguments.of("{\"field\": \"title\", \"op\": \"contains\", \"value\": \"APPLE\"}", "A-1"),
        Arguments.of("{\"field\": \"title\", \"op\": \"contains\", \"value\": \"%\"}", "C-3"),
        Arguments.of("{\"field\": \"title\", \"op\": \"contains\", \"value\": \"_\"}", "C-3"),
        Arguments.of("{\"field\": \"title\", \"op\": \"starts_with\", \"value\": \"blue\"}", "B-2"),
        Arguments.of("{\"field\": \"title\", \"op\": \"eq\", \"value\": \"red apple\"}", "A-1"),
        Arguments.of("{\"field\": \"title\", \"op\": \"ne\", \"value\": \"Red apple\"}", "B-2,C-3,D-4"),
        Arguments.of("{\"field\": \"title\", \"op\": \"in\", \"value\": [\"Blue whale\", \"x\"]}", "B-2"),
        Arguments.of("{\"field\": \"title\", \"op\": \"empty\"}", "D-4"),
        Arguments.of("{\"field\": \"title\", \"op\": \"not_empty\"}", "A-1,B-2,C-3"),
        Arguments.of("{\"field\": \"notes\", \"op\": \"contains\", \"value\": \"sweet\"}", "A-1"),
        Arguments.of("{\"field\": \"email\", \"op\": \"starts_with\", \"value\": \"b@\"}", "B-2"),
        Arguments.of("{\"field\": \"phone\", \"op\": \"contains\", \"value\": \"3333\"}", "B-2"),
        Arguments.of("{\"field\": \"site\", \"op\": \"not_empty\"}", "A-1"),
        // numbers
        Arguments.of("{\"field\": \"quantity\", \"op\": \"eq\", \"value\": 10}", "A-1,D-4"),
        Arguments.of("{\"field\": \"quantity\", \"op\": \"ne\", \"value\": 10}", "B-2,C-3"),
        Arguments.of("{\"field\": \"quantity\", \"op\": \"lt\", \"value\": 100}", "A-1,D-4"),
        Arguments.of("{\"field\": \"quantity\", \"op\": \"le\", \"value\": 10}", "A-1,D-4"),
        Arguments.of("{\"field\": \"quantity\", \"op\": \"gt\", \"value\": 10}", "B-2"),
        Arguments.of("{\"field\": \"quantity\", \"op\": \"ge\", \"value\": 200}", "B-2"),
        Arguments.of("{\"field\": \"quantity\", \"op\": \"between\", \"value\": [5, 150]}", "A-1,D-4"),
        Arguments.of("{\"field\": \"quantity\", \"op\": \"in\", \"value\": [200, 7]}", "B-2"),
        Arguments.of("{\"field\": \"quantity\", \"op\": \"empty\"}", "C-3"),
        Arguments.of("{\"field\": \"weight\", \"op\": \"gt\", \"value\": 2}", "B-2"),
        Arguments.of("{\"field\": \"weight\", \"op\": \"between\", \"value\": [1, 2]}", "A-1"),
        Arguments.of("{\"field\": \"price\", \"op\": \"lt\", \"value\": 10}", "A-1"),
        Arguments.of("{\"field\": \"price\", \"op\": \"ge\", \"value\": 1000}", "B-2"),
        // boolean (unset booleans are stored as false)
        Arguments.of("{\"field\": \"fragile\", \"op\": \"eq\", \"value\": true}", "A-1"),
        Arguments.of("{\"field\": \"fragile\", \"op\": \"eq\", \"value\": false}", "B-2,C-3,D-4"),
        // dates
        Arguments.of("{\"field\": \"made_on\", \"op\": \"eq\", \"value\": \"" + today + "\"}", "A-1"),
        Arguments.of("{\"field\": \"made_on\", \"op\": \"lt\", \"value\": \"" + today + "\"}", "B-2,D-4"),
        Arguments.of("{\"field\": \"made_on\", \"op\": \"today\"}", "A-1"),
        Arguments.of("{\"field\": \"made_on\", \"op\": \"last_days\", \"value\": 30}", "A-1,B-2"),
        Arguments.of("{\"field\": \"made_on\", \"op\": \"next_days\", \"value\": 7}", "A-1,C-3"),
        Arguments.of("{\"field\": \"made_on\", \"op\": \"between\", \"value\": [\"2020-01-01\", \"2020-12-31\"]}", "D-4"),
        Arguments.of("{\"field\": \"checked_at\", \"op\": \"eq\", \"value\": \"" + today + "\"}", "A-1"),
        Arguments.of("{\"field\": \"checked_at\", \"op\": \"lt\", \"value\": \"" + today + "\"}", "B-2"),
        Arguments.of("{\"field\": \"checked_at\", \"op\": \"today\"}", "A-1"),
        Arguments.of("{\"field\": \"checked_at\", \"op\": \"last_days\", \"value\": 3}", "A-1"),
        Arguments.of("{\"field\": \"checked_at\", \"op\": \"empty\"}", "C-3,D-4"),
        // options
        Arguments.of("{\"field\": \"colour\", \"op\": \"eq\", \"value\": \"red\"}", "A-1"),
        Arguments.of("{\"field\": \"colour\", \"op\": \"ne\", \"value\": \"red\"}", "B-2,C-3,D-4"),
        Arguments.of("{\"field\": \"colour\", \"op\": \"in\", \"value\": [\"red\", \"blue\"]}", "A-1,B-2"),
        Arguments.of("{\"field\": \"colour\", \"op\": \"not_in\", \"value\": [\"red\"]}", "B-2,C-3,D-4"),
        Arguments.of("{\"field\": \"colour\", \"op\": \"empty\"}", "D-4"),
        Arguments.of("{\"field\": \"colours\", \"op\": \"in\", \"value\": [\"green\"]}", "A-1"),
        Arguments.of("{\"field\": \"colours\", \"op\": \"in\", \"value\": [\"blue\", \"green\"]}", "A-1,B-2"),
        Arguments.of("{\"field\": \"colours\", \"op\": \"not_in\", \"value\": [\"red\"]}", "B-2,C-3,D-4"),
        Arguments.of("{\"field\": \"colours\", \"op\": \"empty\"}", "C-3,D-4"),
        Arguments.of("{\"field\": \"colours\", \"op\": \"not_empty\"}", "A-1,B-2"),
        // references
        Arguments.of("{\"field\": \"main_tag\", \"op\": \"empty\"}", "C-3,D-4"),
        Arguments.of("{\"field\": \"tags\", \"op\": \"empty\"}", "C-3,D-4"),
        Arguments.of("{\"field\": \"tags\", \"op\": \"not_empty\"}", "A-1,B-2"),
        // collections
        Arguments.of("{\"field\": \"parts\", \"op\": \"any\", \"value\": {\"field\": \"part_colour\", \"op\": \"in\", \"value\": [\"blue\"]}}", "B-2"),
        Arguments.of("{\"field\": \"parts\", \"op\": \"any\", \"value\": {\"and\": [{\"field\": \"part_name\", \"op\": \"starts_with\", \"value\": \"s\"}, {\"field\": \"count\", \"op\": \"eq\", \"value\": 1}]}}", "A-1"),
        Arguments.of("{\"field\": \"parts\", \"op\": \"empty\"}", "C-3,D-4"),
        Arguments.of("{\"field\": \"parts\", \"op\": \"not_empty\"}", "A-1,B-2"),
        // computed and system columns
        Arguments.of("{\"field\": \"label\", \"op\": \"eq\", \"value\": \"a-1\"}", "A-1"),
        Arguments.of("{\"field\": \"active\", \"op\": \"eq\", \"value\": false}", "D-4"),
        Arguments.of("{\"field\": \"subtype\", \"op\": \"eq\", \"value\": \"small\"}", "A-1,C-3"),
        Arguments.of("{\"field\": \"subtype\", \"op\": \"in\", \"value\": [\"large\"]}", "B-2,D-4"),
        Arguments.of("{\"field\": \"created_at\", \"op\": \"last_days\", \"value\": 1}", "A-1,B-2,C-3,D-4"),
        // groups
        Arguments.of("{\"or\": [{\"field\": \"colour\", \"op\": \"eq\", \"value\": \"red\"}, {\"field\": \"quantity\", \"op\": \"gt\", \"value\": 100}]}", "A-1,B-2"),
        Arguments.of("{\"and\": [{\"field\": \"colour\", \"op\": \"in\", \"value\": [\"red\", \"blue\"]}, {\"or\": [{\"field\": \"fragile\", \"op\": \"eq\", \"value\": true}, {\"field\": \"quantity\", \"op\": \"ge\", \"value\": 200}]}]}", "A-1,B-2"),
        Arguments.of("{\"and\": [{\"field\": \"subtype\", \"op\": \"eq\", \"value\": \"large\"}, {\"field\": \"active\", \"op\": \"eq\", \"value\": true}]}", "B-2"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("conditions")
  void everyOperatorFindsExactlyTheRightRecords(String filter, String expected) {
    assertThat(codes(filter)).containsExactlyElementsOf(List.of(expected.split(",")));
  }

  @Test
  void referenceOperatorsMatchByTargetId() {
    assertThat(codes("{\"field\": \"main_tag\", \"op\": \"eq\", \"value\": " + tag1 + "}")).containsExactly("A-1");
    assertThat(codes("{\"field\": \"main_tag\", \"op\": \"in\", \"value\": [" + tag1 + ", " + tag2 + "]}")).containsExactly("A-1", "B-2");
    assertThat(codes("{\"field\": \"tags\", \"op\": \"in\", \"value\": [" + tag2 + "]}")).containsExactly("A-1", "B-2");
  }

  @Test
  void calendarPeriodsIncludeTodayAndExcludeOtherYears() {
    for (String op : List.of("this_week", "this_month", "this_year")) {
      assertThat(codes("{\"field\": \"made_on\", \"op\": \"" + op + "\"}")).as(op).contains("A-1").doesNotContain("D-4");
    }
  }

  @Test
  void returnsOnlyTheChosenColumnsWithTheId() {
    Response response = kith.api().post("/api/v1/item/search", """
        {"filter": {"field": "code", "op": "eq", "value": "B-2"}, "columns": ["title", "colour"]}""");
    JsonNode item = response.body().get("items").get(0);
    assertThat(item.propertyNames()).containsExactlyInAnyOrder("id", "title", "colour");
    assertThat(item.get("title").asString()).isEqualTo("Blue whale");
    assertThat(response.body().get("total").asLong()).isEqualTo(1);
    assertThat(response.body().has("totalEstimated")).isFalse();
  }

  @Test
  void sortsAndPages() {
    Response response = kith.api().post("/api/v1/item/search", "{\"sort\": [\"-quantity\", \"code\"], \"size\": 2, \"page\": 1}");
    assertThat(response.body().get("items").valueStream().map(i -> i.get("code").asString()).toList())
        .containsExactly("B-2", "A-1");
    assertThat(response.body().get("pages").asLong()).isEqualTo(2);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("{\"filter\": {\"field\": \"bogus\", \"op\": \"eq\", \"value\": 1}}", "filter.field", "unknown_filter_field"),
        Arguments.of("{\"filter\": {\"field\": \"name;drop table item\", \"op\": \"eq\", \"value\": 1}}", "filter.field", "unknown_filter_field"),
        Arguments.of("{\"filter\": {\"field\": \"code\", \"op\": \"like\", \"value\": \"x\"}}", "filter.op", "unknown_operator"),
        Arguments.of("{\"filter\": {\"field\": \"quantity\", \"op\": \"contains\", \"value\": \"1\"}}", "filter.op", "operator_not_allowed"),
        Arguments.of("{\"filter\": {\"field\": \"quantity\", \"op\": \"eq\", \"value\": \"ten\"}}", "filter.value", "bad_filter_value"),
        Arguments.of("{\"filter\": {\"field\": \"colour\", \"op\": \"eq\", \"value\": \"purple\"}}", "filter.value", "bad_filter_value"),
        Arguments.of("{\"filter\": {\"field\": \"made_on\", \"op\": \"eq\", \"value\": \"2020-02-30\"}}", "filter.value", "bad_filter_value"),
        Arguments.of("{\"filter\": {\"field\": \"quantity\", \"op\": \"between\", \"value\": [1]}}", "filter.value", "two_values_expected"),
        Arguments.of("{\"filter\": {\"field\": \"made_on\", \"op\": \"today\", \"value\": 1}}", "filter.value", "no_value_expected"),
        Arguments.of("{\"filter\": {\"field\": \"made_on\", \"op\": \"last_days\", \"value\": 0}}", "filter.value", "days_expected"),
        Arguments.of("{\"filter\": {\"and\": [{\"field\": \"code\", \"op\": \"eq\", \"value\": \"A-1\"}, {\"field\": \"x\", \"op\": \"eq\"}]}}", "filter.and[1].field", "unknown_filter_field"),
        Arguments.of("{\"filter\": {\"field\": \"parts\", \"op\": \"any\", \"value\": {\"field\": \"code\", \"op\": \"eq\", \"value\": \"A-1\"}}}", "filter.value.field", "unknown_filter_field"),
        Arguments.of("{\"filter\": {\"or\": []}}", "filter.or", "bad_group"),
        Arguments.of("{\"sort\": [\"nope\"]}", "sort[0]", "unknown_sort"),
        Arguments.of("{\"columns\": [\"code\", \"secret\"]}", "columns[1]", "unknown_column"),
        Arguments.of("{\"limit\": 5}", "limit", "unknown_field"),
        Arguments.of("{\"size\": 1000}", "size", "out_of_range"),
        Arguments.of("{\"entity\": \"tag\"}", "entity", "entity_mismatch"));
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @MethodSource("refusals")
  void invalidQueriesAreRefusedNamingTheirPart(String query, String path, String code) {
    Response response = kith.api().post("/api/v1/item/search", query);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType().toString()).isEqualTo("application/problem+json");
    JsonNode error = response.body().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo(path);
    assertThat(error.get("code").asString()).isEqualTo(code);
    assertThat(error.get("message").asString()).isNotBlank().doesNotStartWith("error.");
  }

  @Test
  void deeplyNestedFiltersAreRefused() {
    String filter = "{\"field\": \"code\", \"op\": \"eq\", \"value\": \"A-1\"}";
    for (int i = 0; i < 12; i++) {
      filter = "{\"and\": [" + filter + "]}";
    }
    Response response = kith.api().post("/api/v1/item/search", "{\"filter\": " + filter + "}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("errors").get(0).get("code").asString()).isEqualTo("too_deep");
  }

  @Test
  void hostileValuesAreBoundNotSpliced() {
    assertThat(codes("{\"field\": \"title\", \"op\": \"contains\", \"value\": \"x'; drop table item; --\"}")).isEmpty();
    assertThat(kith.db().count("item")).isEqualTo(4);
  }

  @Test
  void querySchemaIsPublished() {
    Response schema = kith.api().get("/api/v1/meta/query-schema");
    assertThat(schema.status()).isEqualTo(200);
    assertThat(schema.body().get("$defs").get("condition").get("properties").get("op").get("enum").valueStream()
        .map(JsonNode::asString).toList()).contains("contains", "between", "any", "last_days");
  }
}
