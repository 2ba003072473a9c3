package io.kith.web.api;

import io.kith.fieldtype.Json;
import io.kith.record.RecordException;
import io.kith.record.RecordException.Reason;
import io.kith.security.Callers;
import io.kith.security.SignIns;
import io.kith.users.Role;
import io.kith.users.RoleService;
import io.kith.users.User;
import io.kith.users.UserDraft;
import io.kith.users.UserService;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/users} and {@code /api/v1/roles}, for administrators only: users (login, name,
 * email, phone, position, active, roles) and roles with their permission documents.
 */
final class UserApiHandler {

  private static final Set<String> USER_FIELDS =
      Set.of("login", "name", "email", "phone", "position", "active", "password", "roles");
  private static final Set<String> ROLE_FIELDS = Set.of("name", "label", "administrator", "permissions");

  private final UserService users;
  private final RoleService roles;
  private final SignIns signIns;

  UserApiHandler(UserService users, RoleService roles, SignIns signIns) {
    this.users = users;
    this.roles = roles;
    this.signIns = signIns;
  }

  Mono<ServerResponse> list(ServerRequest request) {
    return administrator(request).thenMany(users.list()).map(UserApiHandler::json).collectList()
        .flatMap(AccountApiHandler::items);
  }

  Mono<ServerResponse> get(ServerRequest request) {
    return administrator(request).then(users.get(RecordApiHandler.id(request)))
        .flatMap(user -> AccountApiHandler.ok(json(user)));
  }

  /** A new user; {@code password} is required and, unless {@code mustChangePassword} is false, temporary. */
  Mono<ServerResponse> create(ServerRequest request) {
    return administrator(request).then(AccountApiHandler.body(request)).flatMap(body -> {
      JsonFields f = new JsonFields(body, USER_FIELDS);
      UserDraft draft = new UserDraft(f.text("login", null), f.text("name", null), f.text("email", null),
          f.text("phone", null), f.text("position", null), f.bool("active", true), f.text("password", null),
          f.texts("roles", List.of()));
      f.check();
      return users.create(draft, false);
    }).flatMap(user -> changed(ServerResponse.created(URI.create("/api/v1/users/" + user.id())), json(user)));
  }

  /** Changes the fields sent; the rest keep their values ({@code null} clears email, phone, position). */
  Mono<ServerResponse> update(ServerRequest request) {
    long id = RecordApiHandler.id(request);
    return administrator(request).then(Mono.zip(users.get(id), AccountApiHandler.body(request))).flatMap(t -> {
      User u = t.getT1();
      JsonFields f = new JsonFields(t.getT2(), USER_FIELDS);
      if (f.has("password")) {
        throw new RecordException(Reason.BAD_QUERY, "password_separately", "password");
      }
      UserDraft draft = new UserDraft(f.text("login", u.login()), f.text("name", u.name()), f.text("email", u.email()),
          f.text("phone", u.phone()), f.text("position", u.position()), f.bool("active", u.active()), null,
          f.texts("roles", u.roles()));
      f.check();
      return users.update(id, draft);
    }).flatMap(user -> changed(ServerResponse.ok(), json(user)));
  }

  /** {@code {"password"}}: an administrator sets a temporary password the user must change. */
  Mono<ServerResponse> setPassword(ServerRequest request) {
    long id = RecordApiHandler.id(request);
    return administrator(request).then(AccountApiHandler.body(request)).flatMap(body -> {
      JsonFields f = new JsonFields(body, Set.of("password"));
      String password = f.text("password", null);
      f.check();
      return users.setPassword(id, password, true).then(signIns.endOtherSessions(id, null));
    }).then(ServerResponse.noContent().build());
  }

  Mono<ServerResponse> deactivate(ServerRequest request) {
    return setActive(request, false);
  }

  Mono<ServerResponse> reactivate(ServerRequest request) {
    return setActive(request, true);
  }

  private Mono<ServerResponse> setActive(ServerRequest request, boolean active) {
    return administrator(request).then(users.setActive(RecordApiHandler.id(request), active))
        .flatMap(user -> changed(ServerResponse.ok(), json(user)));
  }

  Mono<ServerResponse> delete(ServerRequest request) {
    return administrator(request).then(users.delete(RecordApiHandler.id(request)))
        .then(ServerResponse.noContent().build());
  }

  Mono<ServerResponse> roles(ServerRequest request) {
    return administrator(request).thenMany(roles.list()).map(UserApiHandler::json).collectList()
        .flatMap(AccountApiHandler::items);
  }

  Mono<ServerResponse> role(ServerRequest request) {
    return administrator(request).then(roles.get(RecordApiHandler.id(request)))
        .flatMap(role -> AccountApiHandler.ok(json(role)));
  }

  Mono<ServerResponse> createRole(ServerRequest request) {
    return administrator(request).then(AccountApiHandler.body(request))
        .flatMap(body -> roles.create(role(body, null)))
        .flatMap(role -> changed(ServerResponse.created(URI.create("/api/v1/roles/" + role.id())), json(role)));
  }

  Mono<ServerResponse> updateRole(ServerRequest request) {
    long id = RecordApiHandler.id(request);
    return administrator(request).then(Mono.zip(roles.get(id), AccountApiHandler.body(request)))
        .flatMap(t -> roles.update(id, role(t.getT2(), t.getT1())))
        .flatMap(role -> changed(ServerResponse.ok(), json(role)));
  }

  Mono<ServerResponse> deleteRole(ServerRequest request) {
    return administrator(request).then(roles.delete(RecordApiHandler.id(request)))
        .then(ServerResponse.noContent().build());
  }

  private static Role role(tools.jackson.databind.JsonNode body, Role existing) {
    JsonFields f = new JsonFields(body, ROLE_FIELDS);
    Role draft = new Role(0, f.text("name", existing == null ? null : existing.name()),
        f.text("label", existing == null ? null : existing.label()),
        f.bool("administrator", existing != null && existing.administrator()),
        f.has("permissions") ? f.node("permissions") : existing == null ? null : existing.permissions());
    f.check();
    return draft;
  }

  private static Mono<ServerResponse> changed(ServerResponse.BodyBuilder builder, ObjectNode body) {
    return builder.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
  }

  private static Mono<Void> administrator(ServerRequest request) {
    return Callers.access(request.exchange()).flatMap(access -> access.administrator() ? Mono.empty()
        : Mono.error(new RecordException(Reason.FORBIDDEN, "administrators_only")));
  }

  static ObjectNode json(User user) {
    ObjectNode out = Json.object();
    out.put("id", user.id()).put("login", user.login()).put("name", user.name()).put("email", user.email())
        .put("phone", user.phone()).put("position", user.position()).put("active", user.active())
        .put("mustChangePassword", user.mustChangePassword());
    user.roles().forEach(out.putArray("roles")::add);
    if (user.roles().isEmpty()) {
      out.putArray("roles");
    }
    out.put("createdAt", user.createdAt().toString()).put("updatedAt", user.updatedAt().toString());
    return out;
  }

  static ObjectNode json(Role role) {
    ObjectNode out = Json.object();
    out.put("id", role.id()).put("name", role.name()).put("label", role.label())
        .put("administrator", role.administrator());
    out.set("permissions", role.permissions());
    return out;
  }
}
