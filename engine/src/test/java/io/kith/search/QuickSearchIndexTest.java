package io.kith.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.record.RecordService;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Quick search on 20,000 contacts written around Kith (plain SQL, as a bulk import would) and then
 * filled by the backfill: every statement quick search runs is answered from an index (the plans
 * are read with EXPLAIN, under the settings quick search uses), and common terms, whose ranks are
 * sampled or read in label order, still return genuine, correctly ranked and ordered matches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickSearchIndexTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final int CONTACTS = 20_000;

  private long filled;

  @BeforeAll
  void loadAndFill() {
    // One contact in 20 has the family name 陳 (stored, as on the forms, in last_name), a few more
    // other Chinese names; the rest Latin names, some of them Chan.
    kith.db().execute("""
        insert into contact (subtype, first_name, last_name)
        select 'individual',
               case when g % 20 < 4 then (array['大文', '小明', '美玲', '志偉', '嘉欣'])[1 + g / 20 % 5]
                    else (array['Ada', 'Bo', 'Chan', 'Dora', 'Eli', 'Fung', 'Grace'])[1 + g % 7] end,
               case when g % 20 = 0 then '陳' when g % 20 < 4 then (array['李', '張', '黃'])[g % 20]
                    else (array['Au', 'Brown', 'Cheung', 'Chan', 'Ho', 'Wong'])[1 + g / 7 % 6] || ' ' || (g % 997) end
          from generate_series(1, :contacts) g""".replace(":contacts", Integer.toString(CONTACTS)));
    kith.db().execute("""
        insert into contact__emails (parent_id, position, email)
        select id, 0, 'person' || id || '@example.org' from contact""");
    filled = kith.server().bean(RecordService.class).fillSearchColumns("contact").block();
  }

  @Test
  void backfillFillsRowsWrittenAroundKithWithTheirComputedNames() {
    assertThat(filled).isEqualTo(CONTACTS);
    assertThat(kith.db().query("select count(*) as n from contact where search_text is null").get(0).get("n"))
        .isEqualTo(0L);
    Map<String, Object> row = kith.db().query(
        "select display_name, sort_name, search_label from contact where first_name = '大文' and last_name = '陳' limit 1").get(0);
    assertThat(row).containsEntry("display_name", "大文 陳").containsEntry("sort_name", "陳, 大文")
        .containsEntry("search_label", "大文 陳");
    assertThat(kith.server().bean(RecordService.class).fillSearchColumns("contact").block())
        .as("nothing left to fill").isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"陳", "大文", "chan", "cheung 12", "person123@", "example.org", "2345"})
  void theFirstStatementUsesTheIndexesWithoutAnySettings(String typed) {
    SearchTerm term = SearchTerm.of(typed);
    EntitySearch search = new EntitySearch(session(), sql(), term, 20, stats());
    EntitySearch.Statement first = search.first();

    String plan = explain(sql().statement(first.parts()), term, first.values());

    assertThat(plan).contains("Index Scan using contact__search_label__idx").doesNotContain("Seq Scan");
    if (first.parts().size() > 1) {
      assertThat(plan).contains("Bitmap Index Scan on contact__search_grams__idx");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"陳", "chan", "example"})
  void commonGramsAreSampledThroughTheGramIndexWithoutAnySettings(String typed) {
    SearchTerm term = SearchTerm.of(typed);
    String rarest = rarestContainsGram(term);
    assertThat(GramStats.common(stats(), rarest)).as("%s is common here", rarest).isTrue();

    for (SearchSql.Grams grams : List.of(SearchSql.Grams.SAMPLED, SearchSql.Grams.FULL)) {
      String plan = explain(sql().statement(List.of(SearchSql.Part.CONTAINS), null, grams), term,
          SearchText.gramKeys(List.of(rarest)), term.term(), 100);

      assertThat(plan).as(grams.name()).contains("Bitmap Index Scan on contact__search_grams__idx")
          .doesNotContain("Seq Scan");
    }
  }

  @Test
  void aSampledStatementReadsASampleOfACommonGramAndLeavesNoSettingBehind() {
    SearchTerm term = SearchTerm.of("example");
    String statement = sql().statement(List.of(SearchSql.Part.CONTAINS), null, SearchSql.Grams.SAMPLED);
    DatabaseClient db = kith.server().bean(DatabaseClient.class);
    String rarest = rarestContainsGram(term);

    List<String> seen = db.inConnection(connection -> {
      io.r2dbc.spi.Statement explain = connection.createStatement("explain (analyze, costs off, timing off) " + statement)
          .bind(0, term.exactText()).bind(1, term.prefixText()).bind(2, term.wordPrefixText())
          .bind(3, SearchText.gramKeys(List.of(rarest))).bind(4, term.term()).bind(5, CONTACTS);
      Mono<String> plan = Flux.from(explain.execute()).flatMap(r -> r.map(row -> row.get(0, String.class)))
          .collectList().map(lines -> String.join("\n", lines));
      Mono<String> after = Flux.from(connection.createStatement("show gin_fuzzy_search_limit").execute())
          .flatMap(r -> r.map(row -> row.get(0, String.class))).single();
      return plan.zipWith(after, List::of);
    }).block();

    Matcher index = Pattern.compile("Bitmap Index Scan on contact__search_grams__idx \\(actual rows=(\\d+)").matcher(seen.get(0));
    assertThat(index.find()).as(seen.get(0)).isTrue();
    assertThat(Integer.parseInt(index.group(1))).as("every one of the %d contacts holds the gram, about %d are read",
        CONTACTS, EntitySearch.SAMPLE).isBetween(EntitySearch.SAMPLE / 2, EntitySearch.SAMPLE * 2);
    assertThat(seen.get(1)).as("the setting ended with the statement").isEqualTo("0");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"陳", "大文", "chan", "Chan 5", "cheung", "李", "person1234", "example.org", "ch"})
  void commonTermsReturnGenuineMatchesRankedAndOrdered(String typed) {
    Response response = kith.api().send(HttpMethod.GET, "/api/v1/search?q={q}&limit=20", Map.of("q", typed), null);
    assertThat(response.status()).isEqualTo(200);
    List<JsonNode> hits = response.body().get("items").valueStream().toList();
    String q = SearchText.queryTerm(typed);

    assertThat(hits).as(typed).isNotEmpty();
    List<String> expectedOrder = new ArrayList<>();
    for (JsonNode hit : hits) {
      Map<String, Object> row = kith.db().query("select search_text, search_label, active from contact where id = $1",
          hit.get("id").asLong()).get(0);
      String text = (String) row.get("search_text");
      String rank = text.contains("\n" + q + "\n") ? "exact"
          : text.contains("\n" + q) || text.contains(" " + q) ? "prefix" : text.contains(q) ? "contains" : "none";
      assertThat(hit.get("rank").asString()).as(typed + " " + hit).isEqualTo(rank);
      assertThat(row.get("active")).isEqualTo(true);
      expectedOrder.add(rankOrder(rank) + "\u0000" + row.get("search_label") + "\u0000" + hit.get("id").asLong());
    }
    List<String> sorted = new ArrayList<>(expectedOrder);
    sorted.sort(Comparator.comparing((String s) -> s.split("\u0000")[0])
        .thenComparing(s -> s.split("\u0000")[1])
        .thenComparingLong(s -> Long.parseLong(s.split("\u0000")[2])));
    assertThat(expectedOrder).as(typed + ": exact, prefix, contains, then by label").isEqualTo(sorted);
  }

  @Test
  void aLongTermAskingTheIndexForOnlyTwoOfItsGramsFindsExactlyItsMatchesRanked() {
    String typed = "Person1999";
    assertThat(SearchTerm.of(typed).containsGrams()).as("more grams than are asked").hasSizeGreaterThan(GramStats.ASKED);
    List<Map<String, Object>> expected = kith.db().query("""
        select id, case when strpos(search_text, $1) > 0 then 'exact' when strpos(search_text, $2) > 0 then 'prefix'
                        else 'contains' end as rank
          from contact where active and strpos(search_text, $3) > 0""", "\nperson1999\n", "\nperson1999", "person1999");
    assertThat(expected).as("person1999@ (its local part exact) and person19990@ to person19999@").hasSize(11);

    Response response = kith.api().send(HttpMethod.GET, "/api/v1/search?q={q}&limit=20", Map.of("q", typed), null);

    assertThat(response.body().get("items").valueStream()
        .map(h -> h.get("id").asLong() + " " + h.get("rank").asString()))
        .containsExactlyInAnyOrderElementsOf(expected.stream().map(r -> r.get("id") + " " + r.get("rank")).toList());
  }

  @Test
  void aCommonTermFillsThePage() {
    for (String q : List.of("陳", "chan", "example")) {
      Response response = kith.api().send(HttpMethod.GET, "/api/v1/search?q={q}&limit=20", Map.of("q", q), null);
      assertThat(response.body().get("items")).as(q).hasSize(20);
    }
  }

  private static String rankOrder(String rank) {
    return switch (rank) {
      case "exact" -> "0";
      case "prefix" -> "1";
      default -> "2";
    };
  }

  /** The plan of one statement, run without any setting or transaction, as quick search runs it. */
  private String explain(String statement, SearchTerm term, Object... values) {
    GenericExecuteSpec spec = kith.server().bean(DatabaseClient.class).sql("explain " + statement)
        .bind(0, term.exactText()).bind(1, term.prefixText()).bind(2, term.wordPrefixText());
    for (int i = 0; i < values.length; i++) {
      spec = spec.bind(3 + i, values[i]);
    }
    return spec.map(row -> row.get(0, String.class)).all().collectList()
        .map(lines -> String.join("\n", lines)).block();
  }

  private static String rarestContainsGram(SearchTerm term) {
    Map<Integer, Float> stats = stats();
    return term.containsGrams().stream().min(Comparator.comparing((String g) -> GramStats.share(stats, g))).orElseThrow();
  }

  private static EntitySearch.Session session() {
    return new EntitySearch.Session(kith.server().bean(DatabaseClient.class),
        kith.server().bean(TransactionalOperator.class));
  }

  private static SearchSql sql() {
    return new SearchSql(RecordService.entity(kith.server().bean(io.kith.metadata.MetadataRegistry.class).snapshot(), "contact"),
        kith.server().bean(io.kith.fieldtype.FieldTypes.class));
  }

  private static Map<Integer, Float> stats() {
    return new GramStats(kith.server().bean(DatabaseClient.class)).of("contact").block();
  }
}
