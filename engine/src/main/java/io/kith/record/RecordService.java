package io.kith.record;

import io.kith.audit.HistoryWriter;
import io.kith.fieldtype.FieldTypeSupport;
import io.kith.fieldtype.FieldTypes;
import io.kith.fieldtype.InvalidValueException;
import io.kith.fieldtype.Json;
import io.kith.access.Access;
import io.kith.access.Action;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataRegistry;
import io.kith.metadata.MetadataSnapshot;
import io.kith.query.Query;
import io.kith.query.QueryReader;
import io.kith.query.QuerySql;
import io.kith.record.RecordException.Reason;
import io.kith.record.RecordSchemas.Mode;
import io.kith.support.SnapshotCache;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Create, read, list, update, deactivate and delete records of any entity type, as the current
 * metadata snapshot describes them. Every write validates first and runs in one transaction, child
 * rows included: on any error nothing is written. Each write records its audit history in the same
 * transaction ({@link HistoryWriter}).
 */
public final class RecordService {

  private final MetadataRegistry registry;
  private final FieldTypes fieldTypes;
  private final TransactionalOperator tx;
  private final InputReader inputReader;
  private final StoredChecks storedChecks;
  private final RecordStore store;
  private final SearchBackfill searchBackfill;
  private final RecordGuard guard;
  private final Ownership ownership;
  private final DatabaseClient db;
  private final SnapshotCache<EntityTable> tables = new SnapshotCache<>();
  private final QueryReader queryReader;
  private final QuerySql querySql;
  private final HistoryWriter history;
  private final BulkRecords bulk;
  private final PeriodEnds periodEnds;
  private final BulkLinks links;
  private final FileChecks fileChecks;

  public RecordService(MetadataRegistry registry, FieldTypes fieldTypes, RecordSchemas schemas,
      QueryReader queryReader, DatabaseClient db, TransactionalOperator tx, Clock clock) {
    this.db = db;
    this.queryReader = queryReader;
    this.querySql = new QuerySql(clock);
    this.registry = registry;
    this.fieldTypes = fieldTypes;
    this.tx = tx;
    this.inputReader = new InputReader(fieldTypes, schemas);
    this.storedChecks = new StoredChecks(db);
    RowMapper rows = new RowMapper(fieldTypes, clock);
    this.store = new RecordStore(db, fieldTypes, rows);
    this.searchBackfill = new SearchBackfill(db, store, rows);
    this.history = new HistoryWriter(db);
    this.guard = new RecordGuard(db);
    this.ownership = new Ownership(db, tx, history);
    this.periodEnds = new PeriodEnds(db);
    this.fileChecks = new FileChecks(db);
    this.links = new BulkLinks(db, tx, store, history, querySql);
    this.bulk = new BulkRecords(fieldTypes, inputReader, storedChecks, store, rows, history, db, this::table);
  }

  /** Batch validation and writes for bulk paths (imports), through the same checks as single writes. */
  public BulkRecords bulk() {
    return bulk;
  }

  public Mono<ObjectNode> create(String entityName, JsonNode body) {
    return Mono.deferContextual(context -> {
      MetadataSnapshot snapshot = registry.snapshot(context);
      EntityTable t = table(snapshot, entityName);
      return guard.require(t.entity, Action.CREATE).flatMap(access -> create(snapshot, t, body, access));
    });
  }

  private Mono<ObjectNode> create(MetadataSnapshot snapshot, EntityTable t, JsonNode body, Access access) {
    return Mono.defer(() -> {
      RecordGuard.writable(access, t.entity, body);
      JsonNode withDefaults = withDefaults(t.entity, body);
      RecordInput input = inputReader.read(snapshot, t.entity, withDefaults, Mode.CREATE, null);
      Map<String, Object> computed = computed(t.entity, input, null);
      Mono<ObjectNode> work = storedChecks.check(snapshot, t.entity, input, null, Map.of())
          .then(fileChecks.check(t.entity, input, null, access.userId()))
          .then(periodEnds.of(t.entity, input, null)).doOnNext(computed::putAll)
          .then(Mono.defer(() -> store.insert(t, input, computed, access.userId())))
          .flatMap(record -> history.created(t.entity, record).thenReturn(record));
      return tx.transactional(work).onErrorMap(e -> DatabaseErrors.translate(t.entity, e))
          .map(record -> RecordGuard.visible(access, t.entity, record));
    });
  }

  /**
   * Creates several records in one transaction (several relationships from one contact): all or
   * none. Errors name the record, {@code records[2].contact_b}; every record's input is read before
   * anything is written, so all input errors come back at once.
   */
  public Mono<List<ObjectNode>> createAll(String entityName, List<JsonNode> bodies) {
    return Mono.deferContextual(context -> {
      MetadataSnapshot snapshot = registry.snapshot(context);
      EntityTable t = table(snapshot, entityName);
      return guard.require(t.entity, Action.CREATE).flatMap(access -> {
        List<io.kith.validation.FieldError> errors = new java.util.ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
          try {
            RecordGuard.writable(access, t.entity, bodies.get(i));
            inputReader.read(snapshot, t.entity, withDefaults(t.entity, bodies.get(i)), Mode.CREATE, null);
          } catch (io.kith.validation.RecordValidationException e) {
            errors.addAll(prefixed(i, e).errors());
          }
        }
        if (!errors.isEmpty()) {
          return Mono.error(new io.kith.validation.RecordValidationException(errors));
        }
        Flux<ObjectNode> each = Flux.range(0, bodies.size()).concatMap(i -> create(snapshot, t, bodies.get(i), access)
            .onErrorMap(io.kith.validation.RecordValidationException.class, e -> prefixed(i, e)));
        return tx.transactional(each.collectList());
      });
    });
  }

  private static io.kith.validation.RecordValidationException prefixed(int index,
      io.kith.validation.RecordValidationException e) {
    return new io.kith.validation.RecordValidationException(e.errors().stream()
        .map(err -> new io.kith.validation.FieldError("records[" + index + "]" + (err.field().isEmpty() ? "" : "." + err.field()),
            err.code(), err.arguments()))
        .toList());
  }

  /**
   * Adds {@code add} to and removes {@code remove} from the multi-reference {@code field} of the
   * records with {@code ids} (when not null) or matching {@code filter}, within the caller's scope.
   */
  public Mono<LinkEdit> editLinks(String entityName, String field, List<Long> ids, io.kith.query.Filter filter,
      List<Long> add, List<Long> remove) {
    return Mono.deferContextual(context -> {
      EntityTable t = table(registry.snapshot(context), entityName);
      FieldDef def = t.entity.field(field).filter(f -> f.type() instanceof FieldType.MultiReference)
          .orElseThrow(() -> new io.kith.validation.RecordValidationException(List.of(
              io.kith.validation.FieldError.of("field", "not_a_multi_reference", field))));
      return guard.require(t.entity, Action.EDIT).flatMap(access -> {
        RecordGuard.writable(access, t.entity, Json.object().set(field, Json.array()));
        io.kith.query.Filter selected = ids != null
            ? new io.kith.query.Filter.Condition("id", io.kith.query.Operator.IN, ids) : filter;
        io.kith.query.Filter scope = guard.scoped(access, t.entity, (io.kith.query.Filter) null);
        List<io.kith.query.Filter> parts = new java.util.ArrayList<>();
        if (selected != null) {
          parts.add(selected);
        }
        if (scope != null) {
          parts.add(scope);
        }
        io.kith.query.Filter all = parts.isEmpty() ? null : new io.kith.query.Filter.All(parts);
        return links.edit(t, def, all, add, remove, access);
      });
    });
  }

  public Mono<ObjectNode> get(String entityName, long id) {
    return Mono.deferContextual(context -> {
      EntityTable t = table(registry.snapshot(context), entityName);
      return guard.require(t.entity, Action.VIEW).flatMap(access -> store.find(t, id)
          .flatMap(record -> guard.inScope(access, t.entity, record))
          .map(record -> RecordGuard.visible(access, t.entity, record)))
          .switchIfEmpty(notFound(t, id));
    });
  }

  /** A page of records matching a checked query (from {@link QueryReader} or list parameters). */
  public Mono<Page> list(String entityName, Query query) {
    return Mono.deferContextual(context -> {
      EntityTable t = table(registry.snapshot(context), entityName);
      return guard.require(t.entity, Action.VIEW).flatMap(access -> {
        Query scoped = guard.scoped(access, t.entity, query);
        return store.list(t, scoped, querySql.where(t.entity, scoped.filter(), "t"))
            .map(page -> RecordGuard.visible(access, t.entity, page));
      });
    });
  }

  /** {@code POST /api/v1/{entity}/search}: reads and checks the query JSON, then lists. */
  public Mono<Page> search(String entityName, JsonNode queryJson) {
    return Mono.deferContextual(context -> {
      MetadataSnapshot snapshot = registry.snapshot(context);
      EntityTable t = table(snapshot, entityName);
      Query query = queryReader.read(snapshot, t.entity, queryJson);
      return list(t.entity.name(), query).map(page -> query.columns().isEmpty() ? page : project(page, query.columns()));
    });
  }

  /** Runs a checked query: one page, with only the id and the query's columns when it names some. */
  public Mono<Page> run(String entityName, Query query) {
    return list(entityName, query).map(page -> query.columns().isEmpty() ? page : project(page, query.columns()));
  }

  /**
   * Every record matching {@code query}, in its order (ties broken by id), as consecutive batches of
   * {@code batchSize} whole records; the next batch is read only when the previous one was taken, so
   * an export never holds the whole result. The query's page and size are ignored.
   */
  public Flux<List<ObjectNode>> batches(String entityName, Query query, int batchSize) {
    return Flux.deferContextual(context -> {
      EntityTable t = table(registry.snapshot(context), entityName);
      return guard.require(t.entity, Action.VIEW).flatMapMany(access -> {
        Query scoped = guard.scoped(access, t.entity, query);
        QuerySql.Fragment where = querySql.where(t.entity, scoped.filter(), "t");
        Query first = new Query(query.entity(), scoped.filter(), query.sort(), 1, batchSize, query.columns());
        return store.rows(t, first, where).map(rows -> Map.entry(1, rows))
            .expand(done -> done.getValue().size() < batchSize ? Mono.empty()
                : store.rows(t, first.withPage(done.getKey() + 1), where).map(rows -> Map.entry(done.getKey() + 1, rows)))
            .map(Map.Entry::getValue)
            .filter(rows -> !rows.isEmpty())
            .map(rows -> {
              rows.forEach(row -> RecordGuard.visible(access, t.entity, row));
              return rows;
            });
      });
    });
  }

  /** Keeps the id and the chosen columns of each record. */
  private static Page project(Page page, List<String> columns) {
    List<ObjectNode> items = page.items().stream().map(record -> {
      ObjectNode out = record.objectNode();
      out.set("id", record.get("id"));
      columns.forEach(c -> out.set(c, record.get(c)));
      return out;
    }).toList();
    return new Page(items, page.page(), page.size(), page.total(), page.estimated());
  }

  /** Changes only the fields in {@code body}; with {@code expectedVersion}, only if still current. */
  public Mono<ObjectNode> patch(String entityName, long id, JsonNode body, Integer expectedVersion) {
    return Mono.deferContextual(context -> {
      MetadataSnapshot snapshot = registry.snapshot(context);
      EntityTable t = table(snapshot, entityName);
      return guard.require(t.entity, Action.EDIT).flatMap(access -> patch(snapshot, t, id, body, expectedVersion, access));
    });
  }

  private Mono<ObjectNode> patch(MetadataSnapshot snapshot, EntityTable t, long id, JsonNode body,
      Integer expectedVersion, Access access) {
    return Mono.defer(() -> {
      RecordGuard.writable(access, t.entity, body);
      Mono<ObjectNode> work = store.findForUpdate(t, id)
          .flatMap(record -> guard.inScope(access, t.entity, record))
          .switchIfEmpty(notFound(t, id))
          .flatMap(existing -> {
            if (!existing.get("active").asBoolean()) {
              return Mono.error(new RecordException(Reason.INACTIVE, "inactive", id));
            }
            if (expectedVersion != null && existing.get("version").asInt() != expectedVersion) {
              return Mono.error(new RecordException(Reason.VERSION_CONFLICT, "version_conflict",
                  expectedVersion, existing.get("version").asInt()));
            }
            RecordInput input = inputReader.read(snapshot, t.entity, body, Mode.PATCH, existing);
            Map<String, Object> computed = computed(t.entity, input, existing);
            return storedChecks.check(snapshot, t.entity, input, id, storedColumns(fieldTypes, t.entity, existing))
                .then(fileChecks.check(t.entity, input, existing, access.userId()))
                .then(periodEnds.of(t.entity, input, existing)).doOnNext(computed::putAll)
                .then(Mono.defer(() -> store.update(t, id, expectedVersion, input, computed, access.userId())))
                .flatMap(count -> count == 0 ? explainUnchanged(t, id, expectedVersion) : store.find(t, id)
                    .flatMap(updated -> history.updated(t.entity, existing, updated).thenReturn(updated)));
          });
      return tx.transactional(work).onErrorMap(e -> DatabaseErrors.translate(t.entity, e))
          .map(record -> RecordGuard.visible(access, t.entity, record));
    });
  }

  public Mono<ObjectNode> setActive(String entityName, long id, boolean active) {
    return Mono.deferContextual(context -> {
      EntityTable t = table(registry.snapshot(context), entityName);
      return guard.require(t.entity, Action.DEACTIVATE).flatMap(access -> store.find(t, id)
          .flatMap(record -> guard.inScope(access, t.entity, record))
          .switchIfEmpty(notFound(t, id))
          .flatMap(found -> tx.transactional(store.setActive(t, new Long[] {id}, active)
              .flatMap(changed -> history.activeChanged(t.entity.name(), changed, active))
              .then(store.find(t, id))))
          .map(record -> RecordGuard.visible(access, t.entity, record)));
    });
  }

  /** Deactivates or reactivates many records; emits how many changed. */
  public Mono<Long> setActive(String entityName, List<Long> ids, boolean active) {
    return Mono.deferContextual(context -> {
      EntityTable t = table(registry.snapshot(context), entityName);
      return guard.require(t.entity, Action.DEACTIVATE)
          .flatMap(access -> reachable(access, t, ids))
          .flatMap(reached -> tx.transactional(store.setActive(t, reached.toArray(Long[]::new), active)
              .flatMap(changed -> history.activeChanged(t.entity.name(), changed, active)
                  .thenReturn((long) changed.size()))));
    });
  }

  public Mono<Void> delete(String entityName, long id) {
    return Mono.deferContextual(context -> {
      EntityTable t = table(registry.snapshot(context), entityName);
      return guard.require(t.entity, Action.DELETE).flatMap(access -> store.find(t, id)
          .flatMap(record -> guard.inScope(access, t.entity, record))
          .switchIfEmpty(notFound(t, id))
          .flatMap(found -> tx.transactional(store.delete(t, id)
                  .flatMap(count -> count == 0 ? notFound(t, id) : history.deleted(t.entity.name(), id)))
              .onErrorMap(e -> DatabaseErrors.translateDelete(t.entity, e))))
          .then();
    });
  }

  /** Display labels of records of one entity type, by id; unknown ids are left out. */
  public Mono<Map<Long, String>> labels(String entityName, java.util.Collection<Long> ids) {
    return Mono.deferContextual(context -> {
      EntityTable t = table(registry.snapshot(context), entityName);
      if (ids.isEmpty()) {
        return Mono.just(Map.of());
      }
      return store.labelValues(t, ids.stream().distinct().toArray(Long[]::new))
          .map(rows -> {
            Map<Long, String> out = new LinkedHashMap<>();
            rows.forEach((id, row) -> out.put(id, DisplayNames.render(t.entity, row)));
            return out;
          });
    });
  }

  /** Up to {@code limit} active records whose display name contains {@code text}: id and label. */
  public reactor.core.publisher.Flux<Map.Entry<Long, String>> autocomplete(String entityName, String text, int limit) {
    return reactor.core.publisher.Flux.deferContextual(context -> {
      EntityTable t = table(registry.snapshot(context), entityName);
      if (text == null || text.isBlank() || t.searchColumns.isEmpty()) {
        return guard.require(t.entity, Action.VIEW).thenMany(reactor.core.publisher.Flux.empty());
      }
      return guard.require(t.entity, Action.VIEW).flatMapMany(access -> {
        QuerySql.Fragment scope = querySql.where(t.entity, guard.scoped(access, t.entity, (io.kith.query.Filter) null), "t");
        return store.autocomplete(t, text.strip(), limit, scope);
      }).map(row -> Map.entry(row.get("id").asLong(), DisplayNames.render(t.entity, row)));
    });
  }

  /** Labelled records of {@code entityName} whose {@code field} refers to record {@code id}, newest first. */
  public Mono<Map.Entry<List<Map.Entry<Long, String>>, Long>> referencing(String entityName, String field, long id, int limit) {
    return Mono.deferContextual(context -> {
      EntityTable t = table(registry.snapshot(context), entityName);
      FieldDef def = t.entity.field(field).orElseThrow();
      return io.kith.access.AccessContext.current().filter(access -> access.can(t.entity.name(), Action.VIEW)
              && !access.hidden(t.entity.name(), field))
          .flatMap(access -> store.referencing(t, def, id, limit,
              querySql.where(t.entity, guard.scoped(access, t.entity, (io.kith.query.Filter) null), "t", 2)))
          .map(result -> Map.entry(
          result.getKey().stream()
              .map(row -> Map.entry(row.get("id").asLong(), DisplayNames.render(t.entity, row)))
              .toList(),
          result.getValue()))
          // Not shown: related records of a type the caller may not list, or through a field hidden from
          // them; the others only within their scope.
          .defaultIfEmpty(Map.entry(List.of(), 0L));
    });
  }

  /**
   * Fills the quick-search columns of rows that have none (rows from before the type joined quick
   * search, or written around Kith), in batches; emits how many rows were filled.
   */
  public Mono<Long> fillSearchColumns(String entityName) {
    return Mono.deferContextual(context -> searchBackfill.fill(table(registry.snapshot(context), entityName)));
  }

  /**
   * Gives records to another owner (an active user); records outside the caller's scope are left
   * alone. Needs the edit permission. Emits how many records changed owner.
   */
  public Mono<Long> changeOwner(String entityName, List<Long> ids, long owner) {
    return Mono.deferContextual(context -> {
      EntityTable t = table(registry.snapshot(context), entityName);
      return guard.require(t.entity, Action.EDIT).flatMap(access -> reachable(access, t, ids)
          .flatMap(reached -> reached.isEmpty() ? Mono.just(0L) : ownership.changeOwner(t, reached, owner, access)));
    });
  }

  /** The users a record is shared with (404 outside the caller's scope). */
  public Mono<List<Long>> shares(String entityName, long id) {
    return Mono.deferContextual(context -> {
      EntityTable t = table(registry.snapshot(context), entityName);
      return guard.require(t.entity, Action.VIEW).flatMap(access -> store.find(t, id)
          .flatMap(record -> guard.inScope(access, t.entity, record)))
          .switchIfEmpty(notFound(t, id))
          .flatMap(record -> ownership.shares(t, id));
    });
  }

  /** Shares a record with exactly {@code users} (active users); needs the edit permission. */
  public Mono<List<Long>> share(String entityName, long id, List<Long> users) {
    return Mono.deferContextual(context -> {
      EntityTable t = table(registry.snapshot(context), entityName);
      return guard.require(t.entity, Action.EDIT).flatMap(access -> store.find(t, id)
          .flatMap(record -> guard.inScope(access, t.entity, record))
          .switchIfEmpty(notFound(t, id))
          .flatMap(record -> ownership.share(t, id, users, access)));
    });
  }

  /** The caller's access, once {@code action} on {@code entityName} is allowed (a 403 otherwise). */
  public Mono<Access> require(String entityName, Action action) {
    return Mono.deferContextual(context -> guard.require(entity(registry.snapshot(context), entityName), action));
  }

  /** Those of {@code ids} within the caller's scope. */
  private Mono<List<Long>> reachable(Access access, EntityTable t, List<Long> ids) {
    io.kith.query.Filter scope = guard.scoped(access, t.entity, (io.kith.query.Filter) null);
    if (scope == null || ids.isEmpty()) {
      return Mono.just(ids);
    }
    io.kith.query.Filter filter = new io.kith.query.Filter.All(List.of(
        new io.kith.query.Filter.Condition("id", io.kith.query.Operator.IN, ids), scope));
    QuerySql.Fragment where = querySql.where(t.entity, filter, "t");
    return SqlBinder.bind(db.sql("select t.\"id\" from " + t.table + " t where " + where.sql()), where.binds())
        .map(row -> row.get(0, Long.class)).all().collectList();
  }

  /** The entity type in {@code snapshot}, or a 404 {@link RecordException}. */
  public static EntityDef entity(MetadataSnapshot snapshot, String entityName) {
    return snapshot.entity(entityName)
        .orElseThrow(() -> new RecordException(Reason.NOT_FOUND, "unknown_entity", entityName));
  }

  EntityTable table(MetadataSnapshot snapshot, String entityName) {
    EntityDef entity = entity(snapshot, entityName);
    return tables.get(snapshot, entity.name(), k -> new EntityTable(entity));
  }

  private <T> Mono<T> explainUnchanged(EntityTable t, long id, Integer expectedVersion) {
    return store.state(t, id)
        .switchIfEmpty(notFound(t, id))
        .flatMap(state -> Mono.error(!state.getValue()
            ? new RecordException(Reason.INACTIVE, "inactive", id)
            : new RecordException(Reason.VERSION_CONFLICT, "version_conflict", expectedVersion, state.getKey())));
  }

  private static <T> Mono<T> notFound(EntityTable t, long id) {
    return Mono.error(new RecordException(Reason.NOT_FOUND, "record_not_found", t.entity.name(), id));
  }

  /** Adds metadata defaults for absent fields of a new record. */
  static JsonNode withDefaults(EntityDef entity, JsonNode body) {
    if (!(body instanceof ObjectNode object)) {
      return body;
    }
    ObjectNode copy = object.deepCopy();
    String subtype = copy.path("subtype").asString(null);
    for (FieldDef field : entity.fields()) {
      if (!copy.has(field.name()) && field.appliesTo(subtype)) {
        JsonNode value = defaultOf(field);
        if (value != null) {
          copy.set(field.name(), value);
        }
      }
      if (field.type() instanceof FieldType.Collection c && copy.get(field.name()) instanceof ArrayNode rows) {
        for (JsonNode row : rows) {
          if (row instanceof ObjectNode rowObject) {
            for (FieldDef child : c.fields()) {
              JsonNode value = defaultOf(child);
              if (!rowObject.has(child.name()) && value != null) {
                rowObject.set(child.name(), value);
              }
            }
          }
        }
      }
    }
    return copy;
  }

  /** The metadata default; a checkbox with none starts unticked rather than empty. */
  private static JsonNode defaultOf(FieldDef field) {
    if (field.defaultValue() != null) {
      return field.defaultValue();
    }
    return field.type() instanceof FieldType.Bool ? BooleanNode.FALSE : null;
  }

  /**
   * Stored computed values (display names, templates such as a sort name) and, for types in quick
   * search, the search columns, from the new values merged over the existing ones.
   */
  static Map<String, Object> computed(EntityDef entity, RecordInput input, ObjectNode existing) {
    Map<String, Object> out = new HashMap<>();
    String subtype = input.subtype() != null ? input.subtype()
        : existing != null ? existing.path("subtype").asString(null) : null;
    java.util.function.Function<String, String> values = f -> {
      if (input.columns().containsKey(f)) {
        Object v = input.columns().get(f);
        return v == null ? null : v.toString();
      }
      return existing == null || existing.path(f).isNull() ? null : existing.path(f).asString();
    };
    for (FieldDef field : entity.fields()) {
      if (field.type() instanceof FieldType.Computed c && c.isStored() && c.formula() != FieldType.Formula.EXPRESSION
          && c.formula() != FieldType.Formula.PERIOD_END) {
        String name = (c.formula() == FieldType.Formula.TEMPLATE ? c.template() : entity.displayName())
            .render(subtype, values);
        out.put(field.name(), name.isEmpty() ? null : name);
      }
    }
    out.putAll(input.derived());
    if (entity.isSearchable()) {
      out.putAll(SearchValues.of(entity, subtype, input, existing, out));
    }
    return out;
  }

  /** Column values of the stored record, for unique checks that span sent and unsent fields. */
  static Map<String, Object> storedColumns(FieldTypes fieldTypes, EntityDef entity, ObjectNode existing) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<List<String>> groups = new java.util.ArrayList<>(entity.uniqueTogether());
    groups.add(RelationshipSides.fields(entity));
    for (List<String> group : groups) {
      for (String name : group) {
        FieldDef field = entity.field(name).orElseThrow();
        JsonNode value = existing.get(name);
        if (value != null && !value.isNull()) {
          FieldTypeSupport<FieldType> support = fieldTypes.of(field.type());
          try {
            out.put(name, support.toColumn(field.type(), field, value));
          } catch (InvalidValueException e) {
            throw new IllegalStateException("stored value no longer converts: " + name, e);
          }
        }
      }
    }
    return out;
  }
}
