package io.kith.web.page;

import io.kith.i18n.KithLocale;
import io.kith.record.RecordException;
import io.kith.security.Callers;
import io.kith.validation.FieldError;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * What the administration pages share: only administrators reach them (anyone else gets the 403
 * page, direct URLs included), the page frame, the notice a redirect asks for, and field errors
 * as sentences naming the field by its label ({@code admin.<form>.<field>}).
 */
final class AdminPages {

  /** Notices a redirect may ask for with {@code ?done=}; any other value shows nothing. */
  private static final Set<String> NOTICES = Set.of("created", "saved", "deactivated", "reactivated",
      "password_reset", "deleted", "option_deactivated", "field_off", "field_on", "reverted", "retired", "type_on");

  private final PageModel pages;

  AdminPages(PageModel pages) {
    this.pages = pages;
  }

  PageModel pages() {
    return pages;
  }

  /** Completes empty for an administrator; a 403 for anyone else. */
  static Mono<Void> administrator(ServerRequest request) {
    return Callers.access(request.exchange()).flatMap(access -> access.administrator() ? Mono.empty()
        : Mono.error(new RecordException(RecordException.Reason.FORBIDDEN, "administrators_only")));
  }

  static KithLocale locale(ServerRequest request) {
    return RequestLocale.of(request.exchange());
  }

  /** Renders {@code admin/<template>} with the page frame, {@code extra} and the notice of {@code ?done=}. */
  Mono<ServerResponse> render(ServerRequest request, String template, HttpStatus status, Map<String, Object> extra) {
    KithLocale locale = locale(request);
    return pages.base(request.exchange(), RequestSnapshot.of(request), locale, null).flatMap(model -> {
      request.queryParam("done").filter(NOTICES::contains)
          .ifPresent(done -> model.put("notice", pages.text(locale, "admin.notice." + done)));
      model.putAll(extra);
      return ServerResponse.status(status)
          .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
          .render("admin/" + template, model);
    });
  }

  /**
   * Field errors by field, each a sentence; those about no field of {@code fields} (e.g. a
   * permission rule, {@code permissions.contact.scope}) are collected under {@code ""}.
   */
  Map<String, String> messages(String form, Set<String> fields, List<FieldError> errors, KithLocale locale) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> other = new ArrayList<>();
    for (FieldError error : errors) {
      boolean known = fields.contains(error.field());
      List<Object> arguments = new ArrayList<>();
      arguments.add(known ? pages.text(locale, "admin." + form + "." + error.field()) : error.field());
      error.arguments().forEach(a -> arguments.add(String.valueOf(a)));
      String message = pages.text(locale, "error." + error.code(), arguments.toArray());
      if (known) {
        out.merge(error.field(), message, (a, b) -> a + " " + b);
      } else {
        other.add(message);
      }
    }
    if (!other.isEmpty()) {
      out.put("", String.join(" ", other));
    }
    return out;
  }

  /** The sentence for a refusal such as "owns records, cannot be deleted". */
  String problem(RecordException e, KithLocale locale) {
    Object[] arguments = e.arguments().clone();
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = String.valueOf(arguments[i]);
    }
    return pages.text(locale, "problem." + e.messageKey(), arguments);
  }
}
