package io.kith.record;

import io.kith.metadata.Derivation;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.function.Function;

/**
 * The arithmetic behind {@code period_end} and {@code status} computed fields; the periods and rules
 * themselves are metadata.
 */
final class DateDerivations {

  private DateDerivations() {}

  /**
   * The last day of a period starting on {@code start}: rolling, {@code start + interval units - 1
   * day}; fixed, the same counted from the latest fixed start day on or before {@code start} (for
   * unit month only its day of month counts); lifetime, none (null). {@code interval} below 1 or
   * absent counts as 1.
   */
  static LocalDate periodEnd(LocalDate start, Integer interval, String unit, String periodType, String fixedStart) {
    if (start == null || unit == null || unit.equals("lifetime")) {
      return null;
    }
    int n = interval == null || interval < 1 ? 1 : interval;
    LocalDate from = "fixed".equals(periodType) ? anchor(start, unit, fixedStart) : start;
    LocalDate next = switch (unit) {
      case "day" -> from.plusDays(n);
      case "month" -> from.plusMonths(n);
      case "year" -> from.plusYears(n);
      default -> throw new IllegalStateException("checked metadata has unit " + unit);
    };
    return next.minusDays(1);
  }

  /** The latest fixed start day on or before {@code start}; {@code MM-DD}, January 1st when absent or unreadable. */
  private static LocalDate anchor(LocalDate start, String unit, String fixedStart) {
    MonthDay day = parse(fixedStart);
    if (unit.equals("year")) {
      LocalDate candidate = day.atYear(start.getYear());
      return candidate.isAfter(start) ? day.atYear(start.getYear() - 1) : candidate;
    }
    if (unit.equals("month")) {
      LocalDate candidate = start.withDayOfMonth(Math.min(day.getDayOfMonth(), start.lengthOfMonth()));
      if (!candidate.isAfter(start)) {
        return candidate;
      }
      LocalDate previous = start.minusMonths(1);
      return previous.withDayOfMonth(Math.min(day.getDayOfMonth(), previous.lengthOfMonth()));
    }
    return start;
  }

  private static MonthDay parse(String fixedStart) {
    try {
      return fixedStart == null ? MonthDay.of(1, 1) : MonthDay.parse("--" + fixedStart.strip());
    } catch (java.time.DateTimeException e) {
      return MonthDay.of(1, 1);
    }
  }

  /**
   * The override when set, else the first rule whose window holds {@code today}, else null. A rule
   * whose {@code from} date is empty does not apply; an empty {@code until} date leaves it open.
   */
  static String status(Derivation.Status rules, Function<String, LocalDate> dates, String override, LocalDate today) {
    if (override != null) {
      return override;
    }
    for (Derivation.StatusRule rule : rules.rules()) {
      if (rule.from() != null) {
        LocalDate from = dates.apply(rule.from().field());
        if (from == null || today.isBefore(rule.from().apply(from))) {
          continue;
        }
      }
      if (rule.until() != null) {
        LocalDate until = dates.apply(rule.until().field());
        if (until != null && !today.isBefore(rule.until().apply(until))) {
          continue;
        }
      }
      return rule.status();
    }
    return null;
  }
}
