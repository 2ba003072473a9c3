package io.kith.render;

import java.util.List;

/** A generated list page: columns, rows, filters and the pager of the CRM manual. */
public record ListView(
    String entity,
    String title,
    String newLabel,
    List<Column> columns,
    List<Row> rows,
    List<Filter> filters,
    Pager pager,
    String notice) {

  /** A column header; {@code sortUrl} sorts by it (toggling direction), {@code sorted} is asc/desc/"". */
  public record Column(String name, String label, String sortUrl, String sorted) {}

  public record Row(long id, String href, String label, boolean active, List<List<Cell>> cells) {}

  /** One input of the filter bar; {@code options} non-empty means a select. */
  public record Filter(String name, String label, String value, List<FieldView.OptionView> options) {}

  /**
   * Totals and links. {@code hidden} are the current parameters the jump form re-sends; the jump
   * box itself is always rendered empty.
   */
  public record Pager(String summary, long total, long pages, int size, int page, String firstUrl, String previousUrl,
      String nextUrl, String lastUrl, List<Param> hidden) {}

  public record Param(String name, String value) {}
}
