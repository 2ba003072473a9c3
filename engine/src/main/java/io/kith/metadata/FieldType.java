package io.kith.metadata;

import java.util.List;

/**
 * The type of a field with its own settings. Behaviour per type lives in {@code
 * io.kith.fieldtype.FieldTypeSupport}; adding a type means one record here and one support class.
 */
public sealed interface FieldType {

  /** The name used in metadata files ({@code type: text}). */
  String typeName();

  /** Whether values of this type live in a column of the entity's own table. */
  default boolean hasColumn() {
    return true;
  }

  record Text(int maxLength) implements FieldType {
    public static final int DEFAULT_MAX_LENGTH = 255;

    public String typeName() {
      return "text";
    }
  }

  record LongText() implements FieldType {
    public String typeName() {
      return "long_text";
    }
  }

  record Email() implements FieldType {
    public String typeName() {
      return "email";
    }
  }

  record Phone() implements FieldType {
    public String typeName() {
      return "phone";
    }
  }

  record Url() implements FieldType {
    public String typeName() {
      return "url";
    }
  }

  record IntegerNumber() implements FieldType {
    public String typeName() {
      return "integer";
    }
  }

  record DecimalNumber(int precision, int scale) implements FieldType {
    public DecimalNumber {
      if (scale > precision) {
        throw new IllegalArgumentException("scale must not exceed precision");
      }
    }

    public String typeName() {
      return "decimal";
    }
  }

  record Money() implements FieldType {
    public static final int PRECISION = 19;
    public static final int SCALE = 2;

    public String typeName() {
      return "money";
    }
  }

  record Bool() implements FieldType {
    public String typeName() {
      return "boolean";
    }
  }

  record Date() implements FieldType {
    public String typeName() {
      return "date";
    }
  }

  record DateTime() implements FieldType {
    public String typeName() {
      return "datetime";
    }
  }

  /**
   * One code of an option list.
   *
   * @param dependsOn another option field of the same entity type whose value restricts the choices
   *     (an option lists the parent codes it belongs under), or null
   */
  record Option(String list, String dependsOn) implements FieldType {
    public Option(String list) {
      this(list, null);
    }

    public String typeName() {
      return "option";
    }
  }

  record MultiOption(String list) implements FieldType {
    public String typeName() {
      return "multi_option";
    }
  }

  /**
   * A reference to one record of another entity type, optionally restricted to one subtype.
   *
   * @param acyclic for a reference to the same entity type (a parent): refuse values that would
   *     make a record its own ancestor
   */
  record Reference(String entity, String subtype, boolean acyclic) implements FieldType {
    public Reference(String entity, String subtype) {
      this(entity, subtype, false);
    }

    public String typeName() {
      return "reference";
    }
  }

  /** References to many records, stored in a link table; {@code acyclic} as for {@link Reference}. */
  record MultiReference(String entity, String subtype, boolean acyclic) implements FieldType {
    public MultiReference(String entity, String subtype) {
      this(entity, subtype, false);
    }

    public String typeName() {
      return "multi_reference";
    }

    @Override
    public boolean hasColumn() {
      return false;
    }
  }

  /** An uploaded file (an attachment): the value is the id of a row of {@code kith.file}. */
  record File() implements FieldType {
    public String typeName() {
      return "file";
    }
  }

  /** Repeatable sub-records with their own fields, stored in a child table. */
  record Collection(List<FieldDef> fields) implements FieldType {
    public Collection {
      fields = List.copyOf(fields);
    }

    public String typeName() {
      return "collection";
    }

    @Override
    public boolean hasColumn() {
      return false;
    }
  }

  /**
   * A read-only value derived by the engine.
   *
   * @param source for {@link Formula#AGE}: the date field counted from; otherwise null
   * @param template for {@link Formula#TEMPLATE}: the template (one, or one per subtype); otherwise null
   * @param expression for {@link Formula#EXPRESSION}: the CEL expression over the record's fields
   * @param result for {@link Formula#EXPRESSION}: the type of the stored value (text, integer,
   *     decimal or boolean); otherwise null (the value is text)
   * @param derivation for {@link Formula#PERIOD_END} and {@link Formula#STATUS}: their settings; otherwise null
   */
  record Computed(Formula formula, String source, DisplayNameTemplate template, String expression, FieldType result,
      Derivation derivation) implements FieldType {
    public Computed(Formula formula, String source, DisplayNameTemplate template) {
      this(formula, source, template, null, null, null);
    }

    /** A CEL expression field. */
    public Computed(Formula formula, String source, DisplayNameTemplate template, String expression, FieldType result) {
      this(formula, source, template, expression, result, null);
    }

    /** A period end or a status. */
    public Computed(Formula formula, String source, DisplayNameTemplate template, Derivation derivation) {
      this(formula, source, template, null, null, derivation);
    }

    /** The type the value is stored and filtered as: an expression's result type, a date for a period end; null for text. */
    public FieldType valueType() {
      return formula == Formula.PERIOD_END ? new Date() : result;
    }

    public String typeName() {
      return "computed";
    }

    /** Whether the value is stored on every write (so it sorts and searches) rather than computed on read. */
    public boolean isStored() {
      return formula != Formula.AGE && formula != Formula.STATUS;
    }

    @Override
    public boolean hasColumn() {
      return isStored();
    }
  }

  /** What a computed field derives. */
  enum Formula {
    /** The entity's display-name template, stored on every write so it can be sorted and searched. */
    DISPLAY_NAME,
    /** The field's own display-name-like template (for example a sort name), stored like a display name. */
    TEMPLATE,
    /** Whole years since the date in {@code source}, computed on read. */
    AGE,
    /** A CEL expression over the record's fields, stored on every write (so it sorts, filters and searches). */
    EXPRESSION,
    /** The last day of a period that starts on a date field and lasts as a referenced record says; stored. */
    PERIOD_END,
    /** An option code chosen by date-window rules (first match wins) unless an override is set; computed on read. */
    STATUS
  }

  /** The value types a computed expression may have, by their name in metadata ({@code resultType}). */
  static FieldType expressionResult(String name) {
    return switch (name == null ? "text" : name) {
      case "text" -> new LongText();
      case "integer" -> new IntegerNumber();
      case "decimal" -> new DecimalNumber(19, 4);
      case "boolean" -> new Bool();
      default -> throw new IllegalArgumentException("unknown result type " + name);
    };
  }

  /** The metadata name of a computed expression's result type. */
  static String expressionResultName(FieldType result) {
    return result instanceof IntegerNumber ? "integer" : result instanceof DecimalNumber ? "decimal"
        : result instanceof Bool ? "boolean" : "text";
  }
}
