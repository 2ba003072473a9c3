package io.kith.search;

import io.kith.access.Access;
import io.kith.access.AccessContext;
import io.kith.access.Action;
import io.kith.fieldtype.FieldTypes;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataRegistry;
import io.kith.metadata.MetadataSnapshot;
import io.kith.query.Filter;
import io.kith.query.QuerySql;
import io.kith.query.ScopeFilter;
import io.kith.support.SnapshotCache;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Quick search: the search box on every page, {@code GET /api/v1/search} and the autocomplete of
 * reference widgets. Finds active records of the types whose metadata names search fields, ranked
 * exact, then prefix (of a value or a word), then contains, then by label.
 *
 * <p>Each look-up is one statement per entity type for most terms, and one or two more for terms
 * common enough to match a large share of rows; every part is answered by an index with a limit
 * (see {@link EntitySearch}). The types are searched concurrently and their hits merged.
 */
public final class QuickSearch {

  /** The most results one request may ask for. */
  public static final int MAX_LIMIT = 50;

  private final MetadataRegistry registry;
  private final FieldTypes fieldTypes;
  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final GramStats stats;
  private final SnapshotCache<SearchSql> statements = new SnapshotCache<>();
  /** Compiles the scope filter, which compares no dates, so any clock does. */
  private final QuerySql querySql = new QuerySql(Clock.systemUTC());

  public QuickSearch(MetadataRegistry registry, FieldTypes fieldTypes, DatabaseClient db, TransactionalOperator tx) {
    this.registry = registry;
    this.fieldTypes = fieldTypes;
    this.db = db;
    this.tx = tx;
    this.stats = new GramStats(db);
  }

  /** Up to {@code limit} records of every type in quick search the caller may view, best first. */
  public Mono<List<SearchHit>> search(String typed, int limit) {
    return Mono.zip(registry.pinned(), AccessContext.current()).flatMap(pinned -> {
      MetadataSnapshot snapshot = pinned.getT1();
      Access access = pinned.getT2();
      return run(snapshot, access, snapshot.entities().values().stream().filter(EntityDef::isSearchable)
          .filter(e -> access.can(e.name(), Action.VIEW)).toList(), typed, limit);
    });
  }

  /**
   * Up to {@code limit} records of one type, best first (403 when the caller may not view it);
   * none when the type is not in quick search.
   */
  public Mono<List<SearchHit>> search(String entity, String typed, int limit) {
    return Mono.zip(registry.pinned(), AccessContext.current()).flatMap(pinned -> {
      MetadataSnapshot snapshot = pinned.getT1();
      Access access = pinned.getT2();
      snapshot.entity(entity).ifPresent(e -> access.require(e.name(), Action.VIEW));
      return run(snapshot, access, snapshot.entity(entity).filter(EntityDef::isSearchable).stream().toList(),
          typed, limit);
    });
  }

  /** Whether records of {@code entity} are found through quick search in {@code snapshot}. */
  public static boolean covers(MetadataSnapshot snapshot, String entity) {
    return snapshot.entity(entity).map(EntityDef::isSearchable).orElse(false);
  }

  /**
   * Searches each type within the caller's record scope ({@link ScopeFilter}, the record service's
   * own definition), so only records the caller may open are found, and no more of them.
   */
  /** Whether one of the type's search fields (or collections of them) is hidden from the caller. */
  private static boolean searchesHidden(Access access, EntityDef entity) {
    return entity.searchFields().stream().map(path -> path.split("\\.")[0])
        .anyMatch(field -> access.hidden(entity.name(), field));
  }

  /** The caller's scope in {@code entity} as a condition for {@link SearchSql}, or null for every record. */
  private QuerySql.Fragment scope(Access access, EntityDef entity) {
    Filter reach = ScopeFilter.of(access, entity.name());
    return reach == null ? null : querySql.where(entity, reach, SearchSql.ALIAS, 4);
  }

  private Mono<List<SearchHit>> run(MetadataSnapshot snapshot, Access access, List<EntityDef> entities, String typed,
      int limit) {
    SearchTerm term = SearchTerm.of(typed);
    if (term == null || entities.isEmpty()) {
      return Mono.just(List.of());
    }
    List<String> order = new ArrayList<>(snapshot.entities().keySet());
    EntitySearch.Session session = new EntitySearch.Session(db, tx);
    // Each type on a connection of its own, all at once: a request waits for the slowest type, not
    // for the sum of them (types with few or no rows then cost next to nothing). The merge below
    // sorts, so the order in which the types answer does not matter.
    Flux<SearchHit> hits = Flux.fromIterable(entities).flatMap(entity -> {
      SearchSql sql = statements.get(snapshot, entity.name(), name -> new SearchSql(entity, fieldTypes));
      return stats.of(entity.name())
          .flatMap(frequencies -> new EntitySearch(session, sql, term, limit, frequencies, scope(access, entity),
              searchesHidden(access, entity)).run())
          .flatMapIterable(found -> found.stream()
              .map(f -> new SearchHit(entity.name(), f.id(), f.label(), f.rank(), f.sortKey())).toList());
    }, entities.size());
    return hits.collectList().map(all -> all.stream()
        .sorted(Comparator.comparing(SearchHit::rank).thenComparing(SearchHit::sortKey)
            .thenComparing(h -> order.indexOf(h.entity())).thenComparingLong(SearchHit::id))
        .limit(limit)
        .toList());
  }
}
