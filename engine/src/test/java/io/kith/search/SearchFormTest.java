package io.kith.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.fieldtype.FieldTypes;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataLoader;
import io.kith.metadata.MetadataSource;
import io.kith.render.SearchFields;
import io.kith.render.SearchForm;
import io.kith.testing.ApiClient;
import io.kith.testing.MetadataFolders;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The advanced search form's parameters and query JSON, both ways, and error paths mapped to rows. */
class SearchFormTest {

  private final EntityDef item = new MetadataLoader()
      .load(new MetadataSource(MetadataFolders.resource("metadata-query").toString()).read(), 1)
      .entity("item").orElseThrow();
  private final SearchFields fields = new SearchFields(item, new FieldTypes(ZoneId.of("UTC")));

  @Test
  void formBecomesQueryJsonWithGroupsCollectionsAndTypedValues() {
    Map<String, List<String>> params = Map.ofEntries(
        Map.entry("match", List.of("or")),
        Map.entry("c0.field", List.of("quantity")), Map.entry("c0.op", List.of("between")),
        Map.entry("c0.value", List.of("5")), Map.entry("c0.to", List.of("10")),
        Map.entry("c1.field", List.of("parts.part_colour")), Map.entry("c1.op", List.of("in")),
        Map.entry("c1.value", List.of("red", "blue")),
        Map.entry("c2.field", List.of("title")), Map.entry("c2.group", List.of("1")),
        Map.entry("c3.field", List.of("fragile")), Map.entry("c3.op", List.of("eq")),
        Map.entry("c3.value", List.of("true")), Map.entry("c3.group", List.of("1")),
        Map.entry("c2.value", List.of("apple")), Map.entry("g1.match", List.of("and")),
        Map.entry("c4.field", List.of("")), Map.entry("c4.op", List.of("eq")),
        Map.entry("col", List.of("code", "title")), Map.entry("sort", List.of("price")),
        Map.entry("dir", List.of("desc")), Map.entry("size", List.of("50")));
    SearchForm.Converted converted = SearchForm.toJson(fields, SearchForm.parse(params));
    // Compared as text: the form makes long and decimal nodes where parsing makes int and double ones.
    assertThat(converted.json().toString()).isEqualTo(ApiClient.parse("""
        {"filter": {"or": [
           {"field": "quantity", "op": "between", "value": [5, 10]},
           {"field": "parts", "op": "any", "value": {"field": "part_colour", "op": "in", "value": ["red", "blue"]}},
           {"and": [{"field": "title", "op": "contains", "value": "apple"},
                    {"field": "fragile", "op": "eq", "value": true}]}]},
         "columns": ["code", "title"], "sort": ["-price"], "size": 50}""").toString());
    assertThat(converted.rowOf("filter.or[0].value[1]")).isEqualTo("c0");
    assertThat(converted.rowOf("filter.or[1].value.value[0]")).isEqualTo("c1");
    assertThat(converted.rowOf("filter.or[2].and[1].value")).isEqualTo("c3");
    assertThat(converted.rowOf("sort[0]")).isNull();
  }

  @Test
  void queryJsonBecomesFormParametersAndBackUnchanged() {
    JsonNode query = ApiClient.parse("""
        {"filter": {"and": [
           {"field": "colour", "op": "not_in", "value": ["red", "green"]},
           {"field": "made_on", "op": "last_days", "value": 30},
           {"or": [{"field": "price", "op": "ge", "value": 9.5}, {"field": "main_tag", "op": "in", "value": [3, 4]}]}]},
         "columns": ["code"], "sort": ["code"], "size": 10}""");
    Map<String, List<String>> params = SearchForm.fromJson(fields, query);
    assertThat(params).containsEntry("c0.value", List.of("red", "green")).containsEntry("c3.value", List.of("3", "4"))
        .containsEntry("g1.match", List.of("or")).containsEntry("c2.group", List.of("1"));
    assertThat(SearchForm.toJson(fields, SearchForm.parse(params)).json().toString()).isEqualTo(query.toString());
  }

  @Test
  void shapesTheFormCannotShowAreReportedAsSuch() {
    assertThat(SearchForm.fromJson(fields, ApiClient.parse(
        "{\"filter\": {\"and\": [{\"or\": [{\"and\": [{\"field\": \"code\", \"op\": \"empty\"}]}]}]}}"))).isNull();
    assertThat(SearchForm.fromJson(fields, ApiClient.parse(
        "{\"filter\": {\"field\": \"parts\", \"op\": \"any\", \"value\": {\"and\": [{\"field\": \"count\", \"op\": \"empty\"}]}}}")))
        .isNull();
    assertThat(SearchForm.fromJson(fields, ApiClient.parse("{\"sort\": [\"code\", \"-title\"]}"))).isNull();
  }
}
