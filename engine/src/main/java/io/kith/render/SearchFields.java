package io.kith.render;

import io.kith.fieldtype.FieldTypes;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.query.Operator;
import io.kith.query.Operators;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the advanced search of one entity type can test, from metadata: every filterable field, the
 * fields of its collections (tested with "any row matches"), and the system columns active,
 * subtype and created/updated at; each with its operators (the field type's, from
 * {@code FieldTypeSupport.operators}) and the kind of value input it needs.
 */
public final class SearchFields {

  /** The operators in the order a person reads them; the first one a target offers is its default. */
  private static final List<Operator> ORDER = List.of(Operator.CONTAINS, Operator.STARTS_WITH, Operator.EQ,
      Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE, Operator.BETWEEN, Operator.IN,
      Operator.NOT_IN, Operator.TODAY, Operator.THIS_WEEK, Operator.THIS_MONTH, Operator.THIS_YEAR,
      Operator.LAST_DAYS, Operator.NEXT_DAYS, Operator.EMPTY, Operator.NOT_EMPTY);

  /** The kind of value input a target needs. */
  public enum Input {
    TEXT,
    INTEGER,
    DECIMAL,
    DATE,
    BOOLEAN,
    OPTION,
    SUBTYPE,
    REFERENCE,
    NONE
  }

  /**
   * One thing a condition can test.
   *
   * @param key the form's name for it: {@code first_name}, {@code emails.email}, {@code active}
   * @param collection the collection field holding {@code field}, or null
   * @param field the field, or null for a system column
   * @param operators the operators offered, in reading order
   */
  public record Target(String key, FieldDef collection, FieldDef field, Input input, List<Operator> operators) {

    public Operator defaultOperator() {
      return operators.get(0);
    }

    /** The field (or system column) name used in query JSON, inside the collection for child fields. */
    public String name() {
      return field != null ? field.name() : key;
    }

    /** Values are separate form values (choices, references), not one comma-separated text. */
    public boolean separateValues() {
      return input == Input.OPTION || input == Input.SUBTYPE || input == Input.REFERENCE;
    }
  }

  private final EntityDef entity;
  private final Map<String, Target> targets = new LinkedHashMap<>();

  public SearchFields(EntityDef entity, FieldTypes fieldTypes) {
    this.entity = entity;
    for (FieldDef field : entity.fields()) {
      if (field.hidden()) {
        continue;
      }
      if (field.type() instanceof FieldType.Collection c) {
        add(new Target(field.name(), null, field, Input.NONE, ordered(Set.of(Operator.EMPTY, Operator.NOT_EMPTY))));
        for (FieldDef child : c.fields()) {
          Set<Operator> ops = fieldTypes.of(child.type()).operators(child.type());
          if (!child.hidden() && !ops.isEmpty() && !(child.type() instanceof FieldType.Collection)) {
            add(new Target(field.name() + "." + child.name(), field, child, input(child), ordered(ops)));
          }
        }
        continue;
      }
      Set<Operator> ops = fieldTypes.of(field.type()).operators(field.type());
      if (!ops.isEmpty()) {
        add(new Target(field.name(), null, field, input(field), ordered(ops)));
      }
    }
    add(new Target("active", null, null, Input.BOOLEAN, List.of(Operator.EQ)));
    if (entity.hasSubtypes()) {
      add(new Target("subtype", null, null, Input.SUBTYPE, ordered(Operators.OPTION)));
    }
    add(new Target("created_at", null, null, Input.DATE, ordered(Operators.DATE)));
    add(new Target("updated_at", null, null, Input.DATE, ordered(Operators.DATE)));
  }

  public EntityDef entity() {
    return entity;
  }

  public List<Target> all() {
    return List.copyOf(targets.values());
  }

  /** The target with this form key, or null. */
  public Target get(String key) {
    return key == null ? null : targets.get(key);
  }

  private void add(Target target) {
    targets.put(target.key(), target);
  }

  private static List<Operator> ordered(Set<Operator> ops) {
    return ORDER.stream().filter(ops::contains).toList();
  }

  private static Input input(FieldDef field) {
    FieldType type = field.type();
    if (type instanceof FieldType.IntegerNumber) {
      return Input.INTEGER;
    }
    if (type instanceof FieldType.DecimalNumber || type instanceof FieldType.Money) {
      return Input.DECIMAL;
    }
    if (type instanceof FieldType.Date || type instanceof FieldType.DateTime) {
      return Input.DATE;
    }
    if (type instanceof FieldType.Bool) {
      return Input.BOOLEAN;
    }
    if (type instanceof FieldType.Option || type instanceof FieldType.MultiOption) {
      return Input.OPTION;
    }
    if (type instanceof FieldType.Reference || type instanceof FieldType.MultiReference) {
      return Input.REFERENCE;
    }
    return Input.TEXT;
  }
}
