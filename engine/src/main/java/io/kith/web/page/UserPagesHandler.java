package io.kith.web.page;

import io.kith.i18n.KithLocale;
import io.kith.record.RecordException;
import io.kith.render.AdminViews.Choice;
import io.kith.render.AdminViews.UserForm;
import io.kith.security.SignIns;
import io.kith.users.Role;
import io.kith.users.RoleService;
import io.kith.users.User;
import io.kith.users.UserDraft;
import io.kith.users.UserService;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /app/admin/users}: the users list (with a search box), the new-user form, and each user's
 * page: details and roles, deactivate or reactivate, a temporary password, delete. Everything goes
 * through {@link UserService}, as the API does, so the rules (a duplicate login, a user who owns
 * records cannot be deleted) and their messages are the same.
 */
final class UserPagesHandler {

  private static final Set<String> FIELDS = Set.of("login", "name", "email", "phone", "position", "password", "roles");

  private final AdminPages admin;
  private final UserService users;
  private final RoleService roles;
  private final SignIns signIns;

  UserPagesHandler(AdminPages admin, UserService users, RoleService roles, SignIns signIns) {
    this.admin = admin;
    this.users = users;
    this.roles = roles;
    this.signIns = signIns;
  }

  /** The users, those matching {@code ?q=} (login, name, email, phone or position) when given. */
  Mono<ServerResponse> list(ServerRequest request) {
    String q = request.queryParam("q").orElse("").strip();
    String folded = q.toLowerCase(Locale.ROOT);
    return AdminPages.administrator(request).thenMany(users.list())
        .filter(u -> folded.isEmpty() || matches(u, folded))
        .collectList()
        .flatMap(found -> admin.render(request, "users", HttpStatus.OK, Map.of("users", found, "q", q)));
  }

  private static boolean matches(User u, String folded) {
    for (String value : new String[] {u.login(), u.name(), u.email(), u.phone(), u.position()}) {
      if (value != null && value.toLowerCase(Locale.ROOT).contains(folded)) {
        return true;
      }
    }
    return false;
  }

  Mono<ServerResponse> newForm(ServerRequest request) {
    return AdminPages.administrator(request).then(roleChoices(List.of()))
        .flatMap(choices -> form(request, new UserForm(null, "", "", "", "", "", true, choices, Map.of()), HttpStatus.OK));
  }

  /** Creates a user whose password is temporary: they choose their own at the first sign-in. */
  Mono<ServerResponse> create(ServerRequest request) {
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(request.formData()).flatMap(form -> {
      UserDraft draft = draft(form, true, first(form, "password"));
      return users.create(draft, true)
          .flatMap(user -> redirect("/app/admin/users/" + user.id() + "?done=created"))
          .onErrorResume(RecordValidationException.class, e -> refused(request, null, form, true, e.errors(), locale));
    });
  }

  Mono<ServerResponse> editForm(ServerRequest request) {
    return AdminPages.administrator(request).then(users.get(PageIds.id(request)))
        .flatMap(user -> roleChoices(user.roles()).flatMap(choices -> form(request, new UserForm(user.id(), user.login(),
            user.name(), text(user.email()), text(user.phone()), text(user.position()), user.active(), choices,
            Map.of()), HttpStatus.OK)));
  }

  Mono<ServerResponse> update(ServerRequest request) {
    long id = PageIds.id(request);
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(Mono.zip(users.get(id), request.formData())).flatMap(t -> {
      MultiValueMap<String, String> form = t.getT2();
      return users.update(id, draft(form, t.getT1().active(), null))
          .flatMap(user -> redirect("/app/admin/users/" + id + "?done=saved"))
          .onErrorResume(RecordValidationException.class,
              e -> refused(request, id, form, t.getT1().active(), e.errors(), locale));
    });
  }

  Mono<ServerResponse> deactivate(ServerRequest request) {
    return setActive(request, false);
  }

  Mono<ServerResponse> reactivate(ServerRequest request) {
    return setActive(request, true);
  }

  private Mono<ServerResponse> setActive(ServerRequest request, boolean active) {
    long id = PageIds.id(request);
    return AdminPages.administrator(request).then(users.setActive(id, active))
        .flatMap(user -> redirect("/app/admin/users/" + id + "?done=" + (active ? "reactivated" : "deactivated")));
  }

  /** A temporary password the user must change at their next sign-in; their sessions end. */
  Mono<ServerResponse> resetPassword(ServerRequest request) {
    long id = PageIds.id(request);
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(request.formData()).flatMap(form -> users
        .setPassword(id, first(form, "password"), true)
        .then(signIns.endOtherSessions(id, null))
        .then(redirect("/app/admin/users/" + id + "?done=password_reset"))
        .onErrorResume(RecordValidationException.class, e -> users.get(id).flatMap(user ->
            roleChoices(user.roles()).flatMap(choices -> form(request, new UserForm(id, user.login(), user.name(),
                text(user.email()), text(user.phone()), text(user.position()), user.active(), choices,
                admin.messages("user", FIELDS, e.errors(), locale)), HttpStatus.BAD_REQUEST)))));
  }

  /** Deletes a user who owns nothing and appears in no history; otherwise the page says to deactivate. */
  Mono<ServerResponse> delete(ServerRequest request) {
    long id = PageIds.id(request);
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(users.delete(id))
        .then(redirect("/app/admin/users?done=deleted"))
        .onErrorResume(e -> e instanceof RecordException r && r.reason() == RecordException.Reason.REFERENCED,
            e -> users.get(id).flatMap(user -> roleChoices(user.roles()).flatMap(choices -> form(request,
                new UserForm(id, user.login(), user.name(), text(user.email()), text(user.phone()),
                    text(user.position()), user.active(), choices, Map.of()),
                HttpStatus.CONFLICT, admin.problem((RecordException) e, locale)))));
  }

  private Mono<ServerResponse> refused(ServerRequest request, Long id, MultiValueMap<String, String> form,
      boolean active, List<FieldError> errors, KithLocale locale) {
    List<String> ticked = form.getOrDefault("roles", List.of());
    return roleChoices(ticked).flatMap(choices -> form(request, new UserForm(id, first(form, "login"),
        first(form, "name"), first(form, "email"), first(form, "phone"), first(form, "position"), active, choices,
        admin.messages("user", FIELDS, errors, locale)), HttpStatus.BAD_REQUEST));
  }

  private Mono<ServerResponse> form(ServerRequest request, UserForm user, HttpStatus status) {
    return form(request, user, status, null);
  }

  private Mono<ServerResponse> form(ServerRequest request, UserForm user, HttpStatus status, String error) {
    Map<String, Object> extra = new HashMap<>();
    extra.put("user", user);
    if (error != null) {
      extra.put("error", error);
    }
    return admin.render(request, "user", status, extra);
  }

  private Mono<List<Choice>> roleChoices(List<String> held) {
    return roles.list().map((Role r) -> new Choice(r.name(), r.label(), held.contains(r.name()))).collectList();
  }

  private static UserDraft draft(MultiValueMap<String, String> form, boolean active, String password) {
    return new UserDraft(first(form, "login"), first(form, "name"), first(form, "email"), first(form, "phone"),
        first(form, "position"), active, password, form.getOrDefault("roles", List.of()));
  }

  private static String first(MultiValueMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static Mono<ServerResponse> redirect(String location) {
    return ServerResponse.seeOther(URI.create(location)).build();
  }
}
