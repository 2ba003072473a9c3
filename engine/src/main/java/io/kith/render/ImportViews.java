package io.kith.render;

import java.util.List;

/** View models of the import wizard's pages (templates read records through their accessors). */
public final class ImportViews {

  private ImportViews() {}

  /** A select option. */
  public record Choice(String value, String label) {}

  /**
   * A field a column can fill: {@code value} is a profile's {@code field}, plus
   * {@code |location_type=home} for a qualified collection row.
   */
  public record Target(String value, String label, boolean reference) {}

  /**
   * One mapping row: the column as the file names it, what it fills now, its match key and its
   * value map written as the wizard takes it ({@code M=male; F=female}).
   */
  public record Column(int index, String header, String selected, String match, String values) {}

  /** A constant: the field it fills (empty for a blank row of the form) and its value as typed. */
  public record Constant(int index, String field, String value) {}

  /** A previewed row: its number, what would happen, the values by field label, the problems. */
  public record Row(long number, String action, List<String> values, List<String> errors) {}
}
