package io.kith.audit;

import io.kith.db.CopyIn;
import io.kith.fieldtype.Json;
import io.kith.metadata.EntityDef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Records changes of records. Every method returns a {@link Mono} to be composed into the caller's
 * own transaction (through the same {@link DatabaseClient}), so a change and its history are
 * written together or not at all. The user is the {@link Actor} of the subscriber's context.
 * Whatever the number of records, one call is one SQL statement.
 *
 * <p>{@link #ownerChanged} and {@link #shared} are for the ownership and sharing features: call
 * them inside the transaction that changes the owner or the shares.
 */
public final class HistoryWriter {

  /** The pseudo-field an owner change reports; values are user ids. */
  public static final String OWNER_FIELD = "owner";
  /** The pseudo-field a share reports; values are lists of user ids. */
  public static final String SHARED_WITH_FIELD = "shared_with";

  private final HistoryStore store;

  public HistoryWriter(DatabaseClient db) {
    this.store = new HistoryStore(db);
  }

  /** A new record, with every field it has a value for. {@code record} is in its API shape. */
  public Mono<Void> created(EntityDef entity, JsonNode record) {
    return write(entity.name(), Action.CREATE, Map.of(record.get("id").asLong(), FieldDiff.created(entity, record)));
  }

  /**
   * The create entries of many new records of one type (bulk paths such as imports), one each,
   * built now by {@code user} and written by one statement when {@link Prepared#write} is
   * subscribed to: the caller builds them while its connection writes the records.
   */
  public Prepared prepareCreated(EntityDef entity, List<? extends JsonNode> records, Optional<Long> user) {
    List<Long> ids = new ArrayList<>(records.size());
    List<List<Change>> changes = new ArrayList<>(records.size());
    for (JsonNode record : records) {
      ids.add(record.get("id").asLong());
      changes.add(FieldDiff.created(entity, record));
    }
    return new Prepared(ids.isEmpty() ? null : store.encoded(entity.name(), Action.CREATE, user, ids, changes));
  }

  /** Entries built ahead of their transaction's other writes. */
  public final class Prepared {
    private final CopyIn.Encoded entries;

    private Prepared(CopyIn.Encoded entries) {
      this.entries = entries;
    }

    /** Writes the entries, once, in the caller's transaction. */
    public Mono<Void> write() {
      return entries == null ? Mono.empty() : store.send(entries);
    }
  }

  /**
   * Many changed records of one type: {@code before.get(i)} and {@code after.get(i)} are the same
   * record's two states. One statement for all; records whose fields did not change are left out.
   */
  public Mono<Void> updatedAll(EntityDef entity, List<? extends JsonNode> before, List<? extends JsonNode> after) {
    Map<Long, List<Change>> entries = new LinkedHashMap<>();
    for (int i = 0; i < after.size(); i++) {
      List<Change> changes = FieldDiff.updated(entity, before.get(i), after.get(i));
      if (!changes.isEmpty()) {
        entries.put(after.get(i).get("id").asLong(), changes);
      }
    }
    return write(entity.name(), Action.UPDATE, entries);
  }

  /** The fields that differ between {@code before} and {@code after}; nothing is written when none do. */
  public Mono<Void> updated(EntityDef entity, JsonNode before, JsonNode after) {
    List<Change> changes = FieldDiff.updated(entity, before, after);
    return changes.isEmpty() ? Mono.empty()
        : write(entity.name(), Action.UPDATE, Map.of(after.get("id").asLong(), changes));
  }

  /** Records deactivated or reactivated (one entry each, one statement for all). */
  public Mono<Void> activeChanged(String entity, Collection<Long> ids, boolean active) {
    Map<Long, List<Change>> entries = new LinkedHashMap<>();
    ids.forEach(id -> entries.put(id, List.of()));
    return write(entity, active ? Action.REACTIVATE : Action.DEACTIVATE, entries);
  }

  /** A deleted record. Its earlier entries stay. */
  public Mono<Void> deleted(String entity, long id) {
    return write(entity, Action.DELETE, Map.of(id, List.of()));
  }

  /**
   * Records given a new owner: {@code previousOwners} maps each record id to its owner before the
   * change (a null value: it had none); {@code newOwner} is the owner now (null: none). Records whose
   * owner did not change are left out.
   */
  public Mono<Void> ownerChanged(String entity, Map<Long, Long> previousOwners, Long newOwner) {
    Map<Long, List<Change>> entries = new LinkedHashMap<>();
    previousOwners.forEach((id, old) -> {
      if (!Objects.equals(old, newOwner)) {
        entries.put(id, List.of(new Change(OWNER_FIELD, userId(old), userId(newOwner))));
      }
    });
    return write(entity, Action.OWNER_CHANGE, entries);
  }

  /**
   * A record's shares changed: the user ids it was shared with {@code before} and {@code after}.
   * Nothing is written when the two hold the same users.
   */
  public Mono<Void> shared(String entity, long id, Collection<Long> before, Collection<Long> after) {
    List<Long> old = before.stream().distinct().sorted().toList();
    List<Long> now = after.stream().distinct().sorted().toList();
    if (old.equals(now)) {
      return Mono.empty();
    }
    return write(entity, Action.SHARE, Map.of(id, List.of(new Change(SHARED_WITH_FIELD, ids(old), ids(now)))));
  }

  /** Any entries of one action for records of one entity type: record id to its changes. */
  public Mono<Void> write(String entity, Action action, Map<Long, List<Change>> changesById) {
    if (changesById.isEmpty()) {
      return Mono.empty();
    }
    List<Long> ids = new ArrayList<>(changesById.keySet());
    List<List<Change>> changes = ids.stream().map(changesById::get).toList();
    return Actor.current().flatMap(user -> store.insert(entity, action, user, ids, changes));
  }

  private static JsonNode userId(Long id) {
    return id == null ? Json.NODES.nullNode() : Json.NODES.numberNode(id);
  }

  private static JsonNode ids(List<Long> ids) {
    ArrayNode out = Json.array();
    ids.forEach(out::add);
    return out;
  }
}
