package io.kith.query;

import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.schema.SqlNames;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compiles a checked {@link Filter} into a SQL condition. Column names come from the metadata and
 * pass through {@link SqlNames}; every value is a bind parameter numbered from {@code firstBind}.
 * Collections and multi-references become {@code exists} sub-queries on their child tables.
 */
public final class QuerySql {

  private final Clock clock;

  public QuerySql(Clock clock) {
    this.clock = clock;
  }

  /** A condition and its bind values, in order. */
  public record Fragment(String sql, List<Bind> binds) {}

  public Fragment where(EntityDef entity, Filter filter, String alias) {
    return where(entity, filter, alias, 1);
  }

  /** A condition whose placeholders start at {@code $firstBind} (after those of the statement around it). */
  public Fragment where(EntityDef entity, Filter filter, String alias, int firstBind) {
    // Placeholders are numbered by the list's size, so the numbers before firstBind are held by nulls.
    List<Bind> binds = new ArrayList<>(java.util.Collections.nCopies(firstBind - 1, (Bind) null));
    String sql = filter == null ? "true" : compile(entity.name(), entity.fields(), filter, alias, binds, 0);
    return new Fragment(sql, List.copyOf(binds.subList(firstBind - 1, binds.size())));
  }

  private String compile(String owner, List<FieldDef> fields, Filter filter, String alias, List<Bind> binds, int depth) {
    if (filter instanceof Filter.All all) {
      return all.filters().stream().map(f -> compile(owner, fields, f, alias, binds, depth))
          .collect(Collectors.joining(" and ", "(", ")"));
    }
    if (filter instanceof Filter.AnyOf any) {
      return any.filters().stream().map(f -> compile(owner, fields, f, alias, binds, depth))
          .collect(Collectors.joining(" or ", "(", ")"));
    }
    if (filter instanceof Filter.SharedWith shared) {
      return alias + ".\"id\" in (select s.record_id from kith.record_share s where s.entity = "
          + bind(shared.entity(), binds) + " and s.user_id = " + bind(shared.userId(), binds) + ")";
    }
    Filter.Condition c = (Filter.Condition) filter;
    FieldDef field = fields.stream().filter(f -> f.name().equals(c.field())).findFirst().orElse(null);
    if (field != null && field.type() instanceof FieldType.Collection collection) {
      return collection(owner, field, collection, c, alias, binds, depth);
    }
    if (field != null && field.type() instanceof FieldType.MultiReference) {
      return links(owner, field, c, alias, binds);
    }
    String column = alias + "." + SqlNames.quote(c.field());
    boolean multiOption = field != null && field.type() instanceof FieldType.MultiOption;
    boolean timestamp = field == null ? c.field().endsWith("_at") : field.type() instanceof FieldType.DateTime;
    boolean text = field != null && (field.isText() || field.type() instanceof FieldType.Computed computed
        && (computed.result() == null || computed.result() instanceof FieldType.LongText));
    return condition(column, c, multiOption, timestamp, text, binds);
  }

  private String condition(String column, Filter.Condition c, boolean multiOption, boolean timestamp, boolean text,
      List<Bind> binds) {
    Object v = c.value();
    return switch (c.operator()) {
      case EMPTY -> multiOption ? "(" + column + " is null or cardinality(" + column + ") = 0)"
          : text ? "(" + column + " is null or " + column + " = '')" : column + " is null";
      case NOT_EMPTY -> multiOption ? "cardinality(" + column + ") > 0"
          : text ? "(" + column + " <> '')" : column + " is not null";
      case EQ -> v instanceof LocalDate day && timestamp ? dayRange(column, day, day.plusDays(1), binds)
          : text ? "lower(" + column + ") = lower(" + bind(v, binds) + ")" : column + " = " + bind(v, binds);
      case NE -> v instanceof LocalDate day && timestamp
          ? "not " + dayRange(column, day, day.plusDays(1), binds)
          : "(" + column + " is null or " + column + " <> " + bind(v, binds) + ")";
      case LT -> column + " < " + bind(start(v, timestamp), binds);
      case GE -> column + " >= " + bind(start(v, timestamp), binds);
      case LE -> column + (v instanceof LocalDate && timestamp ? " < " + bind(start(((LocalDate) v).plusDays(1), true), binds)
          : " <= " + bind(v, binds));
      case GT -> column + (v instanceof LocalDate && timestamp ? " >= " + bind(start(((LocalDate) v).plusDays(1), true), binds)
          : " > " + bind(v, binds));
      case BETWEEN -> between(column, (List<?>) v, timestamp, binds);
      // The column as it is, not cast: the planner then estimates from its element statistics
      // (a cast column gets a fixed guess, 1,000 times too few for a common option at 1M rows).
      case IN -> multiOption
          ? column + " && " + bind(((List<?>) v).toArray(String[]::new), binds) + "::character varying[]"
          : column + " = any(" + array((List<?>) v, binds) + ")";
      case NOT_IN -> multiOption
          ? "not coalesce(" + column + " && " + bind(((List<?>) v).toArray(String[]::new), binds) + "::character varying[], false)"
          : "(" + column + " is null or " + column + " <> all(" + array((List<?>) v, binds) + "))";
      case CONTAINS -> column + " ilike " + bind("%" + escapeLike((String) v) + "%", binds);
      case STARTS_WITH -> column + " ilike " + bind(escapeLike((String) v) + "%", binds);
      case TODAY -> range(column, today(), today().plusDays(1), timestamp, binds);
      case THIS_WEEK -> {
        LocalDate monday = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        yield range(column, monday, monday.plusWeeks(1), timestamp, binds);
      }
      case THIS_MONTH -> range(column, today().withDayOfMonth(1), today().withDayOfMonth(1).plusMonths(1), timestamp, binds);
      case THIS_YEAR -> range(column, today().withDayOfYear(1), today().withDayOfYear(1).plusYears(1), timestamp, binds);
      case LAST_DAYS -> range(column, today().minusDays((Integer) v - 1L), today().plusDays(1), timestamp, binds);
      case NEXT_DAYS -> range(column, today(), today().plusDays((Integer) v), timestamp, binds);
      case ANY -> throw new IllegalStateException("any applies to collections only");
    };
  }

  private String collection(String owner, FieldDef field, FieldType.Collection collection, Filter.Condition c,
      String alias, List<Bind> binds, int depth) {
    String child = "c" + depth;
    String table = SqlNames.table(SqlNames.childTable(owner, field.name()));
    String exists = "exists (select 1 from " + table + " " + child + " where " + child + ".\"parent_id\" = " + alias + ".\"id\"";
    return switch (c.operator()) {
      case EMPTY -> "not " + exists + ")";
      case NOT_EMPTY -> exists + ")";
      case ANY -> exists + " and " + compile(owner + "__" + field.name(), collection.fields(), (Filter) c.value(), child, binds, depth + 1) + ")";
      default -> throw new IllegalStateException("unexpected operator on a collection: " + c.operator());
    };
  }

  private String links(String owner, FieldDef field, Filter.Condition c, String alias, List<Bind> binds) {
    String table = SqlNames.table(SqlNames.childTable(owner, field.name()));
    String exists = "exists (select 1 from " + table + " l where l.\"source_id\" = " + alias + ".\"id\"";
    return switch (c.operator()) {
      case EMPTY -> "not " + exists + ")";
      case NOT_EMPTY -> exists + ")";
      case IN -> exists + " and l.\"target_id\" = any(" + array((List<?>) c.value(), binds) + "))";
      default -> throw new IllegalStateException("unexpected operator on a multi-reference: " + c.operator());
    };
  }

  private String between(String column, List<?> bounds, boolean timestamp, List<Bind> binds) {
    Object low = bounds.get(0);
    Object high = bounds.get(1);
    if (timestamp && high instanceof LocalDate day) {
      return "(" + column + " >= " + bind(start(low, true), binds) + " and " + column + " < "
          + bind(start(day.plusDays(1), true), binds) + ")";
    }
    return "(" + column + " between " + bind(start(low, timestamp), binds) + " and " + bind(high, binds) + ")";
  }

  private String range(String column, LocalDate from, LocalDate until, boolean timestamp, List<Bind> binds) {
    return "(" + column + " >= " + bind(start(from, timestamp), binds) + " and " + column + " < "
        + bind(start(until, timestamp), binds) + ")";
  }

  private String dayRange(String column, LocalDate from, LocalDate until, List<Bind> binds) {
    return range(column, from, until, true, binds);
  }

  /** A date compared with a timestamp column means the start of that day in Kith's zone. */
  private Object start(Object value, boolean timestamp) {
    if (timestamp && value instanceof LocalDate day) {
      return day.atStartOfDay(clock.getZone()).toOffsetDateTime();
    }
    return value;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static String array(List<?> values, List<Bind> binds) {
    Object first = values.get(0);
    Object array = first instanceof Long ? values.toArray(Long[]::new)
        : first instanceof String ? values.toArray(String[]::new)
        : first instanceof java.math.BigDecimal ? values.toArray(java.math.BigDecimal[]::new)
        : first instanceof LocalDate ? values.toArray(LocalDate[]::new)
        : first instanceof OffsetDateTime ? values.toArray(OffsetDateTime[]::new)
        : values.toArray(Boolean[]::new);
    return bind(array, binds);
  }

  private static String bind(Object value, List<Bind> binds) {
    binds.add(new Bind(value, value.getClass()));
    return "$" + binds.size();
  }

  /** User text in LIKE patterns: backslash, % and _ lose their wildcard meaning. */
  public static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
