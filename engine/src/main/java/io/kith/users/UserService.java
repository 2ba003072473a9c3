package io.kith.users;

import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataRegistry;
import io.kith.metadata.MetadataSnapshot;
import io.kith.record.RecordException;
import io.kith.record.RecordException.Reason;
import io.kith.schema.SqlNames;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates, changes, deactivates and deletes users, with every problem of a request reported at
 * once. A user who owns records or appears in their history cannot be deleted, only deactivated.
 */
public final class UserService {

  private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final MetadataRegistry registry;
  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final UserStore store;
  private final Passwords passwords;
  private final SignInChanges signIns;

  /** @param signIns what changes wait for, so the users' next requests see them (see {@link SignInChanges}) */
  public UserService(MetadataRegistry registry, DatabaseClient db, TransactionalOperator tx, Passwords passwords,
      SignInChanges signIns) {
    this.registry = registry;
    this.db = db;
    this.tx = tx;
    this.store = new UserStore(db);
    this.passwords = passwords;
    this.signIns = signIns;
  }

  public Flux<User> list() {
    return store.all();
  }

  public Mono<User> get(long id) {
    return store.find(id).switchIfEmpty(Mono.error(() -> notFound(id)));
  }

  public Mono<User> byLogin(String login) {
    return store.findByLogin(normalizeLogin(login));
  }

  /** The names of the users among {@code ids} (unknown ids are left out). */
  public Mono<java.util.Map<Long, String>> names(java.util.Set<Long> ids) {
    if (ids.isEmpty()) {
      return Mono.just(java.util.Map.of());
    }
    return db.sql("select id, name from kith.app_user where id = any($1)").bind(0, ids.toArray(Long[]::new))
        .map(row -> java.util.Map.entry(row.get(0, Long.class), row.get(1, String.class))).all()
        .collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue);
  }

  public Mono<Long> count() {
    return store.count();
  }

  /** Creates a user; {@code mustChangePassword} makes them choose a new password at first sign-in. */
  public Mono<User> create(UserDraft draft, boolean mustChangePassword) {
    return Mono.defer(() -> {
      UserDraft d = normalized(draft);
      List<FieldError> errors = problems(d);
      passwords.problem("password", d.password(), d.login()).ifPresent(errors::add);
      return checkRoles(d, errors)
          .then(Mono.defer(() -> tx.transactional(store.insert(d, passwords.hash(d.password()), mustChangePassword)
              .flatMap(id -> store.setRoles(id, d.roles()).thenReturn(id)))))
          .flatMap(store::find)
          .onErrorMap(DataIntegrityViolationException.class, UserService::duplicateLogin);
    });
  }

  /** Replaces a user's details and roles (the password is changed separately). */
  public Mono<User> update(long id, UserDraft draft) {
    return get(id).flatMap(existing -> {
      UserDraft d = normalized(draft);
      List<FieldError> errors = problems(d);
      return checkRoles(d, errors)
          .then(Mono.defer(() -> signIns.settle(tx.transactional(store.update(id, d).then(store.setRoles(id, d.roles()))))))
          .then(store.find(id))
          .onErrorMap(DataIntegrityViolationException.class, UserService::duplicateLogin);
    });
  }

  public Mono<User> setActive(long id, boolean active) {
    return signIns.settle(store.setActive(id, active)).flatMap(n -> n == 0 ? Mono.error(notFound(id)) : store.find(id));
  }

  /** Sets a new password (checked against the rules); {@code mustChange} asks for another at next sign-in. */
  public Mono<Void> setPassword(long id, String password, boolean mustChange) {
    return get(id).flatMap(user -> {
      passwords.problem("password", password, user.login()).ifPresent(e -> {
        throw new RecordValidationException(List.of(e));
      });
      return signIns.settle(store.setPassword(id, passwords.hash(password), mustChange)).then();
    });
  }

  /** Changes one's own password after checking the current one. */
  public Mono<Void> changeOwnPassword(long id, String current, String next) {
    return get(id).zipWith(store.passwordHash(id)).flatMap(t -> {
      List<FieldError> errors = new ArrayList<>();
      if (current == null || !passwords.matches(current, t.getT2())) {
        errors.add(FieldError.of("current_password", "wrong_password"));
      }
      passwords.problem("new_password", next, t.getT1().login()).ifPresent(errors::add);
      if (next != null && current != null && next.equals(current)) {
        errors.add(FieldError.of("new_password", "password_unchanged"));
      }
      if (!errors.isEmpty()) {
        return Mono.error(new RecordValidationException(errors));
      }
      return signIns.settle(store.setPassword(id, passwords.hash(next), false)).then();
    });
  }

  /** Deletes a user who owns no records and appears in no record's history; otherwise a 409. */
  public Mono<Void> delete(long id) {
    return get(id).flatMap(user -> registry.pinned().flatMap(snapshot -> referencedInRecords(snapshot, id)).flatMap(used -> used
        ? Mono.error(new RecordException(Reason.REFERENCED, "user_in_use", user.login()))
        : signIns.settle(store.delete(id)).then()));
  }

  /** The password hash of an active user, for signing in (null hash: no such active user). */
  Mono<String> activeHash(long id) {
    return store.passwordHash(id);
  }

  private Mono<Boolean> referencedInRecords(MetadataSnapshot snapshot, long id) {
    List<String> checks = new ArrayList<>();
    for (EntityDef entity : snapshot.entities().values()) {
      String table = SqlNames.table(entity.name());
      checks.add("select 1 from " + table + " where owner = $1 or created_by = $1 or updated_by = $1");
    }
    checks.add("select 1 from kith.saved_search where owner = $1");
    checks.add("select 1 from kith.record_history where user_id = $1");
    String sql = "select exists (" + checks.stream().collect(Collectors.joining(" union all ")) + ")";
    return db.sql(sql).bind(0, id).map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class))).one();
  }

  private Mono<Void> checkRoles(UserDraft d, List<FieldError> errors) {
    return store.unknownRoles(d.roles()).flatMap(unknown -> {
      unknown.forEach(name -> errors.add(FieldError.of("roles", "unknown_role", name)));
      return errors.isEmpty() ? Mono.empty() : Mono.error(new RecordValidationException(errors));
    });
  }

  private static List<FieldError> problems(UserDraft d) {
    List<FieldError> errors = new ArrayList<>();
    if (d.login() == null || d.login().isEmpty()) {
      errors.add(FieldError.of("login", "required"));
    } else if (!LOGIN.matcher(d.login()).matches()) {
      errors.add(FieldError.of("login", "invalid_login"));
    }
    if (d.name() == null || d.name().isBlank()) {
      errors.add(FieldError.of("name", "required"));
    } else if (d.name().length() > 200) {
      errors.add(FieldError.of("name", "too_long", 200));
    }
    if (d.email() != null && !EMAIL.matcher(d.email()).matches()) {
      errors.add(FieldError.of("email", "invalid_email"));
    }
    for (String[] field : new String[][] {{"phone", d.phone()}, {"position", d.position()}}) {
      if (field[1] != null && field[1].length() > 100) {
        errors.add(FieldError.of(field[0], "too_long", 100));
      }
    }
    return errors;
  }

  private static UserDraft normalized(UserDraft d) {
    return new UserDraft(d.login() == null ? null : normalizeLogin(d.login()), strip(d.name()), strip(d.email()),
        strip(d.phone()), strip(d.position()), d.active(), d.password(),
        d.roles() == null ? List.of() : d.roles().stream().distinct().toList());
  }

  static String normalizeLogin(String login) {
    return login.strip().toLowerCase(Locale.ROOT);
  }

  private static String strip(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static RecordException notFound(long id) {
    return new RecordException(Reason.NOT_FOUND, "user_not_found", id);
  }

  private static Throwable duplicateLogin(DataIntegrityViolationException e) {
    return new RecordValidationException(List.of(FieldError.of("login", "duplicate_login")));
  }
}
