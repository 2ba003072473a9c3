package io.kith.web.page;

import io.kith.i18n.KithLocale;
import io.kith.record.RecordException;
import io.kith.render.AdminViews.RoleForm;
import io.kith.render.AdminViews.RoleItem;
import io.kith.users.Role;
import io.kith.users.RoleService;
import io.kith.users.User;
import io.kith.users.UserService;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import io.kith.web.RequestSnapshot;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /app/admin/roles}: the roles (with how many users hold each; an unused one can be
 * deleted), and each role's page: name, label, administrator, and its permission matrix. Saving
 * goes through {@link RoleService}, the API's way, so the document is checked the same.
 */
final class RolePagesHandler {

  private static final Set<String> FIELDS = Set.of("name", "label");

  private final AdminPages admin;
  private final RoleService roles;
  private final UserService users;
  private final PermissionMatrix matrix;

  RolePagesHandler(AdminPages admin, RoleService roles, UserService users) {
    this.admin = admin;
    this.roles = roles;
    this.users = users;
    this.matrix = new PermissionMatrix(admin.pages());
  }

  Mono<ServerResponse> list(ServerRequest request) {
    return AdminPages.administrator(request).then(items())
        .flatMap(items -> admin.render(request, "roles", HttpStatus.OK, Map.of("roles", items)));
  }

  private Mono<List<RoleItem>> items() {
    return users.list().collectList().flatMap(all -> roles.list()
        .map(role -> new RoleItem(role.id(), role.name(), role.label(), role.administrator(),
            all.stream().filter((User u) -> u.roles().contains(role.name())).count()))
        .collectList());
  }

  Mono<ServerResponse> newForm(ServerRequest request) {
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(Mono.defer(() -> form(request,
        new RoleForm(null, "", "", false, matrix.rows(RequestSnapshot.of(request), (tools.jackson.databind.JsonNode) null, locale),
            Map.of()), HttpStatus.OK)));
  }

  Mono<ServerResponse> create(ServerRequest request) {
    return AdminPages.administrator(request).then(request.formData()).flatMap(form -> roles.create(draft(request, form))
        .flatMap(role -> redirect("/app/admin/roles/" + role.id() + "?done=created"))
        .onErrorResume(RecordValidationException.class, e -> refused(request, null, form, e.errors())));
  }

  Mono<ServerResponse> editForm(ServerRequest request) {
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(roles.get(PageIds.id(request)))
        .flatMap(role -> form(request, new RoleForm(role.id(), role.name(), role.label(), role.administrator(),
            matrix.rows(RequestSnapshot.of(request), role.permissions(), locale), Map.of()), HttpStatus.OK));
  }

  Mono<ServerResponse> update(ServerRequest request) {
    long id = PageIds.id(request);
    return AdminPages.administrator(request).then(request.formData()).flatMap(form -> roles.update(id, draft(request, form))
        .flatMap(role -> redirect("/app/admin/roles/" + id + "?done=saved"))
        .onErrorResume(RecordValidationException.class, e -> refused(request, id, form, e.errors())));
  }

  /** Deletes a role nobody holds; otherwise the list says who must give it up first. */
  Mono<ServerResponse> delete(ServerRequest request) {
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(roles.delete(PageIds.id(request)))
        .then(redirect("/app/admin/roles?done=deleted"))
        .onErrorResume(e -> e instanceof RecordException r && r.reason() == RecordException.Reason.REFERENCED,
            e -> items().flatMap(items -> admin.render(request, "roles", HttpStatus.CONFLICT,
                Map.of("roles", items, "error", admin.problem((RecordException) e, locale)))));
  }

  private Mono<ServerResponse> refused(ServerRequest request, Long id, MultiValueMap<String, String> form,
      List<FieldError> errors) {
    KithLocale locale = AdminPages.locale(request);
    return form(request, new RoleForm(id, first(form, "name"), first(form, "label"), form.containsKey("administrator"),
        matrix.rows(RequestSnapshot.of(request), form, locale), admin.messages("role", FIELDS, errors, locale)), HttpStatus.BAD_REQUEST);
  }

  private Mono<ServerResponse> form(ServerRequest request, RoleForm role, HttpStatus status) {
    Map<String, Object> extra = new HashMap<>();
    extra.put("role", role);
    return admin.render(request, "role", status, extra);
  }

  private Role draft(ServerRequest request, MultiValueMap<String, String> form) {
    return new Role(0, first(form, "name").strip(), first(form, "label").strip(), form.containsKey("administrator"),
        PermissionMatrix.document(RequestSnapshot.of(request), form));
  }

  private static String first(MultiValueMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value;
  }

  private static Mono<ServerResponse> redirect(String location) {
    return ServerResponse.seeOther(URI.create(location)).build();
  }
}
