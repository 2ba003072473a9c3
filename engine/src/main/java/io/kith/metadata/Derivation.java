package io.kith.metadata;

import java.util.List;

/**
 * Settings of the computed fields that derive a value from dates: a period's end ({@code
 * formula: period_end}) and a status from date-window rules ({@code formula: status}). Both are
 * declared in metadata; the engine knows only the arithmetic.
 */
public sealed interface Derivation {

  /** Duration units a period's unit option list may use (its option codes). */
  List<String> UNITS = List.of("day", "month", "year", "lifetime");

  /** Period types a period's type option list may use (its option codes). */
  List<String> PERIOD_TYPES = List.of("rolling", "fixed");

  /**
   * The end of a period that begins on {@code start} (the first of these date fields with a value)
   * and lasts as the record referenced by {@code from} says.
   *
   * @param from a reference field of this entity type; its target holds the other fields
   * @param interval an integer field of the target: how many units
   * @param unit an option field of the target with codes among {@link #UNITS}
   * @param periodType an option field of the target with codes among {@link #PERIOD_TYPES}, or null (rolling)
   * @param fixedStart a text field of the target holding the fixed start as {@code MM-DD}, or null
   */
  record PeriodEnd(List<String> start, String from, String interval, String unit, String periodType,
      String fixedStart) implements Derivation {
    public PeriodEnd {
      start = List.copyOf(start);
    }
  }

  /**
   * A status (an option code of {@code list}) chosen by the first rule whose window holds today;
   * a value in {@code override} wins over every rule.
   */
  record Status(String list, String override, List<StatusRule> rules) implements Derivation {
    public Status {
      rules = List.copyOf(rules);
    }
  }

  /**
   * One status rule: today is in the window when it is on or after {@code from} and before {@code
   * until}. A missing bound is open; a bound whose date field is empty makes a {@code from} rule
   * not apply and an {@code until} bound open (a lifetime membership has no end).
   */
  record StatusRule(String status, Bound from, Bound until) {}

  /** A date field plus an offset, for example the end date plus one month. */
  record Bound(String field, int years, int months, int days) {
    public java.time.LocalDate apply(java.time.LocalDate date) {
      return date.plusYears(years).plusMonths(months).plusDays(days);
    }
  }
}
