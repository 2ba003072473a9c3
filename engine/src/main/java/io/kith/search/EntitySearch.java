package io.kith.search;

import io.kith.query.Bind;
import io.kith.query.QuerySql;
import io.kith.search.SearchSql.Found;
import io.kith.search.SearchSql.Grams;
import io.kith.search.SearchSql.Part;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * One quick search in one entity type.
 *
 * <p>First one statement with every part whose grams are not common together (PostgreSQL's
 * statistics of {@code search_grams} say which are common; see {@link GramStats#common(Map, List)}), each asking the index for its two rarest grams
 * ({@link GramStats#selective}): the exact value (one hashed gram), labels starting with the term (a range of the label index, in
 * label order), values or words starting with it, values containing it. Uncommon grams keep every
 * bitmap small, and most terms are done here.
 *
 * <p>A rank whose grams are common together would match a large share of rows. Unless the better ranks
 * already fill the page, it is sampled by one more statement: the rarest of its grams, read
 * through {@code gin_fuzzy_search_limit} (about {@value #SAMPLE} random rows holding it), set
 * within that statement ({@link SearchSql.Grams#SAMPLED}), then re-checked; only when that finds
 * too few for a term of several grams do all its grams go to the index unsampled. The grams of
 * these statements are hidden from the planner, so no estimate can make the database read the
 * whole table, and no transaction or setting costs a round trip of its own.
 *
 * <p>Every part has a limit; a rank with more matches than it reads shows the best by label of
 * those it read.
 */
final class EntitySearch {

  /** About how many rows a common gram is sampled down to. */
  static final int SAMPLE = 1000;

  /** Database access for the searches of one request. */
  record Session(DatabaseClient db, TransactionalOperator tx) {

    /** Runs {@code work} with sequential scans off and every gram read in full (a scoped search). */
    <T> Mono<T> indexed(Mono<T> work) {
      return tx.transactional(db.sql("set local enable_seqscan = off").then().then(work));
    }
  }

  private final Session session;
  private final SearchSql sql;
  private final SearchTerm term;
  private final int limit;
  private final int candidates;
  private final Map<Integer, Float> frequencies;
  private final Map<Long, Found> found = new HashMap<>();
  private final QuerySql.Fragment scope;
  private final boolean labelOnly;

  EntitySearch(Session session, SearchSql sql, SearchTerm term, int limit, Map<Integer, Float> frequencies) {
    this(session, sql, term, limit, frequencies, null);
  }

  /**
   * @param scope the records the caller reaches ({@link SearchSql#statement(List, QuerySql.Fragment)}),
   *     or null for all. A scoped search reads common grams in full instead of sampling them: a
   *     sample of the whole table would miss most of the few rows the caller may see.
   */
  EntitySearch(Session session, SearchSql sql, SearchTerm term, int limit, Map<Integer, Float> frequencies,
      QuerySql.Fragment scope) {
    this(session, sql, term, limit, frequencies, scope, false);
  }

  /**
   * @param labelOnly match the display name only: some search field is hidden from the caller, and
   *     a match on its value would tell them what it holds
   */
  EntitySearch(Session session, SearchSql sql, SearchTerm term, int limit, Map<Integer, Float> frequencies,
      QuerySql.Fragment scope, boolean labelOnly) {
    this.labelOnly = labelOnly;
    this.scope = scope;
    this.session = session;
    this.sql = sql;
    this.term = term;
    this.limit = limit;
    this.candidates = Math.max(100, 5 * limit);
    this.frequencies = frequencies;
  }

  /** A statement's parts and the values of their placeholders, in order. */
  record Statement(List<Part> parts, Object[] values) {}

  /** The first statement: every part whose grams are not all common, and the label range. */
  Statement first() {
    List<Part> parts = new ArrayList<>(List.of(Part.LABEL));
    List<Object> values = new ArrayList<>(List.of(term.labelFrom(), term.labelTo(), limit));
    if (labelOnly) {
      return new Statement(parts, values.toArray());
    }
    if (!allCommon(term.exactGrams())) {
      parts.add(Part.EXACT);
      values.addAll(List.of(grams(term.exactGrams()), candidates));
    }
    List<String> prefix = GramStats.selective(frequencies, term.prefixGrams());
    if (!allCommon(prefix)) {
      parts.add(Part.PREFIX);
      values.addAll(List.of(grams(prefix), candidates));
    }
    List<String> contains = GramStats.selective(frequencies, term.containsGrams());
    if (!contains.isEmpty() && !allCommon(contains)) {
      parts.add(Part.CONTAINS);
      values.addAll(List.of(grams(contains), term.term(), candidates));
    }
    return new Statement(parts, values.toArray());
  }

  Mono<List<Found>> run() {
    List<String> exact = term.exactGrams();
    List<String> prefix = GramStats.selective(frequencies, term.prefixGrams());
    List<String> contains = GramStats.selective(frequencies, term.containsGrams());
    boolean commonExact = allCommon(exact);
    boolean commonPrefix = allCommon(prefix);
    boolean commonContains = allCommon(contains);
    Statement first = first();
    Mono<Void> common = labelOnly ? Mono.empty() : Mono.defer(() -> {
      boolean prefixes = (commonExact || commonPrefix) && !filled(Rank.PREFIX);
      if (!prefixes && !(commonContains && !filled(Rank.PREFIX))) {
        return Mono.empty();
      }
      Mono<Void> work = Mono.empty();
      if (commonExact) {
        work = work.then(query(List.of(Part.EXACT), sampled(), grams(exact), candidates));
      }
      if (commonPrefix) {
        work = work.then(sample(Part.PREFIX, prefix, term.prefixGrams(), Rank.PREFIX));
      }
      if (commonContains) {
        work = work.then(Mono.defer(() -> filled(Rank.PREFIX) ? Mono.empty() : sample(Part.CONTAINS, contains, term.containsGrams(), Rank.CONTAINS)));
      }
      return scope == null ? work : session.indexed(work);
    });
    return query(first.parts(), Grams.ESTIMATED, first.values()).then(common).then(Mono.fromSupplier(this::best));
  }

  /**
   * The rarest gram sampled; if that leaves the rank short, every gram of the term in full: the
   * two rarest alone can be two overlapping grams sharing most of their rows ({@code mit} and
   * {@code ith} of {@code mith}, 144 ms at a million contacts), where the rest, the marked
   * start of a word among them, narrow it down (3 ms, measured).
   */
  private Mono<Void> sample(Part part, List<String> grams, List<String> all, Rank rank) {
    String rarest = grams.stream().min(Comparator.comparing((String g) -> GramStats.share(frequencies, g))).orElseThrow();
    Mono<Void> sampled = query(List.of(part), sampled(), values(part, List.of(rarest)));
    if (grams.size() == 1) {
      return sampled;
    }
    return sampled.then(Mono.defer(() -> filled(rank) ? Mono.empty()
        : query(List.of(part), scope == null ? Grams.FULL : Grams.ESTIMATED, values(part, all))));
  }

  /**
   * How common grams are read: sampled within the statement, or, in a scoped search (which runs
   * in a transaction with sequential scans off, where a setting would outlive the statement), in full.
   */
  private Grams sampled() {
    return scope == null ? Grams.SAMPLED : Grams.ESTIMATED;
  }

  private Object[] values(Part part, List<String> grams) {
    return part == Part.CONTAINS ? new Object[] {grams(grams), term.term(), candidates}
        : new Object[] {grams(grams), candidates};
  }

  private Mono<Void> query(List<Part> parts, Grams grams, Object... values) {
    GenericExecuteSpec spec = session.db().sql(sql.statement(parts, scope, grams))
        .bind(0, term.exactText()).bind(1, term.prefixText()).bind(2, term.wordPrefixText());
    int next = 3;
    if (scope != null) {
      for (Bind b : scope.binds()) {
        spec = spec.bind(next++, b.value());
      }
    }
    for (int i = 0; i < values.length; i++) {
      spec = spec.bind(next + i, values[i]);
    }
    return spec.map(sql::found).all()
        .doOnNext(f -> found.merge(f.id(), f, (a, b) -> a.rank().compareTo(b.rank()) <= 0 ? a : b))
        .then();
  }

  /** Whether ranks up to {@code rank} already fill the page. */
  private boolean filled(Rank rank) {
    return found.values().stream().filter(f -> f.rank().compareTo(rank) <= 0).count() >= limit;
  }

  private boolean allCommon(List<String> grams) {
    return GramStats.common(frequencies, grams);
  }

  private List<Found> best() {
    return found.values().stream()
        .sorted(Comparator.comparing(Found::rank).thenComparing(Found::sortKey).thenComparingLong(Found::id))
        .limit(limit)
        .toList();
  }

  private static Integer[] grams(List<String> grams) {
    return SearchText.gramKeys(grams);
  }
}
