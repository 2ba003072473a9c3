package io.kith.web.page;

import io.kith.i18n.KithLocale;
import io.kith.record.RecordException;
import io.kith.security.Callers;
import io.kith.theme.Theme;
import io.kith.theme.ThemeSettings;
import io.kith.theme.ThemeWebFilter;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /app/admin/theme}: an administrator sets the background, header and text colours of
 * every page. Each value must be a {@code #rrggbb} colour; a refused one is named beside its input
 * and nothing is saved.
 */
final class ThemePageHandler {

  private final ThemeSettings settings;
  private final PageModel pages;

  ThemePageHandler(ThemeSettings settings, PageModel pages) {
    this.settings = settings;
    this.pages = pages;
  }

  Mono<ServerResponse> form(ServerRequest request) {
    return administrator(request).then(Mono.defer(() -> {
      Theme theme = ThemeWebFilter.of(request.exchange());
      boolean saved = request.queryParam("saved").isPresent();
      return page(request, theme.asMap(), Map.of(), saved, HttpStatus.OK);
    }));
  }

  Mono<ServerResponse> save(ServerRequest request) {
    KithLocale locale = RequestLocale.of(request.exchange());
    return administrator(request).then(request.formData()).flatMap(form -> {
      Map<String, String> values = new LinkedHashMap<>();
      Map<String, String> errors = new LinkedHashMap<>();
      for (String colour : Theme.COLOURS) {
        String value = form.getFirst(colour);
        value = value == null ? "" : value.strip();
        values.put(colour, value);
        if (!Theme.isColour(value)) {
          errors.put(colour, pages.text(locale, "theme.not_a_colour", pages.text(locale, "theme." + colour)));
        }
      }
      if (!errors.isEmpty()) {
        return page(request, values, errors, false, HttpStatus.BAD_REQUEST);
      }
      Theme theme = new Theme(values.get("background"), values.get("header"), values.get("text"));
      return Callers.id(request.exchange())
          .flatMap(user -> settings.save(theme, user.orElse(null)))
          .then(ServerResponse.seeOther(URI.create("/app/admin/theme?saved=1")).build());
    });
  }

  private Mono<ServerResponse> page(ServerRequest request, Map<String, String> values, Map<String, String> errors,
      boolean saved, HttpStatus status) {
    KithLocale locale = RequestLocale.of(request.exchange());
    return pages.base(request.exchange(), RequestSnapshot.of(request), locale, null).flatMap(model -> {
      model.put("colours", Theme.COLOURS);
      model.put("values", values);
      model.put("errors", errors);
      model.put("saved", saved);
      return ServerResponse.status(status)
          .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
          .render("admin/theme", model);
    });
  }

  private static Mono<Void> administrator(ServerRequest request) {
    return Callers.access(request.exchange()).flatMap(access -> access.administrator() ? Mono.empty()
        : Mono.error(new RecordException(RecordException.Reason.FORBIDDEN, "administrators_only")));
  }
}
