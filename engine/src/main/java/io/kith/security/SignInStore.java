package io.kith.security;

import io.kith.access.RoleGrants;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for sessions and access tokens, and for loading the user (with their roles' permissions)
 * behind one: one statement per look-up.
 */
final class SignInStore {

  private static final String USER = """
      select u.id, u.login, u.name, u.must_change_password,
             coalesce(bool_or(r.administrator), false) as administrator,
             coalesce(json_agg(r.permissions) filter (where r.id is not null), '[]')::text as permissions%s
        from %s
        join kith.app_user u on u.id = x.user_id and u.active
        left join kith.user_role ur on ur.user_id = u.id
        left join kith.role r on r.id = ur.role_id
       where x.token_hash = $1 and %s
       group by u.id%s""";

  private static final String BY_SESSION = USER.formatted(", x.expires_at", "kith.user_session x",
      "x.expires_at > now()", ", x.expires_at");
  private static final String BY_TOKEN = USER.formatted(", x.id as token_id, x.last_used_at",
      "kith.access_token x", "x.revoked_at is null", ", x.id");

  private final DatabaseClient db;
  private final JsonMapper json = JsonMapper.builder().build();

  SignInStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<SignInCache.SignIn> bySession(byte[] hash) {
    return db.sql(BY_SESSION).bind(0, hash)
        .map(row -> new SignInCache.SignIn(user(row, false), row.get("expires_at", OffsetDateTime.class).toInstant(),
            null, null))
        .one();
  }

  Mono<SignInCache.SignIn> byToken(byte[] hash) {
    return db.sql(BY_TOKEN).bind(0, hash)
        .map(row -> {
          OffsetDateTime last = row.get("last_used_at", OffsetDateTime.class);
          return new SignInCache.SignIn(user(row, true), null, row.get("token_id", Long.class),
              last == null ? null : last.toInstant());
        })
        .one();
  }

  /** Marks a token used now. */
  Mono<Void> touch(long tokenId) {
    return db.sql("update kith.access_token set last_used_at = now() where id = $1").bind(0, tokenId).then();
  }

  Mono<Void> createSession(byte[] hash, long userId, Duration lifetime) {
    return db.sql("insert into kith.user_session (token_hash, user_id, expires_at) values ($1, $2, now() + $3::interval)")
        .bind(0, hash).bind(1, userId).bind(2, lifetime.toSeconds() + " seconds").then();
  }

  Mono<Void> deleteSession(byte[] hash) {
    return db.sql("delete from kith.user_session where token_hash = $1 or expires_at < now()").bind(0, hash).then();
  }

  /** Ends every session of a user except, if given, one. */
  Mono<Void> deleteSessions(long userId, byte[] except) {
    DatabaseClient.GenericExecuteSpec spec = db.sql(
        "delete from kith.user_session where user_id = $1 and ($2::bytea is null or token_hash <> $2)").bind(0, userId);
    return (except == null ? spec.bindNull(1, byte[].class) : spec.bind(1, except)).then();
  }

  Mono<AccessToken> createToken(long userId, String name, byte[] hash) {
    return db.sql("insert into kith.access_token (user_id, name, token_hash) values ($1, $2, $3)"
            + " returning id, name, created_at, last_used_at, revoked_at")
        .bind(0, userId).bind(1, name).bind(2, hash).map(SignInStore::token).one();
  }

  Flux<AccessToken> tokens(long userId) {
    return db.sql("select id, name, created_at, last_used_at, revoked_at from kith.access_token"
        + " where user_id = $1 order by created_at desc, id desc").bind(0, userId).map(SignInStore::token).all();
  }

  Mono<Long> revokeToken(long userId, long tokenId) {
    return db.sql("update kith.access_token set revoked_at = coalesce(revoked_at, now()) where id = $1 and user_id = $2")
        .bind(0, tokenId).bind(1, userId).fetch().rowsUpdated();
  }

  private SignedIn user(Readable row, boolean viaToken) {
    long id = row.get("id", Long.class);
    List<JsonNode> documents = new ArrayList<>();
    json.readTree(row.get("permissions", String.class)).forEach(documents::add);
    return new SignedIn(id, row.get("login", String.class), row.get("name", String.class),
        Boolean.TRUE.equals(row.get("must_change_password", Boolean.class)),
        RoleGrants.of(id, Boolean.TRUE.equals(row.get("administrator", Boolean.class)), documents), viaToken);
  }

  private static AccessToken token(Readable row) {
    return new AccessToken(row.get("id", Long.class), row.get("name", String.class),
        row.get("created_at", OffsetDateTime.class), row.get("last_used_at", OffsetDateTime.class),
        row.get("revoked_at", OffsetDateTime.class));
  }
}
