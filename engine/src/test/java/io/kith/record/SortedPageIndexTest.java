package io.kith.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataRegistry;
import io.kith.metadata.MetadataSnapshot;
import io.kith.query.Query;
import io.kith.query.QueryReader;
import io.kith.query.QuerySql;
import io.kith.testing.KithExtension;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sorted, filtered page on 30,000 contacts is read in index order and cut by the limit: the plan
 * of the statement the record store sends (read with EXPLAIN) walks a sort index, with no sort of
 * the matches. Names and gender go together here as in real data (a first name is mostly one
 * gender's), which is what makes walking the name index and filtering slow for the other gender.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SortedPageIndexTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final int CONTACTS = 30_000;

  @BeforeAll
  void load() {
    kith.db().execute("""
        insert into contact (subtype, first_name, last_name, display_name, gender, birth_date, do_not_phone,
                             preferred_communication_methods)
        select 'individual', f, l, f || ' ' || l, (array['female', 'male', 'other'])[1 + g % 8 / 3],
               date '1930-01-01' + g % 25000, g % 17 = 0,
               case when g % 3 = 0 then array['email'] else array['phone'] end
          from generate_series(1, :contacts) g,
               lateral (select (array['Ada', 'Bea', 'Cleo', 'Ben', 'Carl', 'Dan', 'Eve', 'Fay'])[1 + g % 8] as f,
                               'Chan ' || (g / 8 % 500) as l) n""".replace(":contacts", Integer.toString(CONTACTS)));
    kith.db().execute("analyze contact");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"field\": \"do_not_phone\", \"op\": \"eq\", \"value\": false}",
      "{\"field\": \"birth_date\", \"op\": \"lt\", \"value\": \"1960-01-01\"}",
      "{\"field\": \"preferred_communication_methods\", \"op\": \"in\", \"value\": [\"email\"]}"})
  void anOptionFilterSortedByNameWalksTheOptionsSortIndex(String second) {
    for (String gender : List.of("female", "male")) {
      String plan = explain("""
          {"filter": {"and": [{"field": "gender", "op": "eq", "value": "%s"}, %s]},
           "sort": ["display_name"], "page": 1, "size": 20, "columns": ["display_name", "gender", "birth_date"]}"""
          .formatted(gender, second));

      assertThat(plan).as(gender + " and " + second)
          .contains("Index Scan using contact__gender__idx")
          .contains("Index Cond: ((gender)::text = ")
          .doesNotContain("Sort").doesNotContain("Seq Scan").doesNotContain("Bitmap");
    }
  }

  @Test
  void aSortedListWithoutFiltersWalksTheSortColumnsIndex() {
    assertThat(explain("{\"sort\": [\"display_name\"], \"page\": 3, \"size\": 20}"))
        .contains("Index Scan using contact__display_name__idx").doesNotContain("Sort");
    assertThat(explain("{\"sort\": [\"birth_date\"], \"page\": 1, \"size\": 20}"))
        .as("ties on a list column broken by name, as its index holds them")
        .contains("Index Scan using contact__birth_date__idx").doesNotContain("Sort");
  }

  @Test
  void aMultiOptionFilterIsEstimatedFromTheColumnsStatistics() {
    String plan = explain("{\"filter\": {\"field\": \"preferred_communication_methods\", \"op\": \"in\","
        + " \"value\": [\"email\"]}, \"size\": 20}");
    long estimated = Long.parseLong(plan.replaceFirst("(?s).*Index Scan using [^(]*\\(cost=[0-9.]+ rows=(\\d+).*", "$1"));

    assertThat(estimated).as("a third of the rows match: " + plan).isBetween(CONTACTS / 3 / 2L, CONTACTS / 3 * 2L);
  }

  /** The plan of the page statement the record store builds for this search body. */
  private String explain(String body) {
    MetadataSnapshot snapshot = kith.server().bean(MetadataRegistry.class).snapshot();
    EntityDef contact = RecordService.entity(snapshot, "contact");
    Query query = kith.server().bean(QueryReader.class).read(snapshot, contact, JsonMapper.builder().build().readTree(body));
    QuerySql.Fragment where = new QuerySql(Clock.systemUTC()).where(contact, query.filter(), "t");
    String sql = RecordStore.pageSql(new EntityTable(contact), query, where);
    return SqlBinder.bind(kith.server().bean(DatabaseClient.class).sql("explain " + sql), where.binds())
        .map(row -> row.get(0, String.class)).all().collectList().map(lines -> String.join("\n", lines)).block();
  }
}
