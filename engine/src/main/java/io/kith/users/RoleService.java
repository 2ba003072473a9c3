package io.kith.users;

import io.kith.access.RoleGrants;
import io.kith.metadata.MetadataRegistry;
import io.kith.metadata.MetadataSnapshot;
import io.kith.record.RecordException;
import io.kith.record.RecordException.Reason;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Lists, creates, changes and deletes roles; a role some user holds cannot be deleted. */
public final class RoleService {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
  private static final String COLUMNS = "id, name, label, administrator, permissions::text as permissions";

  private final MetadataRegistry registry;
  private final DatabaseClient db;
  private final JsonMapper json = JsonMapper.builder().build();

  private final SignInChanges signIns;

  /** @param signIns what changes wait for, so the role holders' next requests see them */
  public RoleService(MetadataRegistry registry, DatabaseClient db, SignInChanges signIns) {
    this.registry = registry;
    this.db = db;
    this.signIns = signIns;
  }

  public Flux<Role> list() {
    return db.sql("select " + COLUMNS + " from kith.role order by name").map(this::row).all();
  }

  public Mono<Role> get(long id) {
    return db.sql("select " + COLUMNS + " from kith.role where id = $1").bind(0, id).map(this::row).one()
        .switchIfEmpty(Mono.error(() -> new RecordException(Reason.NOT_FOUND, "role_not_found", id)));
  }

  public Mono<Role> create(Role draft) {
    return registry.pinned().flatMap(snapshot -> {
      check(draft, snapshot);
      return db.sql("insert into kith.role (name, label, administrator, permissions) values ($1, $2, $3, $4::jsonb)"
              + " returning " + COLUMNS)
          .bind(0, draft.name()).bind(1, draft.label()).bind(2, draft.administrator())
          .bind(3, json.writeValueAsString(permissions(draft)))
          .map(this::row).one()
          .onErrorMap(DataIntegrityViolationException.class, RoleService::duplicateName);
    });
  }

  public Mono<Role> update(long id, Role draft) {
    return get(id).then(registry.pinned()).flatMap(snapshot -> {
      check(draft, snapshot);
      return signIns.settle(db.sql("update kith.role set name = $1, label = $2, administrator = $3,"
              + " permissions = $4::jsonb, updated_at = now() where id = $5 returning " + COLUMNS)
          .bind(0, draft.name()).bind(1, draft.label()).bind(2, draft.administrator())
          .bind(3, json.writeValueAsString(permissions(draft))).bind(4, id)
          .map(this::row).one())
          .onErrorMap(DataIntegrityViolationException.class, RoleService::duplicateName);
    });
  }

  public Mono<Void> delete(long id) {
    return get(id).flatMap(role -> db.sql("select exists (select 1 from kith.user_role where role_id = $1)")
        .bind(0, id).map(r -> Boolean.TRUE.equals(r.get(0, Boolean.class))).one()
        .flatMap(held -> held ? Mono.error(new RecordException(Reason.REFERENCED, "role_in_use", role.name()))
            : signIns.settle(db.sql("delete from kith.role where id = $1").bind(0, id).fetch().rowsUpdated()).then()));
  }

  private static void check(Role draft, MetadataSnapshot snapshot) {
    List<FieldError> errors = new ArrayList<>();
    if (draft.name() == null || draft.name().isEmpty()) {
      errors.add(FieldError.of("name", "required"));
    } else if (!NAME.matcher(draft.name()).matches()) {
      errors.add(FieldError.of("name", "invalid_name"));
    }
    if (draft.label() == null || draft.label().isBlank()) {
      errors.add(FieldError.of("label", "required"));
    } else if (draft.label().length() > 100) {
      errors.add(FieldError.of("label", "too_long", 100));
    }
    RoleGrants.check(draft.permissions(), snapshot, "permissions", errors);
    if (!errors.isEmpty()) {
      throw new RecordValidationException(errors);
    }
  }

  private static JsonNode permissions(Role draft) {
    return draft.permissions() == null || draft.permissions().isNull()
        ? JsonMapper.builder().build().createObjectNode() : draft.permissions();
  }

  private Role row(Readable row) {
    return new Role(row.get("id", Long.class), row.get("name", String.class), row.get("label", String.class),
        Boolean.TRUE.equals(row.get("administrator", Boolean.class)), json.readTree(row.get("permissions", String.class)));
  }

  private static Throwable duplicateName(DataIntegrityViolationException e) {
    return new RecordValidationException(List.of(FieldError.of("name", "duplicate_role_name")));
  }
}
