package io.kith.metadata;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelMacro;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelVariableResolver;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expression language of rules and computed fields: CEL (https://cel.dev), which has no loops,
 * no side effects and a cost bounded by the expression's size. Each entity type's fields are
 * variables of their own type (text and option codes are strings, numbers int or double, dates and
 * date-times timestamps, multi-options lists of codes, references ids); {@code subtype} is a string.
 * {@code has(field)} tests whether a field has a value. A field without a value is left unbound, so
 * an expression that needs it evaluates to "unknown" rather than to a guess.
 */
public final class Expressions {

  /** The variable that holds the fields that have a value, for {@code has(field)}. */
  static final String PRESENT = "self";

  private static final CelOptions OPTIONS = CelOptions.current()
      .enableHeterogeneousNumericComparisons(true)
      .evaluateCanonicalTypesToNativeValues(true)
      .comprehensionMaxIterations(1_000)
      .maxExpressionCodePointSize(2_000)
      .build();

  private static final CelRuntime RUNTIME =
      CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

  /**
   * {@code has(end_date)} means "end_date has a value"; {@code has(a.b)} keeps its CEL meaning.
   */
  private static CelMacro has(java.util.Set<String> variables) {
    return CelMacro.newGlobalMacro("has", 1, (factory, target, args) -> {
      CelExpr arg = args.get(0);
      if (arg.getKind() == CelExpr.ExprKind.Kind.IDENT) {
        // An unknown name stays itself, so the checker reports "undeclared reference to 'name'".
        return Optional.of(variables.contains(arg.ident().name())
            ? factory.newSelect(factory.newIdentifier(PRESENT), arg.ident().name(), true) : arg);
      }
      if (arg.getKind() == CelExpr.ExprKind.Kind.SELECT) {
        return Optional.of(factory.newSelect(arg.select().operand(), arg.select().field(), true));
      }
      return Optional.empty();
    });
  }

  static {
    // Initialise CEL's compiler and runtime classes once, on one thread: instances starting
    // together in one JVM must not race through CEL's (and protobuf's) static initialisers.
    try {
      RUNTIME.createProgram(CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS)
          .addVar("x", SimpleType.INT).setResultType(SimpleType.BOOL).build().compile("x > 0").getAst())
          .eval(Map.of("x", 1L));
    } catch (CelValidationException | CelEvaluationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final Pattern ERROR_LINE = Pattern.compile("ERROR: <input>:(\\d+):(\\d+): (.*?)(?: \\(in container ''\\))?");

  private Expressions() {}

  /** One compiled expression, ready to evaluate any number of times (thread-safe). */
  public static final class Expression {
    private final CelRuntime.Program program;

    private Expression(CelRuntime.Program program) {
      this.program = program;
    }

    /**
     * The value for one record's {@code variables} (field name to value as {@link #variable} makes
     * them; fields without a value left out), or empty when it is unknown (it needs a field without
     * a value) or cannot be computed (a division by zero).
     */
    public Optional<Object> evaluate(Map<String, Object> variables) {
      // Names are looked up in the record's own map: no copy per evaluation.
      CelVariableResolver names =
          name -> Optional.ofNullable(PRESENT.equals(name) ? variables : variables.get(name));
      try {
        Object value = program.eval(names);
        return value instanceof Boolean || value instanceof String || value instanceof Number
            ? Optional.of(value) : Optional.empty();
      } catch (CelEvaluationException e) {
        return Optional.empty();
      }
    }
  }

  /** An expression that does not compile, with a sentence saying why. */
  public static final class InvalidExpressionException extends Exception {
    public InvalidExpressionException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Compiled expressions by the variables they were compiled against, result type and text. The
   * loader's checks compile every expression, so evaluation after a load finds them here; building a
   * CEL environment takes tens of milliseconds, compiling with one far less. Bounded, since admin
   * changes bring new expressions.
   */
  private static final Map<String, Expression> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();
  private static final Map<String, CelCompiler> COMPILERS = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int CACHE_LIMIT = 2_000;

  /** Compiles expressions against one entity type's fields. */
  public static final class Compiler {
    private final EntityDef entity;
    private final String variables;

    private Compiler(EntityDef entity) {
      this.entity = entity;
      this.variables = signature(entity);
    }

    /** Compiles {@code source}, requiring a value of type {@code result} (for example a boolean for a rule). */
    public Expression compile(String source, CelType result) throws InvalidExpressionException {
      String key = variables + "\u0000" + result.name() + "\u0000" + source;
      Expression cached = COMPILED.get(key);
      if (cached != null) {
        return cached;
      }
      Expression compiled = compileNew(source, result);
      if (COMPILED.size() >= CACHE_LIMIT) {
        COMPILED.clear();
      }
      COMPILED.put(key, compiled);
      return compiled;
    }

    private Expression compileNew(String source, CelType result) throws InvalidExpressionException {
      if (COMPILERS.size() >= CACHE_LIMIT) {
        COMPILERS.clear();
      }
      CelCompiler cel = COMPILERS.computeIfAbsent(variables, k -> compiler(entity));
      try {
        CelAbstractSyntaxTree ast = cel.compile(source).getAst();
        CelType found = ast.getResultType();
        if (!found.equals(result) && !found.equals(SimpleType.DYN)) {
          throw new InvalidExpressionException("expected type '" + result.name() + "' but found '" + found.name() + "'");
        }
        return new Expression(RUNTIME.createProgram(ast));
      } catch (CelValidationException e) {
        throw new InvalidExpressionException(describe(e.getMessage()));
      } catch (CelEvaluationException e) {
        throw new InvalidExpressionException(e.getMessage());
      }
    }
  }

  /** A compiler for expressions over the fields of {@code entity}. */
  public static Compiler compilerFor(EntityDef entity) {
    return new Compiler(entity);
  }

  /** Compiles one expression over the fields of {@code entity}. */
  public static Expression compile(EntityDef entity, String source, CelType result) throws InvalidExpressionException {
    return compilerFor(entity).compile(source, result);
  }

  /** The variables an entity type's expressions see, with their types: what a compiler depends on. */
  private static String signature(EntityDef entity) {
    StringBuilder out = new StringBuilder(entity.hasSubtypes() ? "subtype;" : ";");
    for (FieldDef field : entity.fields()) {
      CelType type = field.isComputed() || field.name().equals(PRESENT) ? null : variableType(field);
      if (type != null) {
        out.append(field.name()).append(':').append(type).append(';');
      }
    }
    return out.toString();
  }

  /** The CEL type of a computed expression's stored value. */
  public static CelType resultType(FieldType result) {
    return result instanceof FieldType.IntegerNumber ? SimpleType.INT
        : result instanceof FieldType.DecimalNumber ? SimpleType.DOUBLE
        : result instanceof FieldType.Bool ? SimpleType.BOOL : SimpleType.STRING;
  }

  /** The CEL type of a field's variable, or null for fields expressions cannot use. */
  public static CelType variableType(FieldDef field) {
    FieldType type = field.type();
    if (field.isText() || type instanceof FieldType.Option) {
      return SimpleType.STRING;
    }
    if (type instanceof FieldType.IntegerNumber || type instanceof FieldType.Reference) {
      return SimpleType.INT;
    }
    if (type instanceof FieldType.DecimalNumber || type instanceof FieldType.Money) {
      return SimpleType.DOUBLE;
    }
    if (type instanceof FieldType.Bool) {
      return SimpleType.BOOL;
    }
    if (type instanceof FieldType.Date || type instanceof FieldType.DateTime) {
      return SimpleType.TIMESTAMP;
    }
    if (type instanceof FieldType.MultiOption) {
      return ListType.create(SimpleType.STRING);
    }
    if (type instanceof FieldType.Collection) {
      // Each row a map of its child fields that have a value: emails.exists(e, e.location_type == "work").
      return ListType.create(MapType.create(SimpleType.STRING, SimpleType.DYN));
    }
    return null;
  }

  /**
   * A column value (as {@code FieldTypeSupport.toColumn} makes it) as the expression sees it:
   * numbers as long or double, dates as the instant of their midnight in UTC, date-times as instants.
   */
  public static Object variable(Object column) {
    if (column instanceof java.math.BigDecimal d) {
      return d.doubleValue();
    }
    if (column instanceof Integer i) {
      return i.longValue();
    }
    if (column instanceof java.time.LocalDate d) {
      return d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }
    if (column instanceof java.time.OffsetDateTime t) {
      return t.toInstant();
    }
    if (column instanceof String[] codes) {
      return java.util.List.of(codes);
    }
    return column;
  }

  private static CelCompiler compiler(EntityDef entity) {
    CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
        .setOptions(OPTIONS)
        .setStandardMacros(CelStandardMacro.ALL, CelStandardMacro.EXISTS, CelStandardMacro.EXISTS_ONE,
            CelStandardMacro.MAP, CelStandardMacro.MAP_FILTER, CelStandardMacro.FILTER)
        .addVar(PRESENT, MapType.create(SimpleType.STRING, SimpleType.DYN));
    java.util.Set<String> variables = new java.util.HashSet<>();
    if (entity.hasSubtypes()) {
      builder.addVar("subtype", SimpleType.STRING);
      variables.add("subtype");
    }
    for (FieldDef field : entity.fields()) {
      CelType type = field.isComputed() || field.name().equals(PRESENT) ? null : variableType(field);
      if (type != null) {
        builder.addVar(field.name(), type);
        variables.add(field.name());
      }
    }
    return builder.addMacros(has(variables)).build();
  }

  /** CEL's first error line, as "undeclared reference to 'x' (line 1, column 5)". */
  private static String describe(String message) {
    String first = message.lines().findFirst().orElse(message).strip();
    Matcher m = ERROR_LINE.matcher(first);
    if (!m.matches()) {
      return first;
    }
    return m.group(3) + " (line " + m.group(1) + ", column " + m.group(2) + ")";
  }
}
