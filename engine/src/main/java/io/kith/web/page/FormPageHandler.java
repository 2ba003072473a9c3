package io.kith.web.page;

import io.kith.i18n.KithLocale;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.SubtypeDef;
import io.kith.record.DisplayNames;
import io.kith.validation.FieldError;
import io.kith.record.RecordException;
import io.kith.record.RecordService;
import io.kith.validation.RecordValidationException;
import io.kith.render.DisplayValues;
import io.kith.render.FormValues;
import io.kith.render.Link;
import io.kith.render.FormView;
import io.kith.render.FormViews;
import io.kith.web.Problems;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * New and edit forms and their submissions. A rejected submission re-renders the form with what the
 * user typed and each message beside its field; a stale version shows a conflict instead of
 * overwriting. Successful posts redirect (303) to the record.
 */
final class FormPageHandler {

  /** Form parameters that are not fields. */
  static final String VERSION = "_version";
  static final String SUBTYPE = "subtype";

  private final RecordService records;
  private final FormValues formValues;
  private final FormViews formViews;
  private final Problems problems;
  private final PageModel pages;
  private final Views views;
  private final ReferenceLabels referenceLabels;
  private final DisplayValues display;
  private final FormInputs inputs;
  private final io.kith.files.FileStore files;
  private final io.kith.support.SnapshotCache<CachedPage> blankForms = new io.kith.support.SnapshotCache<>();

  FormPageHandler(RecordService records, FormValues formValues, FormViews formViews,
      Problems problems, PageModel pages, Views views, DisplayValues display, FormInputs inputs,
      io.kith.files.FileStore files) {
    this.inputs = inputs;
    this.files = files;
    this.records = records;
    this.formValues = formValues;
    this.formViews = formViews;
    this.problems = problems;
    this.pages = pages;
    this.views = views;
    this.referenceLabels = new ReferenceLabels(records);
    this.display = display;
  }

  Mono<ServerResponse> newForm(ServerRequest request) {
    return records.require(request.pathVariable("entity"), io.kith.access.Action.CREATE)
        .flatMap(access -> newForm(request, access.userId()));
  }

  private Mono<ServerResponse> newForm(ServerRequest request, Long user) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    EntityDef entity = RecordService.entity(snapshot, request.pathVariable("entity"));
    KithLocale locale = RequestLocale.of(request.exchange());
    String subtype = request.queryParam(SUBTYPE).filter(s -> entity.subtype(s).isPresent()).orElse(null);
    if (entity.hasSubtypes() && subtype == null) {
      return chooseSubtype(request, snapshot, entity, locale);
    }
    String rawQuery = request.exchange().getRequest().getURI().getRawQuery();
    boolean cacheable = rawQuery == null || rawQuery.equals(SUBTYPE + "=" + subtype);
    if (!cacheable) {
      return form(request, snapshot, entity, subtype, null, prefilled(entity, subtype, request), Map.of(), null, false,
          locale, HttpStatus.OK);
    }
    return cachedForm(request, snapshot, entity, subtype, locale, user);
  }

  /** The blank form, rendered once per metadata version, language and user (menus and fields differ). */
  private Mono<ServerResponse> cachedForm(ServerRequest request, MetadataSnapshot snapshot, EntityDef entity,
      String subtype, KithLocale locale, Long user) {
    String key = entity.name() + "/" + subtype + "/" + locale.tag() + "/" + user + "/"
        + io.kith.theme.ThemeWebFilter.of(request.exchange());
    CachedPage cached = blankForms.get(snapshot, key, k -> null);
    Mono<CachedPage> page = cached != null ? Mono.just(cached)
        : formModel(request, snapshot, entity, subtype, null, defaults(entity), Map.of(), null, false, locale)
            .map(model -> {
              model.put("csrfToken", CachedPage.TOKEN_PLACEHOLDER);
              CachedPage rendered = new CachedPage(views.renderToString(entity.name(), "form", model));
              return blankForms.get(snapshot, key, k -> rendered);
            });
    return Mono.zip(page, PageModel.csrf(request.exchange()).map(t -> t.getToken()).defaultIfEmpty(""))
        .flatMap(t -> views.html(t.getT1().with(t.getT2())));
  }

  /** The values a new record's form starts with: the metadata defaults. */
  private static Map<String, List<String>> defaults(EntityDef entity) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (FieldDef field : entity.fields()) {
      if (field.defaultValue() != null && !field.defaultValue().isArray()) {
        values.put(field.name(), List.of(field.defaultValue().asString()));
      }
    }
    return values;
  }

  /**
   * The defaults, then the values named in the address ({@code ?target_contacts=12}), the way a
   * record's "add" tab action opens the form: only fields of the form (no collections, nothing
   * computed), and only as a starting point that the save checks like any input.
   */
  private static Map<String, List<String>> prefilled(EntityDef entity, String subtype, ServerRequest request) {
    Map<String, List<String>> values = defaults(entity);
    request.queryParams().forEach((name, given) -> entity.field(name)
        .filter(f -> f.appliesTo(subtype) && !f.readOnly()
            && !(f.type() instanceof io.kith.metadata.FieldType.Collection)
            && !(f.type() instanceof io.kith.metadata.FieldType.Computed))
        .ifPresent(f -> values.put(name, List.copyOf(given))));
    return values;
  }

  Mono<ServerResponse> editForm(ServerRequest request) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    EntityDef entity = RecordService.entity(snapshot, request.pathVariable("entity"));
    long id = PageIds.id(request);
    KithLocale locale = RequestLocale.of(request.exchange());
    return records.require(entity.name(), io.kith.access.Action.EDIT).then(records.get(entity.name(), id)).flatMap(record -> {
      if (!record.get("active").asBoolean()) {
        return redirect("/app/" + entity.name() + "/" + id);
      }
      return form(request, snapshot, entity, record.path(SUBTYPE).asString(null), record,
          formValues.fromJson(entity, record), Map.of(), null, false, locale, HttpStatus.OK);
    });
  }

  Mono<ServerResponse> create(ServerRequest request) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    EntityDef entity = RecordService.entity(snapshot, request.pathVariable("entity"));
    KithLocale locale = RequestLocale.of(request.exchange());
    return Mono.zip(inputs.read(request), records.require(entity.name(), io.kith.access.Action.CREATE)).flatMap(t -> {
      MultiValueMap<String, String> form = t.getT1();
      String subtype = entity.hasSubtypes() ? form.getFirst(SUBTYPE) : null;
      ObjectNode body = formValues.toJson(entity, subtype, form);
      return records.create(entity.name(), body)
          .flatMap(record -> redirect("/app/" + entity.name() + "/" + record.get("id").asLong()))
          .onErrorResume(RecordValidationException.class, e -> rejected(request, snapshot, entity, subtype,
              null, form, e, locale));
    }).onErrorResume(FormInputs.Refused.class, r -> rejected(request, snapshot, entity,
        entity.hasSubtypes() ? r.values.getFirst(SUBTYPE) : null, null, r.values, r.errors, locale));
  }

  Mono<ServerResponse> update(ServerRequest request) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    EntityDef entity = RecordService.entity(snapshot, request.pathVariable("entity"));
    long id = PageIds.id(request);
    KithLocale locale = RequestLocale.of(request.exchange());
    return Mono.zip(inputs.read(request), records.get(entity.name(), id),
        records.require(entity.name(), io.kith.access.Action.EDIT)).flatMap(t -> {
      MultiValueMap<String, String> form = t.getT1();
      ObjectNode current = t.getT2();
      String subtype = current.path(SUBTYPE).asString(null);
      Integer version = parseVersion(form.getFirst(VERSION));
      ObjectNode body = formValues.toJson(entity, subtype, form);
      body.remove(SUBTYPE); // a record's subtype is chosen once, when it is created
      return records.patch(entity.name(), id, body, version)
          .flatMap(record -> redirect("/app/" + entity.name() + "/" + id))
          .onErrorResume(RecordValidationException.class, e -> rejected(request, snapshot, entity, subtype,
              current, form, e, locale))
          .onErrorResume(e -> e instanceof RecordException r && r.reason() == RecordException.Reason.VERSION_CONFLICT,
              e -> {
                String message = pages.text(locale, "form.conflict", version, current.get("version").asInt());
                return form(request, snapshot, entity, subtype, current, form, Map.of(), message, true,
                    locale, HttpStatus.CONFLICT);
              });
    }).onErrorResume(FormInputs.Refused.class, r -> records.get(entity.name(), id).flatMap(current ->
        rejected(request, snapshot, entity, current.path(SUBTYPE).asString(null), current, r.values, r.errors, locale)));
  }

  Mono<ServerResponse> deactivate(ServerRequest request) {
    return setActive(request, false);
  }

  Mono<ServerResponse> reactivate(ServerRequest request) {
    return setActive(request, true);
  }

  private Mono<ServerResponse> setActive(ServerRequest request, boolean active) {
    EntityDef entity = RecordService.entity(RequestSnapshot.of(request), request.pathVariable("entity"));
    long id = PageIds.id(request);
    return records.setActive(entity.name(), id, active).flatMap(r -> redirect("/app/" + entity.name() + "/" + id));
  }

  /** The list's bulk action: deactivate the ticked rows. */
  Mono<ServerResponse> bulkDeactivate(ServerRequest request) {
    EntityDef entity = RecordService.entity(RequestSnapshot.of(request), request.pathVariable("entity"));
    return request.formData().flatMap(form -> {
      List<Long> ids = new ArrayList<>();
      for (String value : form.getOrDefault("ids", List.of())) {
        try {
          ids.add(Long.parseLong(value));
        } catch (NumberFormatException ignored) {
          // a tampered checkbox value selects nothing
        }
      }
      if (ids.isEmpty()) {
        return redirect("/app/" + entity.name());
      }
      return records.setActive(entity.name(), ids, false)
          .flatMap(count -> redirect("/app/" + entity.name() + "?deactivated=" + count));
    });
  }

  private Mono<ServerResponse> rejected(ServerRequest request, MetadataSnapshot snapshot, EntityDef entity,
      String subtype, ObjectNode current, MultiValueMap<String, String> form, RecordValidationException e,
      KithLocale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<String> unplaced = new ArrayList<>();
    for (FieldError error : e.errors()) {
      String message = problems.message(entity, error, locale);
      if (form.containsKey(error.field()) || entity.field(error.field()).isPresent() || error.field().contains("[")) {
        errors.merge(error.field(), message, (a, b) -> a + " " + b);
      } else {
        unplaced.add(message);
      }
    }
    String summary = pages.text(locale, "form.errors") + (unplaced.isEmpty() ? "" : " " + String.join(" ", unplaced));
    return form(request, snapshot, entity, subtype, current, form, errors, summary, false, locale, HttpStatus.BAD_REQUEST);
  }

  private Mono<ServerResponse> form(ServerRequest request, MetadataSnapshot snapshot, EntityDef entity,
      String subtype, ObjectNode current, Map<String, List<String>> values, Map<String, String> errors,
      String message, boolean conflict, KithLocale locale, HttpStatus status) {
    return formModel(request, snapshot, entity, subtype, current, values, errors, message, conflict, locale)
        .flatMap(model -> views.render(entity.name(), "form", model, status));
  }

  private Mono<Map<String, Object>> formModel(ServerRequest request, MetadataSnapshot snapshot, EntityDef entity,
      String subtype, ObjectNode current, Map<String, List<String>> values, Map<String, String> errors,
      String message, boolean conflict, KithLocale locale) {
    return io.kith.access.AccessContext.current().flatMap(access -> {
      // Fields the user may read but not write show the stored value (or the default of a new record).
      List<FieldDef> readOnly = entity.fields().stream()
          .filter(f -> access.readOnly(entity.name(), f.name()) && !access.hidden(entity.name(), f.name())).toList();
      ObjectNode shown = current != null ? current : defaultsJson(entity);
      Map<String, java.util.Set<Long>> ids = new java.util.HashMap<>(formViews.referencedIds(entity, values));
      DisplayValues.referencedIds(readOnly, List.of(shown))
          .forEach((target, more) -> ids.merge(target, more, (a, b) -> {
            java.util.Set<Long> both = new java.util.HashSet<>(a);
            both.addAll(b);
            return both;
          }));
      return Mono.zip(referenceLabels.of(ids), pages.base(request.exchange(), snapshot, locale, entity.name()),
              FormFiles.of(files, entity, current, values))
          .map(t -> {
            Map<String, Object> model = t.getT2();
            model.put("multipart", FormFiles.hasFileFields(entity));
            model.put("files", t.getT3());
            Map<String, Map<Long, String>> labels = t.getT1();
            FormViews.Input input = new FormViews.Input(values, errors, labels);
            String base = "/app/" + entity.name();
            boolean editing = current != null;
            String title = editing ? DisplayNames.render(entity, current)
                : pages.text(locale, "action.new", entity.label(locale));
            String subtypeLabel = subtype == null ? null
                : entity.subtype(subtype).map(s -> s.label().resolve(locale, s.name())).orElse(subtype);
            Integer version = editing ? current.get("version").asInt() : null;
            model.put("view", new FormView(entity.name(), entity.label(locale), title, subtype, subtypeLabel,
                editing ? base + "/" + current.get("id").asLong() : base,
                conflict || !editing ? version : parseVersion(firstOr(values, VERSION, String.valueOf(version))),
                formViews.sections(snapshot, entity, subtype, input, locale, pages.text(locale, "label.other"),
                    name -> !access.hidden(entity.name(), name),
                    field -> readOnly.contains(field)
                        ? display.texts(snapshot, field, shown.get(field.name()), locale, labels) : null),
                message, conflict, editing ? base + "/" + current.get("id").asLong() : base));
            return model;
          });
    });
  }

  /** A new record's metadata defaults as JSON, for read-only fields shown on its form. */
  private static ObjectNode defaultsJson(EntityDef entity) {
    ObjectNode out = io.kith.fieldtype.Json.object();
    for (FieldDef field : entity.fields()) {
      if (field.defaultValue() != null) {
        out.set(field.name(), field.defaultValue());
      }
    }
    return out;
  }

  private Mono<ServerResponse> chooseSubtype(ServerRequest request, MetadataSnapshot snapshot, EntityDef entity, KithLocale locale) {
    return pages.base(request.exchange(), snapshot, locale, entity.name()).flatMap(model -> {
      List<Link> choices = new ArrayList<>();
      // Values in the address (an "add" action's pre-filled reference) go on to the chosen form.
      String others = PageModel.withoutLang(request.exchange().getRequest().getURI().getRawQuery());
      for (SubtypeDef s : entity.subtypes()) {
        choices.add(new Link(pages.text(locale, "action.new", s.label().resolve(locale, s.name())),
            "/app/" + entity.name() + "/new?" + others.replaceAll("(^|&)subtype=[^&]*", "") + "subtype=" + s.name(), false));
      }
      model.put("title", pages.text(locale, "action.new", entity.label(locale)));
      model.put("choices", choices);
      model.put("entity", entity.name());
      return views.render(entity.name(), "choose-subtype", model);
    });
  }

  private static String firstOr(Map<String, List<String>> values, String name, String fallback) {
    List<String> v = values.get(name);
    return v == null || v.isEmpty() ? fallback : v.get(0);
  }

  private static Integer parseVersion(String text) {
    try {
      return text == null ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Mono<ServerResponse> redirect(String location) {
    return ServerResponse.seeOther(URI.create(location)).build();
  }
}
