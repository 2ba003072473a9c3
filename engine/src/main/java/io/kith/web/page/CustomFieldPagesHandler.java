package io.kith.web.page;

import static io.kith.web.page.OptionListPagesHandler.redirect;
import static io.kith.web.page.OptionListPagesHandler.status;

import io.kith.fieldtype.Json;
import io.kith.i18n.KithLocale;
import io.kith.metaadmin.ModelAdmin;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataKind;
import io.kith.record.RecordException;
import io.kith.render.AdminViews.Choice;
import io.kith.render.MetaAdminViews.FieldForm;
import io.kith.render.MetaAdminViews.FieldItem;
import io.kith.security.Callers;
import io.kith.web.RequestSnapshot;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /app/admin/fields/{entity}}: an entity type's fields, custom ones marked, with a form to
 * add a field of any type (a drop-down's options set up in place create its option list in the
 * same change), a dry run showing the DDL plan before applying, and switching custom fields off
 * (retire, after the confirmation the service asks for) and on again (restore, data kept).
 */
final class CustomFieldPagesHandler {

  /** Every field type the engine has, as the entity schema names them. */
  static final List<String> TYPES = List.of("text", "long_text", "email", "phone", "url", "integer", "decimal",
      "money", "boolean", "date", "datetime", "option", "multi_option", "reference", "multi_reference", "file",
      "collection", "computed");

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final Pattern OPTION_LINE = Pattern.compile("([a-z][a-z0-9_]{0,62})\\s*=\\s*(.+)");

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final AdminPages admin;
  private final ModelAdmin model;

  CustomFieldPagesHandler(AdminPages admin, ModelAdmin model) {
    this.admin = admin;
    this.model = model;
  }

  Mono<ServerResponse> entities(ServerRequest request) {
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(Mono.fromSupplier(() -> RequestSnapshot.of(request).entities()
        .values().stream().map(e -> new Choice(e.name(), e.pluralLabel(locale), false)).toList()))
        .flatMap(items -> admin.render(request, "field-entities", HttpStatus.OK, Map.of("entities", items)));
  }

  Mono<ServerResponse> fields(ServerRequest request) {
    return AdminPages.administrator(request).then(Mono.defer(() -> page(request, HttpStatus.OK, blank(), null, null)));
  }

  private Mono<ServerResponse> page(ServerRequest request, HttpStatus status, FieldForm form, String error,
      Map<String, Object> confirm) {
    KithLocale locale = AdminPages.locale(request);
    String entity = request.pathVariable("entity");
    EntityDef def = entityDef(request, entity);
    ObjectNode body = model.body(MetadataKind.ENTITY, entity);
    return Mono.zip(model.shippedFields(entity), model.retiredFields(entity)).flatMap(t -> {
      Set<String> shipped = t.getT1();
      List<FieldItem> items = new ArrayList<>();
      for (JsonNode f : body.withArray("fields")) {
        String name = f.path("name").asString("");
        items.add(new FieldItem(name, label(f, locale), f.path("type").asString(""), f.path("required").asBoolean(false),
            !shipped.contains(name), false));
      }
      t.getT2().forEach((name, f) -> items.add(new FieldItem(name, label(f, locale), f.path("type").asString(""),
          f.path("required").asBoolean(false), !shipped.contains(name), true)));
      Map<String, Object> extra = new HashMap<>();
      extra.put("entity", new Choice(entity, def.pluralLabel(locale), false));
      extra.put("fields", items);
      extra.put("form", form);
      extra.put("types", TYPES.stream().map(type -> new Choice(type, admin.pages().text(locale, "meta.type." + type),
          type.equals(form.type()))).toList());
      extra.put("lists", RequestSnapshot.of(request).optionLists().values().stream()
          .map(l -> new Choice(l.name(), l.label(locale), l.name().equals(form.list()))).toList());
      extra.put("targets", RequestSnapshot.of(request).entities().values().stream()
          .map(e -> new Choice(e.name(), e.label(locale), e.name().equals(form.entity()))).toList());
      extra.put("locales", List.of(KithLocale.values()).stream().map(KithLocale::tag).toList());
      if (error != null) {
        extra.put("error", error);
      }
      if (confirm != null) {
        extra.putAll(confirm);
      }
      return admin.render(request, "fields", status, extra);
    });
  }

  /** {@code intent=preview}: the dry run, shown with its DDL; {@code intent=apply}: the change. */
  Mono<ServerResponse> add(ServerRequest request) {
    String entity = request.pathVariable("entity");
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(request.formData()).flatMap(data -> {
      entityDef(request, entity);
      FieldForm form = read(data);
      boolean dryRun = !"apply".equals(data.getFirst("intent"));
      List<String> problems = new ArrayList<>();
      ObjectNode field = field(form, entity, locale, problems);
      ObjectNode newList = form.type().endsWith("option") && form.list().isEmpty()
          ? newList(form, entity, locale, problems) : null;
      if (newList != null) {
        field.put("list", newList.get("name").asString());
      }
      if (!problems.isEmpty()) {
        return page(request, HttpStatus.BAD_REQUEST, with(form, List.of(), problems), null, null);
      }
      return Callers.id(request.exchange())
          .flatMap(user -> model.addField(entity, field, newList, dryRun, user.orElse(null), locale))
          .flatMap(report -> {
            List<String> reported = new ArrayList<>();
            report.path("problems").forEach(p -> reported.add(p.path("field").asString("") + ": " + p.path("message").asString("")));
            if (!dryRun && reported.isEmpty()) {
              return redirect(url(entity) + "?done=created");
            }
            List<String> ddl = new ArrayList<>();
            report.path("ddl").forEach(s -> ddl.add(s.asString()));
            return page(request, reported.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST, with(form, ddl, reported), null, null);
          })
          .onErrorResume(ModelAdmin.Refused.class, e -> page(request, status(e), with(form, List.of(), problems(e)),
              e.getMessage(), null));
    });
  }

  /** Switches a field off; without {@code confirm} the page shows what the service asks to confirm. */
  Mono<ServerResponse> retire(ServerRequest request) {
    String entity = request.pathVariable("entity");
    String field = request.pathVariable("field");
    return AdminPages.administrator(request).then(request.formData()).flatMap(data -> {
      boolean confirm = "true".equals(data.getFirst("confirm"));
      return Callers.id(request.exchange())
          .flatMap(user -> model.retireField(entity, field, confirm, user.orElse(null), AdminPages.locale(request)))
          .then(redirect(url(entity) + "?done=field_off"))
          .onErrorResume(ModelAdmin.Refused.class, e -> e.confirmationNeeded()
              ? page(request, HttpStatus.CONFLICT, blank(), null, Map.of("confirmField", field, "confirmText", e.getMessage()))
              : page(request, status(e), blank(), e.getMessage(), null));
    });
  }

  Mono<ServerResponse> restore(ServerRequest request) {
    String entity = request.pathVariable("entity");
    String field = request.pathVariable("field");
    return AdminPages.administrator(request).then(request.formData())
        .flatMap(data -> Callers.id(request.exchange())
            .flatMap(user -> model.restoreField(entity, field, user.orElse(null), AdminPages.locale(request))))
        .then(redirect(url(entity) + "?done=field_on"))
        .onErrorResume(ModelAdmin.Refused.class, e -> page(request, status(e), blank(), e.getMessage(), null));
  }

  private ObjectNode field(FieldForm form, String entity, KithLocale locale, List<String> problems) {
    ObjectNode field = Json.object();
    if (!NAME.matcher(form.name()).matches()) {
      problems.add(admin.pages().text(locale, "meta.field.name_invalid"));
    }
    field.put("name", form.name());
    if (!TYPES.contains(form.type())) {
      problems.add(admin.pages().text(locale, "meta.field.type_invalid"));
    }
    field.put("type", form.type());
    ObjectNode label = field.putObject("label");
    form.labels().forEach((tag, text) -> {
      if (!text.isEmpty()) {
        label.put(tag, text);
      }
    });
    if (label.isEmpty()) {
      field.remove("label");
    }
    if (form.required()) {
      field.put("required", true);
    }
    switch (form.type()) {
      case "decimal" -> {
        field.put("precision", number(form.precision(), 12));
        field.put("scale", number(form.scale(), 2));
      }
      case "option", "multi_option" -> {
        if (!form.list().isEmpty()) {
          field.put("list", form.list());
        }
      }
      case "reference", "multi_reference" -> field.put("entity", form.entity());
      default -> { }
    }
    if (!form.extra().isBlank()) {
      // More properties in the file shape (a collection's fields, a computed field's formula ...):
      // parsed as JSON here, checked by the loader like any other body; name and type stay the form's.
      try {
        JsonNode extra = JSON.readTree(form.extra());
        if (extra instanceof ObjectNode object) {
          object.remove("name");
          object.remove("type");
          field.setAll(object);
        } else {
          problems.add(admin.pages().text(locale, "meta.field.extra_invalid"));
        }
      } catch (JacksonException e) {
        problems.add(admin.pages().text(locale, "meta.field.extra_invalid"));
      }
    }
    return field;
  }

  /** The drop-down's options set up in place, one {@code code = label} a line: a new list {@code <entity>_<field>}. */
  private ObjectNode newList(FieldForm form, String entity, KithLocale locale, List<String> problems) {
    ObjectNode list = Json.object().put("name", entity + "_" + form.name());
    list.putObject("label").put(KithLocale.EN.tag(), form.labels().getOrDefault(KithLocale.EN.tag(), "").isEmpty()
        ? form.name() : form.labels().get(KithLocale.EN.tag()));
    int order = 1;
    for (String line : form.options().split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      var m = OPTION_LINE.matcher(line.strip());
      if (!m.matches()) {
        problems.add(admin.pages().text(locale, "meta.field.option_line_invalid", line.strip()));
        continue;
      }
      ObjectNode option = list.withArray("options").addObject().put("code", m.group(1));
      ObjectNode label = option.putObject("label").put(KithLocale.EN.tag(), m.group(2).strip());
      label.put(locale.tag(), m.group(2).strip());
      option.put("order", order++);
    }
    if (order == 1) {
      problems.add(admin.pages().text(locale, "meta.field.options_required"));
    }
    return list;
  }

  private static int number(String text, int fallback) {
    try {
      return text.isBlank() ? fallback : Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static List<String> problems(ModelAdmin.Refused e) {
    List<String> out = new ArrayList<>();
    e.problem().path("problems").forEach(p -> out.add(p.path("field").asString("") + ": " + p.path("message").asString("")));
    return out;
  }

  private static FieldForm read(MultiValueMap<String, String> data) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (KithLocale l : KithLocale.values()) {
      labels.put(l.tag(), first(data, "label." + l.tag()).strip());
    }
    return new FieldForm(first(data, "name").strip(), labels, first(data, "type").strip(), first(data, "list").strip(),
        first(data, "entity").strip(), first(data, "options"), first(data, "precision"), first(data, "scale"),
        data.containsKey("required"), first(data, "extra"), List.of(), List.of());
  }

  private static FieldForm with(FieldForm form, List<String> ddl, List<String> problems) {
    return new FieldForm(form.name(), form.labels(), form.type(), form.list(), form.entity(), form.options(),
        form.precision(), form.scale(), form.required(), form.extra(), ddl, problems);
  }

  private static FieldForm blank() {
    return new FieldForm("", Map.of(), "text", "", "", "", "", "", false, "", List.of(), List.of());
  }

  private static EntityDef entityDef(ServerRequest request, String entity) {
    EntityDef def = RequestSnapshot.of(request).entities().get(entity);
    if (def == null) {
      throw new RecordException(RecordException.Reason.NOT_FOUND, "no_entity");
    }
    return def;
  }

  private static String label(JsonNode field, KithLocale locale) {
    String text = field.path("label").path(locale.tag()).asString("");
    return text.isEmpty() ? field.path("label").path(KithLocale.EN.tag()).asString(field.path("name").asString("")) : text;
  }

  static String url(String entity) {
    return "/app/admin/fields/" + URLEncoder.encode(entity, StandardCharsets.UTF_8);
  }

  private static String first(MultiValueMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value;
  }

}
