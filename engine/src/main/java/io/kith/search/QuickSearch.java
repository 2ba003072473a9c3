package io.kith.search;

import io.kith.access.Access;
import io.kith.access.AccessContext;
import io.kith.access.Action;
import io.kith.access.Scope;
import io.kith.fieldtype.FieldTypes;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataRegistry;
import io.kith.metadata.MetadataSnapshot;
import io.kith.support.SnapshotCache;
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
 * <p>Each look-up is one statement per entity type for most terms, and a short second step for
 * terms common enough to match a large share of rows; every part is answered by an index with a
 * limit (see {@link EntitySearch}).
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

  public QuickSearch(MetadataRegistry registry, FieldTypes fieldTypes, DatabaseClient db, TransactionalOperator tx) {
    this.registry = registry;
    this.fieldTypes = fieldTypes;
    this.db = db;
    this.tx = tx;
    this.stats = new GramStats(db);
  }

  /** Up to {@code limit} records of every type in quick search, best first. */
  public Mono<List<SearchHit>> search(String typed, int limit) {
    return AccessContext.current().flatMap(access -> {
      MetadataSnapshot snapshot = registry.snapshot();
      return run(snapshot, snapshot.entities().values().stream().filter(EntityDef::isSearchable)
          .filter(e -> reaches(access, e)).toList(), typed, limit);
    });
  }

  /** Up to {@code limit} records of one type, best first; none when the type is not in quick search. */
  public Mono<List<SearchHit>> search(String entity, String typed, int limit) {
    return AccessContext.current().flatMap(access -> {
      MetadataSnapshot snapshot = registry.snapshot();
      snapshot.entity(entity).ifPresent(e -> access.require(e.name(), Action.VIEW));
      return run(snapshot, snapshot.entity(entity).filter(EntityDef::isSearchable)
          .filter(e -> reaches(access, e)).stream().toList(), typed, limit);
    });
  }

  /** Whether the caller sees every record of {@code entity} (403 when they may not view it at all). */
  public Mono<Boolean> reachesAll(String entity) {
    return AccessContext.current().map(access -> {
      access.require(entity, Action.VIEW);
      return access.scope(entity) == Scope.ALL;
    });
  }

  /**
   * Whether the caller sees every record of the type. Quick search answers from its own index
   * without the owner filter, so types the caller reaches only partly are left out of it (their
   * lists, searches and autocomplete still apply the scope).
   */
  private static boolean reaches(Access access, EntityDef entity) {
    return access.can(entity.name(), Action.VIEW) && access.scope(entity.name()) == Scope.ALL;
  }

  /** Whether records of {@code entity} are found through quick search. */
  public boolean covers(String entity) {
    return registry.snapshot().entity(entity).map(EntityDef::isSearchable).orElse(false);
  }

  private Mono<List<SearchHit>> run(MetadataSnapshot snapshot, List<EntityDef> entities, String typed, int limit) {
    SearchTerm term = SearchTerm.of(typed);
    if (term == null || entities.isEmpty()) {
      return Mono.just(List.of());
    }
    List<String> order = new ArrayList<>(snapshot.entities().keySet());
    EntitySearch.Session session = new EntitySearch.Session(db, tx);
    Flux<SearchHit> hits = Flux.fromIterable(entities).concatMap(entity -> {
      SearchSql sql = statements.get(snapshot, entity.name(), name -> new SearchSql(entity, fieldTypes));
      return stats.of(entity.name())
          .flatMap(frequencies -> new EntitySearch(session, sql, term, limit, frequencies).run())
          .flatMapIterable(found -> found.stream()
              .map(f -> new SearchHit(entity.name(), f.id(), f.label(), f.rank(), f.sortKey())).toList());
    });
    return hits.collectList().map(all -> all.stream()
        .sorted(Comparator.comparing(SearchHit::rank).thenComparing(SearchHit::sortKey)
            .thenComparing(h -> order.indexOf(h.entity())).thenComparingLong(SearchHit::id))
        .limit(limit)
        .toList());
  }
}
