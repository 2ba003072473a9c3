package io.kith.savedsearch;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** SQL for {@code kith.saved_search}; every value is a bind parameter. */
final class SavedSearchStore {

  private static final String COLUMNS =
      "id, entity, name, query::text as query, owner, shared, created_at, updated_at";

  private final DatabaseClient db;
  private final JsonMapper json = JsonMapper.builder().build();

  SavedSearchStore(DatabaseClient db) {
    this.db = db;
  }

  /** Searches of {@code entity} (all types when null) that {@code viewer} may see, by name. */
  Flux<SavedSearch> visible(String entity, Optional<Long> viewer) {
    DatabaseClient.GenericExecuteSpec spec = db.sql("select " + COLUMNS + " from kith.saved_search"
        + " where ($1::text is null or entity = $1) and (shared or owner is not distinct from $2::bigint)"
        + " order by lower(name), id");
    spec = entity == null ? spec.bindNull(0, String.class) : spec.bind(0, entity);
    spec = viewer.isEmpty() ? spec.bindNull(1, Long.class) : spec.bind(1, viewer.get());
    return spec.map(this::row).all();
  }

  Mono<SavedSearch> find(long id) {
    return db.sql("select " + COLUMNS + " from kith.saved_search where id = $1").bind(0, id).map(this::row).one();
  }

  Mono<SavedSearch> insert(SavedSearchDraft draft, Optional<Long> owner) {
    DatabaseClient.GenericExecuteSpec spec = db.sql("insert into kith.saved_search (entity, name, query, owner, shared)"
            + " values ($1, $2, $3::jsonb, $4, $5) returning " + COLUMNS)
        .bind(0, draft.entity()).bind(1, draft.name()).bind(2, json.writeValueAsString(draft.query()))
        .bind(4, draft.shared());
    spec = owner.isEmpty() ? spec.bindNull(3, Long.class) : spec.bind(3, owner.get());
    return spec.map(this::row).one();
  }

  Mono<SavedSearch> update(long id, SavedSearchDraft draft) {
    return db.sql("update kith.saved_search set name = $2, query = $3::jsonb, shared = $4, updated_at = now()"
            + " where id = $1 returning " + COLUMNS)
        .bind(0, id).bind(1, draft.name()).bind(2, json.writeValueAsString(draft.query())).bind(3, draft.shared())
        .map(this::row).one();
  }

  Mono<Long> delete(long id) {
    return db.sql("delete from kith.saved_search where id = $1").bind(0, id).fetch().rowsUpdated();
  }

  private SavedSearch row(Readable row) {
    return new SavedSearch(row.get("id", Long.class), row.get("entity", String.class), row.get("name", String.class),
        json.readTree(row.get("query", String.class)), row.get("owner", Long.class),
        Boolean.TRUE.equals(row.get("shared", Boolean.class)),
        row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class));
  }
}
