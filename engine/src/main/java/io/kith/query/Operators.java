package io.kith.query;

import static io.kith.query.Operator.*;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The operator sets field types offer; each FieldTypeSupport names one. */
public final class Operators {

  public static final Set<Operator> TEXT = of(CONTAINS, STARTS_WITH, EQ, NE, IN, EMPTY, NOT_EMPTY);
  public static final Set<Operator> NUMBER = of(EQ, NE, LT, LE, GT, GE, BETWEEN, IN, EMPTY, NOT_EMPTY);
  public static final Set<Operator> DATE = of(EQ, NE, LT, LE, GT, GE, BETWEEN, EMPTY, NOT_EMPTY,
      TODAY, THIS_WEEK, THIS_MONTH, THIS_YEAR, LAST_DAYS, NEXT_DAYS);
  public static final Set<Operator> BOOLEAN = of(EQ, EMPTY, NOT_EMPTY);
  public static final Set<Operator> OPTION = of(EQ, NE, IN, NOT_IN, EMPTY, NOT_EMPTY);
  public static final Set<Operator> MULTI_OPTION = of(IN, NOT_IN, EMPTY, NOT_EMPTY);
  public static final Set<Operator> REFERENCE = of(EQ, IN, EMPTY, NOT_EMPTY);
  public static final Set<Operator> MULTI_REFERENCE = of(IN, EMPTY, NOT_EMPTY);
  public static final Set<Operator> COLLECTION = of(ANY, EMPTY, NOT_EMPTY);
  public static final Set<Operator> NONE = Collections.emptySet();

  private Operators() {}

  private static Set<Operator> of(Operator first, Operator... rest) {
    return Collections.unmodifiableSet(EnumSet.of(first, rest));
  }
}
