package io.kith.record;

import io.kith.audit.Actor;
import io.kith.audit.HistoryWriter;
import io.kith.fieldtype.FieldTypes;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataSnapshot;
import io.kith.record.RecordSchemas.Mode;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Many records of one entity type at a time, for bulk paths such as imports. Each record goes
 * through exactly the checks of {@code POST} and {@code PATCH} (defaults, the generated JSON
 * Schema, conversion, inactive options, references, unique values), but the checks that need the
 * database run once per batch and the writes are {@code COPY}s and multi-row statements. Written
 * records are owned and created by the {@link Actor} of the subscriber's context and get one audit
 * history entry each (one statement per batch), as single writes do. Writes do not open a
 * transaction of their own: the caller runs them in one, with its own bookkeeping.
 */
public final class BulkRecords {

  /** Fewer drafts than this are not worth a slice of their own. */
  private static final int MIN_SLICE = 100;

  /**
   * One record to check: a new one ({@code existing} null) or changes to a stored record.
   *
   * @param body the record as the API would receive it (a patch body for an existing record)
   */
  public record Draft(JsonNode body, ObjectNode existing) {
    public boolean isUpdate() {
      return existing != null;
    }
  }

  /** A checked draft: ready to write, or refused with its errors. */
  public static final class Checked {
    private final Draft draft;
    private final RecordInput input;
    private final Map<String, Object> computed;
    private final List<FieldError> errors;

    private Checked(Draft draft, RecordInput input, Map<String, Object> computed, List<FieldError> errors) {
      this.draft = draft;
      this.input = input;
      this.computed = computed;
      this.errors = List.copyOf(errors);
    }

    public Draft draft() {
      return draft;
    }

    public boolean valid() {
      return errors.isEmpty();
    }

    public List<FieldError> errors() {
      return errors;
    }
  }

  private final FieldTypes fieldTypes;
  private final InputReader inputReader;
  private final StoredChecks storedChecks;
  private final RecordStore store;
  private final BulkStore bulkStore;
  private final RowMapper rows;
  private final HistoryWriter history;
  private final PeriodEnds periodEnds;
  private final BiFunction<MetadataSnapshot, String, EntityTable> tables;

  BulkRecords(FieldTypes fieldTypes, InputReader inputReader, StoredChecks storedChecks, RecordStore store,
      RowMapper rows, HistoryWriter history, DatabaseClient db, BiFunction<MetadataSnapshot, String, EntityTable> tables) {
    this.fieldTypes = fieldTypes;
    this.inputReader = inputReader;
    this.storedChecks = storedChecks;
    this.store = store;
    this.rows = rows;
    this.history = history;
    this.bulkStore = new BulkStore(db, fieldTypes);
    this.periodEnds = new PeriodEnds(db);
    this.tables = tables;
  }

  /** Stored records by id (child rows included), in one query plus one per collection. */
  public Mono<Map<Long, ObjectNode>> existing(MetadataSnapshot snapshot, String entity, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Mono.just(Map.of());
    }
    EntityTable t = tables.apply(snapshot, entity);
    return store.findAll(t, ids.stream().distinct().toArray(Long[]::new)).map(list -> {
      Map<Long, ObjectNode> out = new LinkedHashMap<>();
      list.forEach(r -> out.put(r.get("id").asLong(), r));
      return out;
    });
  }

  /**
   * Checks every draft; the database is asked once per reference target and unique group. The
   * in-memory part (schema, conversion, computed and quick-search values) is CPU work: it runs on
   * Reactor's parallel scheduler, never on the event loop, in slices checked side by side.
   */
  public Mono<List<Checked>> check(MetadataSnapshot snapshot, String entityName, List<Draft> drafts) {
    return Mono.defer(() -> {
      EntityDef entity = tables.apply(snapshot, entityName).entity;
      return Flux.fromIterable(slices(drafts))
          .flatMapSequential(slice -> Mono.fromCallable(() -> read(snapshot, entity, slice))
              .subscribeOn(Schedulers.parallel()))
          .collectList()
          .flatMap(parts -> {
            List<Checked> read = new ArrayList<>(drafts.size());
            parts.forEach(read::addAll);
            List<StoredChecks.Subject> subjects = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < read.size(); i++) {
              Checked c = read.get(i);
              if (c.valid()) {
                positions.add(i);
                subjects.add(new StoredChecks.Subject(c.input,
                    c.draft.isUpdate() ? c.draft.existing().get("id").asLong() : null,
                    c.draft.isUpdate() ? RecordService.storedColumns(fieldTypes, entity, c.draft.existing()) : Map.of()));
              }
            }
            return storedChecks.checkAll(snapshot, entity, subjects).map(errors -> {
              for (int i = 0; i < positions.size(); i++) {
                if (!errors.get(i).isEmpty()) {
                  Checked ok = read.get(positions.get(i));
                  read.set(positions.get(i), new Checked(ok.draft, null, null, errors.get(i)));
                }
              }
              return read;
            }).flatMap(checked -> withPeriodEnds(entity, checked));
          });
    });
  }

  /**
   * Period ends (a membership's end date) need the referenced record's duration, as on single
   * writes: looked up for each valid record of a type that has such a field, and only then.
   */
  private Mono<List<Checked>> withPeriodEnds(EntityDef entity, List<Checked> checked) {
    if (!PeriodEnds.applies(entity)) {
      return Mono.just(checked);
    }
    return Flux.fromIterable(checked)
        .filter(Checked::valid)
        .concatMap(c -> periodEnds.of(entity, c.input, c.draft.existing()).doOnNext(c.computed::putAll))
        .then(Mono.just(checked));
  }

  /** Drafts cut into one slice per core (at least {@link #MIN_SLICE} drafts each), in order. */
  private static List<List<Draft>> slices(List<Draft> drafts) {
    int cores = Schedulers.DEFAULT_POOL_SIZE;
    int size = Math.max(MIN_SLICE, (drafts.size() + cores - 1) / cores);
    List<List<Draft>> out = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i += size) {
      out.add(drafts.subList(i, Math.min(drafts.size(), i + size)));
    }
    return out;
  }

  /** The checks that need no database: the generated schema, conversion, computed values. */
  private List<Checked> read(MetadataSnapshot snapshot, EntityDef entity, List<Draft> drafts) {
    List<Checked> out = new ArrayList<>(drafts.size());
    for (Draft draft : drafts) {
      try {
        RecordInput input = draft.isUpdate()
            ? inputReader.read(snapshot, entity, draft.body(), Mode.PATCH, draft.existing())
            : inputReader.read(snapshot, entity, RecordService.withDefaults(entity, draft.body()), Mode.CREATE, null);
        out.add(new Checked(draft, input, RecordService.computed(entity, input, draft.existing()), List.of()));
      } catch (RecordValidationException e) {
        out.add(new Checked(draft, null, null, e.errors()));
      }
    }
    return out;
  }

  /**
   * Writes valid checked drafts: one {@code COPY} for the new records (and one per child table),
   * multi-row updates for the changed ones, and their history entries. Emits the ids of the new
   * records in order. Run it inside a transaction. The new records' history entries are built
   * while their rows are written, so the connection seldom waits for this CPU work.
   */
  public Mono<List<Long>> write(MetadataSnapshot snapshot, String entityName, List<Checked> checked) {
    return Actor.current().flatMap(actor -> Mono.defer(() -> {
      EntityTable t = tables.apply(snapshot, entityName);
      List<Checked> creates = new ArrayList<>();
      List<BulkStore.Row> updates = new ArrayList<>();
      List<ObjectNode> before = new ArrayList<>();
      for (Checked c : checked) {
        if (!c.valid()) {
          throw new IllegalArgumentException("only valid drafts can be written");
        }
        if (c.draft.isUpdate()) {
          updates.add(new BulkStore.Row(c.draft.existing().get("id").asLong(), c.input, c.computed));
          before.add(c.draft.existing());
        } else {
          creates.add(c);
        }
      }
      Long user = actor.orElse(null);
      return bulkStore.update(t, updates, user)
          .then(Mono.defer(() -> updateHistory(t, updates, before)).subscribeOn(Schedulers.parallel()))
          .then(bulkStore.newIds(t, creates.size()))
          .flatMap(ids -> {
            List<BulkStore.Row> rows = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
              rows.add(new BulkStore.Row(ids.get(i), creates.get(i).input, creates.get(i).computed));
            }
            // Building the entries (API shapes, diffs, JSON) is CPU work: off the event loop too.
            Mono<HistoryWriter.Prepared> entries = Mono.fromCallable(() -> createHistory(t, rows, actor))
                .subscribeOn(Schedulers.parallel());
            return Mono.zip(bulkStore.insert(t, rows, user).thenReturn(ids), entries)
                .flatMap(both -> both.getT2().write().thenReturn(ids));
          })
          .onErrorMap(e -> DatabaseErrors.translate(t.entity, e));
    }));
  }

  /** One create entry per new record, from the input written. */
  private HistoryWriter.Prepared createHistory(EntityTable t, List<BulkStore.Row> creates, Optional<Long> actor) {
    List<ObjectNode> created = new ArrayList<>(creates.size());
    for (BulkStore.Row row : creates) {
      created.add(rows.written(t, null, row.id(), row.input()));
    }
    return history.prepareCreated(t.entity, created, actor);
  }

  /** One update entry per changed record. */
  private Mono<Void> updateHistory(EntityTable t, List<BulkStore.Row> updates, List<ObjectNode> before) {
    List<ObjectNode> after = new ArrayList<>(updates.size());
    for (int i = 0; i < updates.size(); i++) {
      after.add(rows.written(t, before.get(i), updates.get(i).id(), updates.get(i).input()));
    }
    return history.updatedAll(t.entity, before, after);
  }
}
