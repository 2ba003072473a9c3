package io.kith.audit;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One recorded change of a record.
 *
 * @param userId who made it, or null for an anonymous request
 * @param userName that user's name, or null when anonymous or unknown
 * @param changes the changed fields the viewer may see, in the entity type's field order
 */
public record HistoryEntry(Action action, OffsetDateTime at, Long userId, String userName, List<Change> changes) {

  public HistoryEntry {
    changes = List.copyOf(changes);
  }
}
