package io.kith.audit;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Reads a record's history, newest first, one page at a time. It does not check that the record
 * still exists: a deleted record's history stays readable. The caller says which fields the viewer
 * may see; changes of other fields are left out entirely (an entry whose every change is hidden
 * keeps its action, time and user, with no changes).
 */
public final class HistoryReader {

  /** Every field visible: the default until permissions exist. */
  public static final Predicate<String> ALL_FIELDS = field -> true;

  private final HistoryStore store;
  private final UserNames userNames;
  private final ZoneId zone;

  public HistoryReader(DatabaseClient db, UserNames userNames, ZoneId zone) {
    this.store = new HistoryStore(db);
    this.userNames = userNames;
    this.zone = zone;
  }

  /** Page {@code page} (from 1) of {@code size} entries, every field visible. */
  public Mono<HistoryPage> page(String entity, long recordId, int page, int size) {
    return page(entity, recordId, page, size, ALL_FIELDS);
  }

  /**
   * Page {@code page} (from 1) of {@code size} entries, with only the changes of fields for which
   * {@code visibleFields} is true (field names as in the metadata, plus {@link HistoryWriter#OWNER_FIELD}
   * and {@link HistoryWriter#SHARED_WITH_FIELD}).
   */
  public Mono<HistoryPage> page(String entity, long recordId, int page, int size, Predicate<String> visibleFields) {
    long offset = (long) (page - 1) * size;
    return Mono.zip(store.page(entity, recordId, size, offset), store.count(entity, recordId))
        .flatMap(t -> names(t.getT1()).map(names -> new HistoryPage(
            t.getT1().stream().map(row -> entry(row, names, visibleFields)).toList(), page, size, t.getT2())));
  }

  /** Whether {@code userId} made any recorded change (such a user is deactivated, never deleted). */
  public Mono<Boolean> mentions(long userId) {
    return store.mentions(userId);
  }

  private Mono<Map<Long, String>> names(List<HistoryStore.Row> rows) {
    Set<Long> ids = new HashSet<>();
    rows.forEach(r -> {
      if (r.userId() != null) {
        ids.add(r.userId());
      }
    });
    return ids.isEmpty() ? Mono.just(Map.of()) : userNames.of(ids);
  }

  private HistoryEntry entry(HistoryStore.Row row, Map<Long, String> names, Predicate<String> visible) {
    List<Change> changes = new ArrayList<>();
    for (JsonNode c : row.changes()) {
      String field = c.get("field").asString();
      if (visible.test(field)) {
        changes.add(new Change(field, c.get("old"), c.get("new")));
      }
    }
    return new HistoryEntry(row.action(), row.at().atZoneSameInstant(zone).toOffsetDateTime(),
        row.userId(), row.userId() == null ? null : names.get(row.userId()), changes);
  }
}
