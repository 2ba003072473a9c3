package io.kith.metadata;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Checks of the metadata that ties fields together: a relationship entity's type and side fields,
 * period-end and status computed fields, and seed records' key. Problems go to {@code problem}
 * (a JSON pointer and a sentence).
 */
final class DerivedFieldChecker {

  private final Map<String, EntityDef> entities;
  private final Map<String, OptionList> optionLists;
  private final BiConsumer<String, String> problem;

  DerivedFieldChecker(Map<String, EntityDef> entities, Map<String, OptionList> optionLists,
      BiConsumer<String, String> problem) {
    this.entities = entities;
    this.optionLists = optionLists;
    this.problem = problem;
  }

  void check(EntityDef entity) {
    if (entity.relationship() != null) {
      checkRelationship(entity, entity.relationship());
    }
    for (int i = 0; i < entity.fields().size(); i++) {
      FieldDef field = entity.fields().get(i);
      if (field.type() instanceof FieldType.Computed c && c.derivation() instanceof Derivation.PeriodEnd p) {
        checkPeriod(entity, "/fields/" + i + "/period", p);
      } else if (field.type() instanceof FieldType.Computed c && c.derivation() instanceof Derivation.Status st) {
        checkStatus(entity, "/fields/" + i + "/status", st);
      }
    }
    if (entity.seed() != null && entity.field(entity.seed().key()).filter(f -> f.type().hasColumn()).isEmpty()) {
      problem.accept("/seed/key", "Seed key \"" + entity.seed().key() + "\" is not a plain field of this entity type.");
    }
  }

  private void checkRelationship(EntityDef entity, RelationshipSpec spec) {
    Optional<FieldDef> type = entity.field(spec.type());
    if (type.isEmpty() || !(type.get().type() instanceof FieldType.Option o) || !o.list().equals(RelationshipSpec.TYPE_LIST)) {
      problem.accept("/relationship/type", "Field \"" + spec.type() + "\" must be an option field of list \""
          + RelationshipSpec.TYPE_LIST + "\".");
    }
    for (String side : List.of(spec.sideA(), spec.sideB())) {
      if (entity.field(side).filter(f -> f.type() instanceof FieldType.Reference).isEmpty()) {
        problem.accept(side.equals(spec.sideA()) ? "/relationship/sideA" : "/relationship/sideB",
            "Field \"" + side + "\" must be a reference field of this entity type.");
      }
    }
  }

  private void checkPeriod(EntityDef entity, String at, Derivation.PeriodEnd p) {
    for (String start : p.start()) {
      if (entity.field(start).filter(f -> f.type() instanceof FieldType.Date).isEmpty()) {
        problem.accept(at + "/start", "Period start \"" + start + "\" is not a date field of this entity type.");
      }
    }
    Optional<FieldDef> from = entity.field(p.from()).filter(f -> f.type() instanceof FieldType.Reference);
    if (from.isEmpty()) {
      problem.accept(at + "/from", "\"" + p.from() + "\" is not a reference field of this entity type.");
      return;
    }
    EntityDef target = entities.get(((FieldType.Reference) from.get().type()).entity());
    if (target == null) {
      return;
    }
    expect(target, at + "/interval", p.interval(), FieldType.IntegerNumber.class, null);
    expect(target, at + "/unit", p.unit(), FieldType.Option.class, Derivation.UNITS);
    if (p.periodType() != null) {
      expect(target, at + "/type", p.periodType(), FieldType.Option.class, Derivation.PERIOD_TYPES);
    }
    if (p.fixedStart() != null) {
      expect(target, at + "/fixedStart", p.fixedStart(), FieldType.Text.class, null);
    }
  }

  private void expect(EntityDef target, String at, String name, Class<? extends FieldType> type, List<String> codes) {
    Optional<FieldDef> field = target.field(name).filter(f -> type.isInstance(f.type()));
    if (field.isEmpty()) {
      problem.accept(at, "\"" + name + "\" is not a " + typeName(type) + " field of entity type \"" + target.name() + "\".");
      return;
    }
    if (codes != null && field.get().type() instanceof FieldType.Option o && optionLists.containsKey(o.list())) {
      for (OptionDef option : optionLists.get(o.list()).options()) {
        if (!codes.contains(option.code())) {
          problem.accept(at, "Option list \"" + o.list() + "\" has code \"" + option.code() + "\"; the engine knows only "
              + codes + ".");
        }
      }
    }
  }

  private static String typeName(Class<? extends FieldType> type) {
    return type == FieldType.IntegerNumber.class ? "integer" : type == FieldType.Option.class ? "option" : "text";
  }

  private void checkStatus(EntityDef entity, String at, Derivation.Status st) {
    OptionList list = optionLists.get(st.list());
    if (list == null) {
      problem.accept(at + "/list", "Option list \"" + st.list() + "\" does not exist.");
      return;
    }
    if (st.override() != null && entity.field(st.override())
        .filter(f -> f.type() instanceof FieldType.Option o && o.list().equals(st.list())).isEmpty()) {
      problem.accept(at + "/override", "\"" + st.override() + "\" is not an option field of list \"" + st.list() + "\".");
    }
    for (int i = 0; i < st.rules().size(); i++) {
      Derivation.StatusRule rule = st.rules().get(i);
      if (list.option(rule.status()).isEmpty()) {
        problem.accept(at + "/rules/" + i + "/status", "\"" + rule.status() + "\" is not an option of list \"" + st.list() + "\".");
      }
      checkBound(entity, at + "/rules/" + i + "/from", rule.from());
      checkBound(entity, at + "/rules/" + i + "/until", rule.until());
    }
  }

  private void checkBound(EntityDef entity, String at, Derivation.Bound bound) {
    if (bound != null && entity.field(bound.field()).filter(DerivedFieldChecker::isDate).isEmpty()) {
      problem.accept(at + "/field", "\"" + bound.field() + "\" is not a date field (or period end) of this entity type.");
    }
  }

  private static boolean isDate(FieldDef f) {
    return f.type() instanceof FieldType.Date
        || f.type() instanceof FieldType.Computed c && c.formula() == FieldType.Formula.PERIOD_END;
  }
}
