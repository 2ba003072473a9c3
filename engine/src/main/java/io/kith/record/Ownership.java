package io.kith.record;

import io.kith.access.Access;
import io.kith.audit.HistoryWriter;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Record owners and shares: changing the owner of one or many records, and the users a record is
 * shared with (who then reach it under the "own plus shared" scope). Each change is recorded in
 * the record's history in the same transaction.
 */
final class Ownership {

  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final HistoryWriter history;

  Ownership(DatabaseClient db, TransactionalOperator tx, HistoryWriter history) {
    this.db = db;
    this.tx = tx;
    this.history = history;
  }

  /** Gives {@code ids} (already narrowed to the caller's scope) to {@code owner}; emits how many changed. */
  Mono<Long> changeOwner(EntityTable t, List<Long> ids, long owner, Access access) {
    return requireUsers("owner", List.of(owner)).then(tx.transactional(
        db.sql("select \"id\", \"owner\" from " + t.table + " where \"id\" = any($1) order by \"id\" for update")
            .bind(0, ids.toArray(Long[]::new))
            .map(row -> new Long[] {row.get(0, Long.class), row.get(1, Long.class)}).all()
            .collect(LinkedHashMap<Long, Long>::new, (map, row) -> map.put(row[0], row[1]))
            .flatMap(before -> {
              DatabaseClient.GenericExecuteSpec update = db.sql("update " + t.table + " set \"owner\" = $1,"
                      + " \"version\" = \"version\" + 1, \"updated_at\" = now(), \"updated_by\" = $2"
                      + " where \"id\" = any($3) and \"owner\" is distinct from $1")
                  .bind(0, owner).bind(2, ids.toArray(Long[]::new));
              update = access.userId() == null ? update.bindNull(1, Long.class) : update.bind(1, access.userId());
              return update.fetch().rowsUpdated()
                  .flatMap(n -> history.ownerChanged(t.entity.name(), before, owner).thenReturn(n));
            })));
  }

  /** The users record {@code id} is shared with. */
  Mono<List<Long>> shares(EntityTable t, long id) {
    return db.sql("select user_id from kith.record_share where entity = $1 and record_id = $2 order by user_id")
        .bind(0, t.entity.name()).bind(1, id).map(row -> row.get(0, Long.class)).all().collectList();
  }

  /** Shares record {@code id} with exactly {@code users}; emits them. */
  Mono<List<Long>> share(EntityTable t, long id, List<Long> users, Access access) {
    List<Long> wanted = users.stream().distinct().sorted().toList();
    return requireUsers("users", wanted).then(tx.transactional(shares(t, id).flatMap(before -> {
      DatabaseClient.GenericExecuteSpec insert = db.sql("insert into kith.record_share (entity, record_id, user_id, shared_by)"
              + " select $1, $2, u, $4 from unnest($3::bigint[]) u on conflict do nothing")
          .bind(0, t.entity.name()).bind(1, id).bind(2, wanted.toArray(Long[]::new));
      insert = access.userId() == null ? insert.bindNull(3, Long.class) : insert.bind(3, access.userId());
      return db.sql("delete from kith.record_share where entity = $1 and record_id = $2 and user_id <> all($3::bigint[])")
          .bind(0, t.entity.name()).bind(1, id).bind(2, wanted.toArray(Long[]::new)).then()
          .then(insert.then())
          .then(history.shared(t.entity.name(), id, before, wanted));
    }))).thenReturn(wanted);
  }

  /** Refuses ids that are not active users, naming {@code field}. */
  private Mono<Void> requireUsers(String field, List<Long> ids) {
    if (ids.isEmpty()) {
      return Mono.empty();
    }
    return db.sql("select u from unnest($1::bigint[]) u where not exists"
            + " (select 1 from kith.app_user a where a.id = u and a.active)")
        .bind(0, ids.toArray(Long[]::new)).map(row -> row.get(0, Long.class)).all().collectList()
        .flatMap(unknown -> unknown.isEmpty() ? Mono.<Void>empty() : Mono.error(new RecordValidationException(
            unknown.stream().map(u -> FieldError.of(field, "unknown_user", u)).toList())));
  }
}
