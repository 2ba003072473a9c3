package io.kith.audit;

import java.util.List;

/** One page of a record's history, newest first, with the total number of entries (pages as record lists count them). */
public record HistoryPage(List<HistoryEntry> items, int page, int size, long total) {

  public HistoryPage {
    items = List.copyOf(items);
  }

  public long pages() {
    return total == 0 ? 1 : (total + size - 1) / size;
  }
}
