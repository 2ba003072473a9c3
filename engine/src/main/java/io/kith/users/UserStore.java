package io.kith.users;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code kith.app_user} and {@code kith.user_role}; every value is a bind parameter. */
final class UserStore {

  private static final String SELECT = """
      select u.id, u.login, u.name, u.email, u.phone, u.position, u.active, u.must_change_password,
             u.created_at, u.updated_at,
             array(select r.name from kith.user_role ur join kith.role r on r.id = ur.role_id
                    where ur.user_id = u.id order by r.name) as roles
        from kith.app_user u""";

  private final DatabaseClient db;

  UserStore(DatabaseClient db) {
    this.db = db;
  }

  Flux<User> all() {
    return db.sql(SELECT + " order by u.login").map(UserStore::row).all();
  }

  Mono<User> find(long id) {
    return db.sql(SELECT + " where u.id = $1").bind(0, id).map(UserStore::row).one();
  }

  Mono<User> findByLogin(String login) {
    return db.sql(SELECT + " where u.login = $1").bind(0, login).map(UserStore::row).one();
  }

  Mono<String> passwordHash(long id) {
    return db.sql("select password_hash from kith.app_user where id = $1").bind(0, id)
        .map(row -> row.get(0, String.class)).one();
  }

  Mono<Long> count() {
    return db.sql("select count(*) from kith.app_user").map(row -> row.get(0, Long.class)).one();
  }

  Mono<Long> insert(UserDraft d, String passwordHash, boolean mustChange) {
    return bindText(db.sql("insert into kith.app_user (login, name, email, phone, position, password_hash,"
            + " must_change_password, active) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id"), d)
        .bind(5, passwordHash).bind(6, mustChange).bind(7, d.active() == null || d.active())
        .map(row -> row.get(0, Long.class)).one();
  }

  Mono<Long> update(long id, UserDraft d) {
    return bindText(db.sql("update kith.app_user set login = $1, name = $2, email = $3, phone = $4, position = $5,"
            + " active = $6, updated_at = now() where id = $7"), d)
        .bind(5, d.active() == null || d.active()).bind(6, id)
        .fetch().rowsUpdated();
  }

  Mono<Long> setPassword(long id, String hash, boolean mustChange) {
    return db.sql("update kith.app_user set password_hash = $1, must_change_password = $2, updated_at = now()"
            + " where id = $3").bind(0, hash).bind(1, mustChange).bind(2, id).fetch().rowsUpdated();
  }

  Mono<Long> setActive(long id, boolean active) {
    return db.sql("update kith.app_user set active = $1, updated_at = now() where id = $2")
        .bind(0, active).bind(1, id).fetch().rowsUpdated();
  }

  /** Replaces the user's roles with the named ones; emits how many of the names exist. */
  Mono<Long> setRoles(long id, List<String> roles) {
    return db.sql("delete from kith.user_role where user_id = $1").bind(0, id).fetch().rowsUpdated()
        .then(db.sql("insert into kith.user_role (user_id, role_id) select $1, id from kith.role where name = any($2)")
            .bind(0, id).bind(1, roles.toArray(String[]::new)).fetch().rowsUpdated());
  }

  /** Which of {@code roles} do not exist. */
  Mono<List<String>> unknownRoles(List<String> roles) {
    return db.sql("select n from unnest($1::text[]) n where not exists (select 1 from kith.role r where r.name = n)")
        .bind(0, roles.toArray(String[]::new)).map(row -> row.get(0, String.class)).all().collectList();
  }

  Mono<Long> delete(long id) {
    return db.sql("delete from kith.app_user where id = $1").bind(0, id).fetch().rowsUpdated();
  }

  private static DatabaseClient.GenericExecuteSpec bindText(DatabaseClient.GenericExecuteSpec spec, UserDraft d) {
    String[] values = {d.login(), d.name(), d.email(), d.phone(), d.position()};
    for (int i = 0; i < values.length; i++) {
      spec = values[i] == null ? spec.bindNull(i, String.class) : spec.bind(i, values[i]);
    }
    return spec;
  }

  private static User row(Readable row) {
    String[] roles = row.get("roles", String[].class);
    return new User(row.get("id", Long.class), row.get("login", String.class), row.get("name", String.class),
        row.get("email", String.class), row.get("phone", String.class), row.get("position", String.class),
        Boolean.TRUE.equals(row.get("active", Boolean.class)),
        Boolean.TRUE.equals(row.get("must_change_password", Boolean.class)),
        roles == null ? List.of() : Arrays.asList(roles),
        row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class));
  }
}
