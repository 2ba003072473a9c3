package io.kith.validation;

import io.kith.metadata.EntityDef;
import io.kith.metadata.Expressions;
import io.kith.metadata.Expressions.Expression;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.RuleDef;
import io.kith.support.SnapshotCache;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates an entity type's cross-field rules and computed expressions (CEL) against one record.
 * Expressions are compiled once per entity type and metadata version; the loader has already
 * refused any that do not compile. A rule fails only when its check is definitely false: one that
 * needs a field without a value is unknown and not applied, so "end_date >= start_date" says
 * nothing until both dates are there.
 */
public final class RecordRules {

  private record CompiledRule(RuleDef rule, Expression when, Expression check) {}

  private record Compiled(List<CompiledRule> rules, Map<FieldDef, Expression> expressions) {}

  private final SnapshotCache<Compiled> compiled = new SnapshotCache<>();

  /** The code of a failed rule's field error; its one argument is the rule's name. */
  public static final String RULE_FAILED = "rule_failed";

  /** Errors for every rule {@code variables} (field name to expression value) break, on the rules' fields. */
  public List<FieldError> check(MetadataSnapshot snapshot, EntityDef entity, Map<String, Object> variables) {
    if (entity.rules().isEmpty()) {
      return List.of();
    }
    List<FieldError> errors = new ArrayList<>();
    for (CompiledRule r : compiled(snapshot, entity).rules()) {
      if (r.when() != null && !r.when().evaluate(variables).equals(Optional.of(true))) {
        continue;
      }
      if (r.check().evaluate(variables).equals(Optional.of(false))) {
        errors.add(FieldError.of(r.rule().field(), RULE_FAILED, r.rule().name()));
      }
    }
    return errors;
  }

  /**
   * The stored value of every computed expression field, as column values of its result type
   * (null when the expression is unknown for this record).
   */
  public Map<String, Object> expressionValues(MetadataSnapshot snapshot, EntityDef entity, Map<String, Object> variables) {
    Map<FieldDef, Expression> expressions = compiled(snapshot, entity).expressions();
    if (expressions.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    expressions.forEach((field, expression) -> out.put(field.name(),
        expression.evaluate(variables).map(v -> column(((FieldType.Computed) field.type()).result(), v)).orElse(null)));
    return out;
  }

  private static Object column(FieldType result, Object value) {
    if (result instanceof FieldType.DecimalNumber d && value instanceof Number n) {
      double x = n.doubleValue();
      return Double.isFinite(x) ? BigDecimal.valueOf(x).setScale(d.scale(), RoundingMode.HALF_UP) : null;
    }
    if (result instanceof FieldType.IntegerNumber) {
      return value instanceof Long ? value : null;
    }
    if (result instanceof FieldType.Bool) {
      return value instanceof Boolean ? value : null;
    }
    return value instanceof String s ? (s.isEmpty() ? null : s) : String.valueOf(value);
  }

  private Compiled compiled(MetadataSnapshot snapshot, EntityDef entity) {
    return compiled.get(snapshot, entity.name(), k -> compile(entity));
  }

  private static Compiled compile(EntityDef entity) {
    List<FieldDef> computed = entity.fields().stream()
        .filter(f -> f.type() instanceof FieldType.Computed c && c.formula() == FieldType.Formula.EXPRESSION).toList();
    if (entity.rules().isEmpty() && computed.isEmpty()) {
      return new Compiled(List.of(), Map.of());
    }
    try {
      Expressions.Compiler compiler = Expressions.compilerFor(entity);
      List<CompiledRule> rules = new ArrayList<>();
      for (RuleDef rule : entity.rules()) {
        rules.add(new CompiledRule(rule,
            rule.when() == null ? null : compiler.compile(rule.when(), dev.cel.common.types.SimpleType.BOOL),
            compiler.compile(rule.check(), dev.cel.common.types.SimpleType.BOOL)));
      }
      Map<FieldDef, Expression> expressions = new LinkedHashMap<>();
      for (FieldDef field : computed) {
        FieldType.Computed c = (FieldType.Computed) field.type();
        expressions.put(field, compiler.compile(c.expression(), Expressions.resultType(c.result())));
      }
      return new Compiled(List.copyOf(rules), expressions);
    } catch (Expressions.InvalidExpressionException e) {
      throw new IllegalStateException("validated metadata has an expression that does not compile: " + e.getMessage(), e);
    }
  }
}
