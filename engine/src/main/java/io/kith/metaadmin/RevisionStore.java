package io.kith.metaadmin;

import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** {@code kith.metadata_revision}: the admin changes laid over the shipped metadata files. */
final class RevisionStore {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String COLUMNS = "r.id, r.kind, r.name, r.body::text as body, r.diff::text as diff, r.action, "
      + "r.created_at, r.created_by, u.login from kith.metadata_revision r left join kith.app_user u on u.id = r.created_by ";

  private final DatabaseClient db;

  RevisionStore(DatabaseClient db) {
    this.db = db;
  }

  /** Revisions newer than {@code id}, oldest first: the ones to lay over a model that has up to {@code id}. */
  Flux<Revision> after(long id) {
    return db.sql("select " + COLUMNS + "where r.id > $1 order by r.id").bind(0, id).map(RevisionStore::read).all();
  }

  /** Revisions up to and including {@code id}, oldest first. */
  Flux<Revision> upTo(long id) {
    return db.sql("select " + COLUMNS + "where r.id <= $1 order by r.id").bind(0, id).map(RevisionStore::read).all();
  }

  /** The newest first, at most {@code limit}, optionally only those older than {@code before}. */
  Flux<Revision> latest(int limit, long before) {
    return db.sql("select " + COLUMNS + "where r.id < $1 order by r.id desc limit $2")
        .bind(0, before).bind(1, limit).map(RevisionStore::read).all();
  }

  Mono<Revision> get(long id) {
    return db.sql("select " + COLUMNS + "where r.id = $1").bind(0, id).map(RevisionStore::read).one();
  }

  /** The id of the newest revision, 0 when there is none. */
  Mono<Long> lastId() {
    return db.sql("select coalesce(max(id), 0) from kith.metadata_revision").map(row -> row.get(0, Long.class)).one();
  }

  Mono<Long> insert(ModelItem item, JsonNode body, JsonNode diff, String action, Long userId) {
    var spec = db.sql("insert into kith.metadata_revision (kind, name, body, diff, action, created_by) "
            + "values ($1, $2, $3::jsonb, $4::jsonb, $5, $6) returning id")
        .bind(0, item.kindCode()).bind(1, item.name());
    spec = body == null ? spec.bindNull(2, String.class) : spec.bind(2, body.toString());
    spec = diff == null ? spec.bindNull(3, String.class) : spec.bind(3, diff.toString());
    spec = spec.bind(4, action);
    spec = userId == null ? spec.bindNull(5, Long.class) : spec.bind(5, userId);
    return spec.map(row -> row.get(0, Long.class)).one();
  }

  private static Revision read(io.r2dbc.spi.Readable row) {
    String body = row.get("body", String.class);
    String diff = row.get("diff", String.class);
    return new Revision(row.get("id", Long.class),
        new ModelItem(ModelItem.kindOf(row.get("kind", String.class)), row.get("name", String.class)),
        body == null ? null : JSON.readTree(body), diff == null ? null : JSON.readTree(diff),
        row.get("action", String.class), row.get("created_at", OffsetDateTime.class),
        row.get("created_by", Long.class), row.get("login", String.class));
  }
}
