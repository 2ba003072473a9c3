package io.kith.render;

import java.util.List;

/**
 * The History section of a record's page: the newest entries, resolved for display.
 *
 * @param total how many entries the record has
 * @param more says that only the latest entries are listed, or null when all are
 */
public record HistoryView(List<Entry> entries, long total, String more) {

  public HistoryView {
    entries = List.copyOf(entries);
  }

  /**
   * One change of the record.
   *
   * @param action the stored code ({@code update}), for styling and tests
   * @param at the time in Kith's zone as pages show it; {@code isoAt} the same as ISO 8601
   * @param note shown instead of changes when there are none to show, or null
   */
  public record Entry(String action, String actionLabel, String at, String isoAt, String user,
      List<FieldChange> changes, String note) {

    public Entry {
      changes = List.copyOf(changes);
    }
  }

  /**
   * One changed field: its label and the values before and after, as pages show them.
   *
   * @param rows whether each value is a collection row (shown apart more clearly than list items)
   */
  public record FieldChange(String field, String label, List<Cell> before, List<Cell> after, boolean rows) {

    public FieldChange {
      before = List.copyOf(before);
      after = List.copyOf(after);
    }
  }
}
