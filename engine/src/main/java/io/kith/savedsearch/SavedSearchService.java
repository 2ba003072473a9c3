package io.kith.savedsearch;

import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataRegistry;
import io.kith.metadata.MetadataSnapshot;
import io.kith.query.LenientQuery;
import io.kith.query.QueryReader;
import io.kith.record.RecordException;
import io.kith.record.RecordException.Reason;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lists, saves, changes and deletes saved searches as one viewer sees them: shared ones and their
 * own. Saving checks the query strictly against the current metadata; opening reads it leniently.
 */
public final class SavedSearchService {

  /** Longest name accepted. */
  public static final int MAX_NAME = 100;

  private final MetadataRegistry registry;
  private final QueryReader reader;
  private final SavedSearchStore store;

  public SavedSearchService(MetadataRegistry registry, QueryReader reader, DatabaseClient db) {
    this.registry = registry;
    this.reader = reader;
    this.store = new SavedSearchStore(db);
  }

  /** A saved search with its query read against today's metadata. */
  public record Opened(SavedSearch search, LenientQuery query) {}

  /** Searches of one entity type ({@code null}: all) visible to {@code viewer}, by name. */
  public Flux<SavedSearch> list(String entity, Optional<Long> viewer) {
    return store.visible(entity, viewer);
  }

  /** One search, or 404 when it does not exist or is someone else's private search. */
  public Mono<SavedSearch> get(long id, Optional<Long> viewer) {
    return store.find(id)
        .filter(s -> s.visibleTo(viewer))
        .switchIfEmpty(Mono.error(() -> new RecordException(Reason.NOT_FOUND, "saved_search_not_found", id)));
  }

  /** One search with the parts of its query that still apply (and those that no longer do). */
  public Mono<Opened> open(long id, Optional<Long> viewer) {
    return get(id, viewer).zipWith(registry.pinned(), (s, snapshot) -> {
      EntityDef entity = snapshot.entity(s.entity())
          .orElseThrow(() -> new RecordException(Reason.NOT_FOUND, "unknown_entity", s.entity()));
      return new Opened(s, reader.readLenient(snapshot, entity, s.query()));
    });
  }

  public Mono<SavedSearch> create(SavedSearchDraft draft, Optional<Long> owner) {
    return registry.pinned().flatMap(snapshot -> store.insert(checked(snapshot, draft, null), owner))
        .onErrorMap(DataIntegrityViolationException.class, SavedSearchService::duplicateName);
  }

  /** Renames, re-shares or replaces the query of the viewer's own search. */
  public Mono<SavedSearch> update(long id, SavedSearchDraft draft, Optional<Long> viewer) {
    return owned(id, viewer)
        .zipWith(registry.pinned())
        .flatMap(found -> store.update(id, checked(found.getT2(), draft, found.getT1().entity())))
        .onErrorMap(DataIntegrityViolationException.class, SavedSearchService::duplicateName);
  }

  public Mono<Void> delete(long id, Optional<Long> viewer) {
    return owned(id, viewer).flatMap(s -> store.delete(id)).then();
  }

  private Mono<SavedSearch> owned(long id, Optional<Long> viewer) {
    return get(id, viewer).flatMap(s -> s.ownedBy(viewer) ? Mono.just(s)
        : Mono.error(new RecordException(Reason.FORBIDDEN, "not_owner", s.name())));
  }

  /**
   * The draft with its query checked, all problems at once; {@code fixedEntity} is the entity type
   * of an existing search, which cannot change. The saved query never keeps a page number.
   */
  private SavedSearchDraft checked(MetadataSnapshot snapshot, SavedSearchDraft draft, String fixedEntity) {
    List<FieldError> errors = new ArrayList<>();
    String entityName = fixedEntity != null ? fixedEntity : draft.entity();
    if (fixedEntity != null && draft.entity() != null && !draft.entity().equals(fixedEntity)) {
      errors.add(FieldError.of("entity", "entity_mismatch", fixedEntity));
    }
    EntityDef entity = entityName == null ? null : snapshot.entity(entityName).orElse(null);
    if (entity == null) {
      errors.add(FieldError.of("entity", entityName == null ? "required" : "unknown_entity_type", entityName));
    }
    if (draft.name() == null || draft.name().isBlank()) {
      errors.add(FieldError.of("name", "required"));
    } else if (draft.name().length() > MAX_NAME) {
      errors.add(FieldError.of("name", "too_long", MAX_NAME));
    }
    ObjectNode query = null;
    if (draft.query() == null || !draft.query().isObject()) {
      errors.add(FieldError.of("query", "not_an_object"));
    } else if (entity != null) {
      query = ((ObjectNode) draft.query()).deepCopy();
      query.remove("page");
      try {
        reader.read(snapshot, entity, query);
      } catch (RecordValidationException e) {
        e.errors().forEach(error -> errors.add(new FieldError(
            error.field().isEmpty() ? "query" : "query." + error.field(), error.code(), error.arguments())));
      }
    }
    if (!errors.isEmpty()) {
      throw new RecordValidationException(errors);
    }
    return new SavedSearchDraft(entity.name(), draft.name(), query, draft.shared());
  }

  private static Throwable duplicateName(DataIntegrityViolationException e) {
    return new RecordValidationException(List.of(FieldError.of("name", "duplicate_name")));
  }
}
