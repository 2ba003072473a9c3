package io.kith.web.page;

import io.kith.i18n.KithLocale;
import io.kith.security.Callers;
import io.kith.security.SignIns;
import io.kith.users.UserService;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /login}, {@code /logout} and {@code /account/password}. A failed sign-in says the same
 * whether or not the login name exists; after too many failures it says to wait.
 */
final class SignInPageHandler {

  private final SignIns signIns;
  private final UserService users;
  private final PageModel pages;

  SignInPageHandler(SignIns signIns, UserService users, PageModel pages) {
    this.signIns = signIns;
    this.users = users;
    this.pages = pages;
  }

  Mono<ServerResponse> form(ServerRequest request) {
    return page(request, "login", HttpStatus.OK, Map.of("next", safeNext(request.queryParam("next").orElse(null)),
        "loginName", ""));
  }

  Mono<ServerResponse> signIn(ServerRequest request) {
    return request.formData().flatMap(form -> {
      String login = first(form, "login");
      String next = safeNext(first(form, "next"));
      String address = request.remoteAddress().map(a -> a.getAddress().getHostAddress()).orElse("unknown");
      return signIns.signIn(login, first(form, "password"), address).flatMap(outcome -> switch (outcome.result()) {
        case SIGNED_IN -> ServerResponse.seeOther(URI.create(outcome.user().mustChangePassword() ? "/account/password" : next))
            .cookie(sessionCookie(request, outcome.secret(), signIns.sessionLifetime().toSeconds()))
            .build();
        case WRONG -> page(request, "login", HttpStatus.UNAUTHORIZED,
            Map.of("next", next, "loginName", login, "error", "login.wrong"));
        case THROTTLED -> page(request, "login", HttpStatus.TOO_MANY_REQUESTS,
            Map.of("next", next, "loginName", login, "error", "login.throttled"));
      });
    });
  }

  Mono<ServerResponse> signOut(ServerRequest request) {
    HttpCookie cookie = request.cookies().getFirst(SignIns.SESSION_COOKIE);
    return signIns.signOut(cookie == null ? null : cookie.getValue())
        .then(ServerResponse.seeOther(URI.create("/login")).cookie(sessionCookie(request, "", 0)).build());
  }

  Mono<ServerResponse> passwordForm(ServerRequest request) {
    return page(request, "account/password", HttpStatus.OK, Map.of("errors", Map.of()));
  }

  Mono<ServerResponse> changePassword(ServerRequest request) {
    KithLocale locale = RequestLocale.of(request.exchange());
    return Mono.zip(request.formData(), Callers.user(request.exchange())).flatMap(t -> {
      MultiValueMap<String, String> form = t.getT1();
      String next = first(form, "new_password");
      Mono<Void> change = !next.equals(first(form, "confirm_password"))
          ? Mono.error(new RecordValidationException(List.of(FieldError.of("confirm_password", "password_mismatch"))))
          : users.changeOwnPassword(t.getT2().userId(), first(form, "current_password"), next);
      HttpCookie session = request.cookies().getFirst(SignIns.SESSION_COOKIE);
      return change
          .then(signIns.endOtherSessions(t.getT2().userId(), session == null ? null : session.getValue()))
          .then(ServerResponse.seeOther(URI.create("/app?password=changed")).build())
          .onErrorResume(RecordValidationException.class, e -> {
            Map<String, String> errors = new HashMap<>();
            for (FieldError error : e.errors()) {
              List<Object> arguments = new java.util.ArrayList<>();
              arguments.add(pages.text(locale, "account." + error.field()));
              arguments.addAll(error.arguments().stream().map(String::valueOf).toList());
              errors.put(error.field(), pages.text(locale, "error." + error.code(), arguments.toArray()));
            }
            return page(request, "account/password", HttpStatus.BAD_REQUEST, Map.of("errors", errors));
          });
    });
  }

  private Mono<ServerResponse> page(ServerRequest request, String template, HttpStatus status, Map<String, Object> extra) {
    KithLocale locale = RequestLocale.of(request.exchange());
    return pages.base(request.exchange(), RequestSnapshot.of(request), locale, null).flatMap(model -> {
      model.putAll(extra);
      return ServerResponse.status(status)
          .contentType(new org.springframework.http.MediaType(org.springframework.http.MediaType.TEXT_HTML,
              java.nio.charset.StandardCharsets.UTF_8))
          .render(template, model);
    });
  }

  private static ResponseCookie sessionCookie(ServerRequest request, String value, long maxAgeSeconds) {
    boolean https = "https".equalsIgnoreCase(request.uri().getScheme()) || request.exchange().getRequest().getSslInfo() != null;
    return ResponseCookie.from(SignIns.SESSION_COOKIE, value).httpOnly(true).sameSite("Lax").secure(https)
        .path("/").maxAge(maxAgeSeconds).build();
  }

  /** Only a path on this site: anything else (another host, {@code //host}) goes to the start page. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
        || next.chars().anyMatch(c -> c < 0x20)) {
      return "/app";
    }
    return next;
  }

  private static String first(MultiValueMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value;
  }
}
