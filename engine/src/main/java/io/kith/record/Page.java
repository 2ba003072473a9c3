package io.kith.record;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One page of records with the totals a pager needs.
 *
 * @param estimated whether {@code total} is the planner's estimate (counting would be slow)
 */
public record Page(List<ObjectNode> items, int page, int size, long total, boolean estimated) {

  public Page {
    items = List.copyOf(items);
  }

  public long pages() {
    return total == 0 ? 1 : (total + size - 1) / size;
  }
}
