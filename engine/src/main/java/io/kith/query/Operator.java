package io.kith.query;

import java.util.Locale;

/** A filter operator, named in query JSON by its lower-case name ({@code starts_with}). */
public enum Operator {
  EQ(Arity.ONE),
  NE(Arity.ONE),
  LT(Arity.ONE),
  LE(Arity.ONE),
  GT(Arity.ONE),
  GE(Arity.ONE),
  BETWEEN(Arity.TWO),
  IN(Arity.MANY),
  NOT_IN(Arity.MANY),
  CONTAINS(Arity.TEXT),
  STARTS_WITH(Arity.TEXT),
  EMPTY(Arity.NONE),
  NOT_EMPTY(Arity.NONE),
  TODAY(Arity.NONE),
  THIS_WEEK(Arity.NONE),
  THIS_MONTH(Arity.NONE),
  THIS_YEAR(Arity.NONE),
  LAST_DAYS(Arity.DAYS),
  NEXT_DAYS(Arity.DAYS),
  /** Some row of a collection matches the nested filter. */
  ANY(Arity.FILTER);

  /** What value the operator takes. */
  public enum Arity {
    NONE,
    ONE,
    TWO,
    MANY,
    TEXT,
    DAYS,
    FILTER
  }

  private final Arity arity;

  Operator(Arity arity) {
    this.arity = arity;
  }

  public Arity arity() {
    return arity;
  }

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The operator named {@code name} in query JSON, or null. */
  public static Operator ofJson(String name) {
    for (Operator op : values()) {
      if (op.jsonName().equals(name)) {
        return op;
      }
    }
    return null;
  }
}
