package io.kith.web.page;

import io.kith.fieldtype.Json;
import io.kith.i18n.KithLocale;
import io.kith.metadata.EntityDef;
import io.kith.record.RecordService;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import io.kith.web.Problems;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /app/quick-add}: the "new individual" box in every page's header. Makes an
 * individual contact from a first name, a last name and an email (the primary one) through the
 * same checks as any contact, then opens it; refused input comes back in the box, each message
 * beside its field. The one piece of the UI that knows the contact pack's field names: the box
 * only appears when the metadata has them ({@link #available}).
 */
final class QuickAddPageHandler {

  static final String ENTITY = "contact";
  static final String SUBTYPE = "individual";
  static final List<String> FIELDS = List.of("first_name", "last_name", "email");
  /** The box's inputs are {@code quick_first_name}…, apart from any record form on the same page. */
  static final String INPUT_PREFIX = "quick_";

  private final RecordService records;
  private final Problems problems;
  private final PageModel pages;

  QuickAddPageHandler(RecordService records, Problems problems, PageModel pages) {
    this.records = records;
    this.problems = problems;
    this.pages = pages;
  }

  /** Whether the metadata has individual contacts with names and emails. */
  static boolean available(io.kith.metadata.MetadataSnapshot snapshot) {
    return snapshot.entity(ENTITY).filter(e -> e.subtype(SUBTYPE).isPresent()
        && e.field("first_name").isPresent() && e.field("last_name").isPresent() && e.field("emails").isPresent())
        .isPresent();
  }

  Mono<ServerResponse> create(ServerRequest request) {
    KithLocale locale = RequestLocale.of(request.exchange());
    if (!available(RequestSnapshot.of(request))) {
      return ServerResponse.notFound().build();
    }
    EntityDef entity = RecordService.entity(RequestSnapshot.of(request), ENTITY);
    return request.formData().flatMap(form -> {
      Map<String, String> values = values(form);
      if (values.values().stream().allMatch(String::isEmpty)) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("first_name", pages.text(locale, "quickadd.name_or_email"));
        return rejected(request, values, errors, locale);
      }
      return records.create(ENTITY, body(values))
          .flatMap(record -> ServerResponse.seeOther(
              URI.create("/app/" + ENTITY + "/" + record.get("id").asLong())).build())
          .onErrorResume(RecordValidationException.class,
              e -> rejected(request, values, errors(entity, e.errors(), locale), locale));
    });
  }

  private static Map<String, String> values(MultiValueMap<String, String> form) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : FIELDS) {
      String value = form.getFirst(INPUT_PREFIX + name);
      values.put(name, value == null ? "" : value.strip());
    }
    return values;
  }

  private static ObjectNode body(Map<String, String> values) {
    ObjectNode body = Json.object().put("subtype", SUBTYPE);
    if (!values.get("first_name").isEmpty()) {
      body.put("first_name", values.get("first_name"));
    }
    if (!values.get("last_name").isEmpty()) {
      body.put("last_name", values.get("last_name"));
    }
    if (!values.get("email").isEmpty()) {
      body.putArray("emails").addObject().put("email", values.get("email")).put("is_primary", true);
    }
    return body;
  }

  /** Each refusal beside its input: the email row's errors beside the email box, the rest on top. */
  private Map<String, String> errors(EntityDef entity, List<FieldError> refusals, KithLocale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<String> others = new ArrayList<>();
    for (FieldError error : refusals) {
      String message = problems.message(entity, error, locale);
      String input = error.field().startsWith("emails") ? "email" : error.field();
      if (FIELDS.contains(input)) {
        errors.merge(input, message, (a, b) -> a + " " + b);
      } else {
        others.add(message);
      }
    }
    if (!others.isEmpty()) {
      errors.put("_form", String.join(" ", others));
    }
    return errors;
  }

  private Mono<ServerResponse> rejected(ServerRequest request, Map<String, String> values, Map<String, String> errors,
      KithLocale locale) {
    return pages.base(request.exchange(), RequestSnapshot.of(request), locale, ENTITY).flatMap(model -> {
      model.put("quickAddValues", values);
      model.put("quickAddErrors", errors);
      return ServerResponse.status(HttpStatus.BAD_REQUEST)
          .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
          .render("quick-add", model);
    });
  }
}
