package io.kith.metaadmin;

import io.kith.i18n.KithLocale;
import io.kith.i18n.Messages;
import io.kith.metadata.MetadataKind;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The change service as the admin pages use it: the same {@link ModelEdits} and
 * {@link MetaChangeService} as {@code /api/v1/meta}, so a page and an API call change the model the
 * same way. Refusals come back as {@link Refused}, with the problem document the API would answer.
 */
public final class ModelAdmin {

  /** A change the service refused or that needs confirmation: the API's status and problem document. */
  public static final class Refused extends RuntimeException {
    private final int status;
    private final ObjectNode problem;

    Refused(MetaAdminException e) {
      super(e.getMessage(), null, false, false);
      this.status = e.status();
      this.problem = e.problem();
    }

    public int status() {
      return status;
    }

    public ObjectNode problem() {
      return problem;
    }

    public boolean confirmationNeeded() {
      return "confirmation_needed".equals(problem.path("code").asString(""));
    }
  }

  /** One stored revision as the revisions page shows it. */
  public record RevisionView(long id, String kind, String name, String action, OffsetDateTime createdAt,
      String createdBy, boolean deleted, String diff) {}

  /**
   * A revert worked out as a dry run, for the administrator to look at before it is made.
   *
   * @param items each item the revert changes, with what changes in it
   * @param report the dry run's outcome: valid, problems, ddl, retired, conversions, confirmationNeeded
   */
  public record RevertPlan(long revision, List<ItemView> items, ObjectNode report) {

    public boolean unchanged() {
      return report.has("unchanged");
    }

    public boolean valid() {
      return report.path("valid").asBoolean(false);
    }
  }

  /** One item a revert changes: its kind and name, whether it goes away, and the diff as text. */
  public record ItemView(String kind, String name, boolean deleted, String diff) {}

  private final MetaChangeService changes;
  private final Messages messages;
  /** The shipped files alone (no revision has id 0): they never change while Kith runs: loaded once a day at most. */
  private final Mono<EffectiveModel> shipped;

  public ModelAdmin(MetaChangeService changes, Messages messages) {
    this.changes = changes;
    this.messages = messages;
    this.shipped = Mono.defer(() -> changes.state().asOf(0))
        .cache(model -> java.time.Duration.ofDays(1), error -> java.time.Duration.ZERO, () -> java.time.Duration.ZERO);
  }

  private ModelState state() {
    return changes.state();
  }

  /** The current body of an option list or entity type in the file shape, or null. */
  public ObjectNode body(MetadataKind kind, String name) {
    ObjectNode body = state().current().body(new ModelItem(kind, name), state().loader());
    return body == null ? null : body.deepCopy();
  }

  public Mono<ObjectNode> addOption(String list, ObjectNode option, Long user, KithLocale locale) {
    return run("add option to " + list, false, false, user, locale,
        (base, text) -> List.of(edits(base, text).addOption(list, option)));
  }

  public Mono<ObjectNode> replaceOption(String list, String code, ObjectNode option, Long user, KithLocale locale) {
    return run("change option " + list + "." + code, false, false, user, locale,
        (base, text) -> List.of(edits(base, text).replaceOption(list, code, option)));
  }

  /** Deactivates {@code codes} in one revision: records keep them, new input cannot choose them. */
  public Mono<ObjectNode> deactivateOptions(String list, Set<String> codes, Long user, KithLocale locale) {
    return run("deactivate options " + list + "." + String.join(",", codes), false, false, user, locale, (base, text) -> {
      ObjectNode body = existing(base, MetadataKind.OPTION_LIST, list, text);
      for (JsonNode option : body.withArray("options")) {
        if (codes.contains(option.path("code").asString(""))) {
          ((ObjectNode) option).put("active", false);
        }
      }
      return List.of(edits(base, text).replace(MetadataKind.OPTION_LIST, list, body));
    });
  }

  /** Moves option {@code code} to 1-based {@code position} in the list's order; the others keep theirs. */
  public Mono<ObjectNode> moveOption(String list, String code, int position, Long user, KithLocale locale) {
    return run("move option " + list + "." + code + " to " + position, false, false, user, locale, (base, text) -> {
      ObjectNode body = existing(base, MetadataKind.OPTION_LIST, list, text);
      List<ObjectNode> ordered = ordered(body.withArray("options"));
      ObjectNode moving = ordered.stream().filter(o -> o.path("code").asString("").equals(code)).findFirst()
          .orElseThrow(() -> new MetaAdminException(404, "not_found", text.get("no_option", list, code)));
      ordered.remove(moving);
      ordered.add(Math.max(0, Math.min(ordered.size(), position - 1)), moving);
      for (int i = 0; i < ordered.size(); i++) {
        ordered.get(i).put("order", i + 1);
      }
      return List.of(edits(base, text).replace(MetadataKind.OPTION_LIST, list, body));
    });
  }

  /**
   * Options sorted as the list shows them: by order (an option without one sorts as its position
   * times 10, as {@code MetadataBinder} reads it), then as written.
   */
  public static List<ObjectNode> ordered(ArrayNode options) {
    List<ObjectNode> out = new ArrayList<>();
    Map<ObjectNode, int[]> keys = new java.util.IdentityHashMap<>();
    for (int i = 0; i < options.size(); i++) {
      ObjectNode o = (ObjectNode) options.get(i);
      out.add(o);
      keys.put(o, new int[] {o.path("order").asInt((i + 1) * 10), i});
    }
    out.sort((a, b) -> {
      int[] x = keys.get(a);
      int[] y = keys.get(b);
      return x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]);
    });
    return out;
  }

  /**
   * Adds a field; with {@code newList} (a drop-down whose options are set up in place) the option
   * list is created in the same change.
   */
  public Mono<ObjectNode> addField(String entity, ObjectNode field, ObjectNode newList, boolean dryRun, Long user,
      KithLocale locale) {
    return run("add field to " + entity, dryRun, false, user, locale, (base, text) -> {
      ModelEdits edits = edits(base, text);
      List<ItemChange> out = new ArrayList<>();
      if (newList != null) {
        out.add(edits.create(MetadataKind.OPTION_LIST, newList));
      }
      ItemChange added = edits.addField(entity, field);
      out.add(added);
      return out;
    });
  }

  /** Switches a field off: it leaves the model, its column and data stay. Needs {@code confirm}. */
  public Mono<ObjectNode> retireField(String entity, String field, boolean confirm, Long user, KithLocale locale) {
    return run("delete field " + entity + "." + field, false, confirm, user, locale,
        (base, text) -> List.of(edits(base, text).deleteField(entity, field)));
  }

  /** Switches a retired field on again with its last definition: its kept column and data come back. */
  public Mono<ObjectNode> restoreField(String entity, String field, Long user, KithLocale locale) {
    return retiredFields(entity).flatMap(retired -> {
      ObjectNode body = retired.get(field);
      if (body == null) {
        return Mono.error(new Refused(new MetaAdminException(404, "not_found",
            sentences(locale).get("no_retired_field", entity, field))));
      }
      return run("restore field " + entity + "." + field, false, false, user, locale,
          (base, text) -> List.of(edits(base, text).addField(entity, body)));
    });
  }

  /** A new entity type, option list or relationship type, in the file shape; a dry run stores nothing. */
  public Mono<ObjectNode> createItem(MetadataKind kind, ObjectNode body, boolean dryRun, Long user, KithLocale locale) {
    return run("create " + kind.folder(), dryRun, false, user, locale,
        (base, text) -> List.of(edits(base, text).create(kind, body)));
  }

  /**
   * Replaces an item with {@code edit} applied to its current body (the body the change service
   * works on, so a change made meanwhile elsewhere is not overwritten): the API's PUT.
   */
  public Mono<ObjectNode> editItem(MetadataKind kind, String name, UnaryOperator<ObjectNode> edit, Long user,
      KithLocale locale) {
    return run("change " + kind.folder() + "/" + name, false, false, user, locale,
        (base, text) -> List.of(edits(base, text).replace(kind, name, edit.apply(existing(base, kind, name, text)))));
  }

  /** Removes an item from the model: the API's DELETE; an entity type's table and data stay. Needs {@code confirm}. */
  public Mono<ObjectNode> deleteItem(MetadataKind kind, String name, boolean confirm, Long user, KithLocale locale) {
    return run("delete " + kind.folder() + "/" + name, false, confirm, user, locale,
        (base, text) -> List.of(edits(base, text).delete(kind, name)));
  }

  /** Entity types the model had (shipped or in a stored revision) and no longer has: retired, their tables kept. */
  public Mono<Set<String>> retiredEntities() {
    Set<String> current = state().current().snapshot().entities().keySet();
    return shipped.map(model -> model.snapshot().entities().keySet())
        .flatMap(known -> state().store().after(0)
            .filter(r -> r.item().kind() == MetadataKind.ENTITY).map(r -> r.item().name()).collectList()
            .map(revised -> {
              Set<String> all = new java.util.TreeSet<>(known);
              all.addAll(revised);
              all.removeAll(current);
              return all;
            }));
  }

  /** Field names of the shipped file of {@code entity}: the others are custom fields. */
  public Mono<Set<String>> shippedFields(String entity) {
    return shipped.map(model -> names(model.body(new ModelItem(MetadataKind.ENTITY, entity), state().loader())).keySet());
  }

  /**
   * Fields the entity type had (shipped or in a stored revision) and no longer has, by name, each
   * with its last definition.
   */
  public Mono<Map<String, ObjectNode>> retiredFields(String entity) {
    ModelItem item = new ModelItem(MetadataKind.ENTITY, entity);
    Map<String, ObjectNode> current = names(state().current().body(item, state().loader()));
    return shipped.map(model -> names(model.body(item, state().loader())))
        .flatMap(known -> state().store().after(0).filter(r -> r.item().equals(item) && r.body() != null)
            .collectList().map(revisions -> {
              Map<String, ObjectNode> all = new LinkedHashMap<>(known);
              revisions.forEach(r -> all.putAll(names((ObjectNode) r.body())));
              all.keySet().removeAll(current.keySet());
              return all;
            }));
  }

  /** What reverting to revision {@code id} would change, and whether it can be made; nothing is stored. */
  public Mono<RevertPlan> previewRevert(long id, Long user, KithLocale locale) {
    AtomicReference<List<ItemView>> items = new AtomicReference<>(List.of());
    return revision(id, locale).then(change("revert to revision " + id, true, false, user, locale,
            base -> state().revertTo(base, id).doOnNext(reverting -> items.set(views(base, reverting)))))
        .map(report -> new RevertPlan(id, items.get(), report));
  }

  /**
   * Makes the model as it stood right after revision {@code id}, as new revisions; {@code confirm}
   * accepts retiring and converting, as the preview showed. Data-losing conversions are refused.
   */
  public Mono<ObjectNode> revert(long id, boolean confirm, Long user, KithLocale locale) {
    return revision(id, locale).then(change("revert to revision " + id, false, confirm, user, locale,
        base -> state().revertTo(base, id)));
  }

  private Mono<Revision> revision(long id, KithLocale locale) {
    return state().store().get(id).switchIfEmpty(Mono.error(() -> new Refused(new MetaAdminException(404, "not_found",
        sentences(locale).get("no_revision", id)))));
  }

  private List<ItemView> views(EffectiveModel base, List<ItemChange> reverting) {
    return reverting.stream().map(c -> new ItemView(c.item().kindCode(), c.item().name(), c.deletes(),
        JsonDiff.between(base.body(c.item(), state().loader()), c.body()).toPrettyString())).toList();
  }

  public Flux<RevisionView> revisions(int limit) {
    return state().store().latest(limit, Long.MAX_VALUE).map(r -> new RevisionView(r.id(), r.item().kindCode(),
        r.item().name(), r.action(), r.createdAt(), r.createdByLogin(), r.body() == null,
        r.diff() == null ? "" : r.diff().toPrettyString()));
  }

  private static Map<String, ObjectNode> names(ObjectNode body) {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    if (body != null) {
      body.path("fields").forEach(f -> out.put(f.path("name").asString(""), (ObjectNode) f.deepCopy()));
    }
    return out;
  }

  private ModelEdits edits(EffectiveModel base, Sentences text) {
    return new ModelEdits(base, state().loader(), text);
  }

  private ObjectNode existing(EffectiveModel base, MetadataKind kind, String name, Sentences text) {
    ObjectNode body = base.body(new ModelItem(kind, name), state().loader());
    if (body == null) {
      throw new MetaAdminException(404, "not_found", text.get("no_item", new ModelItem(kind, name)));
    }
    return body.deepCopy();
  }

  private Sentences sentences(KithLocale locale) {
    return new Sentences(messages, locale);
  }

  private Mono<ObjectNode> run(String action, boolean dryRun, boolean confirm, Long user, KithLocale locale,
      BiFunction<EffectiveModel, Sentences, List<ItemChange>> edit) {
    Sentences text = sentences(locale);
    return change(action, dryRun, confirm, user, locale, base -> Mono.fromCallable(() -> edit.apply(base, text)));
  }

  /** Refusals and confirmations come back in {@code locale}, as the page shows them. */
  private Mono<ObjectNode> change(String action, boolean dryRun, boolean confirm, Long user, KithLocale locale,
      Function<EffectiveModel, Mono<List<ItemChange>>> edit) {
    return changes.apply(new ChangeRequest(action, edit, dryRun, confirm, user, sentences(locale)))
        .onErrorMap(MetaAdminException.class, Refused::new);
  }
}
