package io.kith.metaadmin;

import io.kith.fieldtype.Json;
import io.kith.metadata.MetadataException;
import io.kith.metadata.MetadataKind;
import io.kith.metadata.MetadataProblem;
import io.kith.metadata.MetadataSnapshot;
import io.kith.schema.DdlPlan;
import io.kith.schema.SchemaSync;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes one change to the model: validates the whole resulting model with the same schemas and
 * checks as files, works out what it retires and converts (asking for confirmation), checks
 * conversions against the stored values, plans the DDL, then applies the DDL and stores the
 * revisions in one transaction, publishes the new snapshot and notifies the other instances.
 * A dry run stops after the plan and changes nothing.
 */
public final class MetaChangeService {

  /** The channel other instances listen on; the payload is the new snapshot version. */
  public static final String CHANNEL = "kith_metadata";

  private static final int ATTEMPTS = 3;

  private final ModelState state;
  private final SchemaSync sync;
  private final TransactionalOperator tx;
  private final DatabaseClient db;
  private final StoredData data;
  private final OptionRetirement options;

  public MetaChangeService(ModelState state, SchemaSync sync, TransactionalOperator tx, DatabaseClient db) {
    this.state = state;
    this.sync = sync;
    this.tx = tx;
    this.db = db;
    this.data = new StoredData(db);
    this.options = new OptionRetirement(data);
  }

  ModelState state() {
    return state;
  }

  /** The outcome as JSON: {valid, problems, ddl, retired, conversions, confirmationNeeded} (+ revision, version). */
  Mono<ObjectNode> apply(ChangeRequest request) {
    return attempt(request, 1);
  }

  private Mono<ObjectNode> attempt(ChangeRequest request, int attempt) {
    EffectiveModel base = state.current();
    // Loading and checking a whole model is CPU work of tens of milliseconds: off the event loop.
    return Mono.defer(() -> request.edit().apply(base)).publishOn(Schedulers.boundedElastic()).flatMap(changes -> changes.isEmpty() ? Mono.just(unchanged(base, request.text()))
        : prepare(base, changes, request.text()).flatMap(prepared -> request.dryRun() || !prepared.valid()
            ? Mono.just(prepared.report(request.dryRun())) : commit(base, prepared, request)))
        .onErrorResume(ModelChangedMeanwhile.class, e -> attempt < ATTEMPTS
            ? state.catchUp().then(Mono.defer(() -> attempt(request, attempt + 1)))
            : Mono.error(new MetaAdminException(409, "model_changed", request.text().get("model_changed"))));
  }

  private Mono<Prepared> prepare(EffectiveModel base, List<ItemChange> changes, Sentences text) {
    return options.retireUsed(base, changes, text).flatMap(retirement -> {
      MetadataSnapshot next;
      try {
        next = state.loader().load(base.filesWith(retirement.changes()),
            EffectiveModel.versionAfter(base.lastRevision() + 1));
      } catch (MetadataException e) {
        return Mono.just(Prepared.invalid(retirement.changes(), e.problems(), text));
      }
      ModelDelta delta = ModelDelta.between(base.snapshot(), next, sync);
      List<String> confirmations = new ArrayList<>(retirement.confirmations());
      delta.retired().forEach(name -> confirmations.add(text.get(name.contains(".") ? "field_retired" : "entity_retired", name)));
      delta.conversions().forEach(c -> confirmations.add(text.get("converted", c.field(), c.from(), c.to())));
      return Flux.fromIterable(delta.conversions()).concatMap(data::unconvertible).collectList()
          .flatMap(offenders -> sync.plan(next).map(plan -> new Prepared(retirement.changes(), next, delta, plan,
              List.of(), offenders, confirmations, text)));
    });
  }

  /** A change that asks for what the model already is: valid, and nothing to do. */
  private static ObjectNode unchanged(EffectiveModel base, Sentences text) {
    ObjectNode out = Prepared.invalid(List.of(), List.of(), text).report(true).put("unchanged", true);
    return out.put("version", base.snapshot().version());
  }

  private Mono<ObjectNode> commit(EffectiveModel base, Prepared prepared, ChangeRequest request) {
    if (!prepared.confirmations().isEmpty() && !request.confirm()) {
      ObjectNode details = prepared.report(false);
      throw new MetaAdminException(409, "confirmation_needed",
          request.text().get("confirmation_needed", String.join(" ", prepared.confirmations())), details);
    }
    Mono<Long> work = sync.lock()
        .then(state.store().lastId())
        .flatMap(last -> last != base.lastRevision() ? Mono.error(new ModelChangedMeanwhile()) : Mono.just(last))
        .thenMany(Flux.fromIterable(prepared.delta().conversions()).concatMap(c -> db.sql(c.statement()).then()))
        .then(sync.apply(prepared.next()))
        .thenMany(Flux.fromIterable(prepared.changes()).concatMap(change -> {
          ObjectNode before = base.body(change.item(), state.loader());
          ArrayNode diff = JsonDiff.between(before, change.body());
          return state.store().insert(change.item(), change.body(), diff, request.action(), request.userId());
        }))
        .reduce(Math::max)
        .flatMap(last -> db.sql("select pg_notify('" + CHANNEL + "', $1)")
            .bind(0, String.valueOf(EffectiveModel.versionAfter(last))).then().thenReturn(last));
    return tx.transactional(work).map(last -> {
      EffectiveModel model = base.committed(prepared.changes(), last, prepared.next());
      state.publish(model);
      ObjectNode out = prepared.report(false);
      out.put("revision", last).put("version", model.snapshot().version());
      return out;
    });
  }

  /** Another instance stored a revision after this one's model was read: start again from the newer model. */
  private static final class ModelChangedMeanwhile extends RuntimeException {
    ModelChangedMeanwhile() {
      super(null, null, false, false);
    }
  }

  /** A change worked out up to its plan. */
  private record Prepared(List<ItemChange> changes, MetadataSnapshot next, ModelDelta delta, DdlPlan plan,
      List<MetadataProblem> problems, List<ObjectNode> offenders, List<String> confirmations, Sentences text) {

    static Prepared invalid(List<ItemChange> changes, List<MetadataProblem> problems, Sentences text) {
      return new Prepared(changes, null, null, null, problems, List.of(), List.of(), text);
    }

    /** Refusals the planner gives that the change's own conversions take care of are not refusals. */
    List<String> refused() {
      if (plan == null) {
        return List.of();
      }
      return plan.refused().stream()
          .filter(reason -> delta.conversions().stream().noneMatch(c -> reason.startsWith("Field \"" + c.field() + "\" ")))
          .toList();
    }

    boolean valid() {
      return problems.isEmpty() && offenders.isEmpty() && refused().isEmpty();
    }

    ObjectNode report(boolean dryRun) {
      if (!dryRun && !valid()) {
        throw refusal();
      }
      ObjectNode out = Json.object().put("valid", valid());
      out.set("problems", problemsJson());
      ArrayNode ddl = out.putArray("ddl");
      ArrayNode retired = out.putArray("retired");
      ArrayNode conversions = out.putArray("conversions");
      if (delta != null) {
        delta.conversions().forEach(c -> ddl.add(c.statement()));
        plan.statements().forEach(ddl::add);
        delta.retired().forEach(retired::add);
        delta.conversions().forEach(c -> conversions.addObject().put("field", c.field()).put("from", c.from())
            .put("to", c.to()));
      }
      ArrayNode confirm = out.putArray("confirmationNeeded");
      confirmations.forEach(confirm::add);
      ArrayNode rows = out.putArray("incompatible");
      offenders.forEach(rows::add);
      return out;
    }

    private MetaAdminException refusal() {
      ObjectNode details = Json.object();
      details.set("problems", problemsJson());
      if (!problems.isEmpty()) {
        return new MetaAdminException(422, "invalid_metadata", text.get("invalid_model", problems.size()), details);
      }
      if (!offenders.isEmpty()) {
        ArrayNode rows = details.putArray("incompatible");
        offenders.forEach(rows::add);
        String fields = String.join(", ", offenders.stream().map(o -> o.get("field").asString()).distinct().toList());
        return new MetaAdminException(422, "conversion_refused",
            text.get("conversion_refused", fields, StoredData.OFFENDERS_SHOWN), details);
      }
      ArrayNode reasons = details.putArray("refused");
      refused().forEach(reasons::add);
      return new MetaAdminException(422, "schema_change_refused",
          text.get("schema_change_refused", String.join(" ", refused())), details);
    }

    private ArrayNode problemsJson() {
      ArrayNode out = Json.array();
      for (MetadataProblem p : problems) {
        out.addObject().put("file", p.file()).put("field", p.pointer()).put("message", p.message());
      }
      for (ObjectNode o : offenders) {
        out.addObject().put("file", "").put("field", o.get("field").asString())
            .put("message", text.get("unconvertible_value", o.get("id").asLong(), o.get("value").asString()));
      }
      for (String reason : refused()) {
        out.addObject().put("file", "").put("field", "").put("message", reason);
      }
      return out;
    }
  }

  static ModelItem item(MetadataKind kind, String name) {
    return new ModelItem(kind, name);
  }
}
