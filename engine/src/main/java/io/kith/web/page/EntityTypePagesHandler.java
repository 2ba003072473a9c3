package io.kith.web.page;

import static io.kith.web.page.OptionListPagesHandler.redirect;
import static io.kith.web.page.OptionListPagesHandler.status;

import io.kith.fieldtype.Json;
import io.kith.i18n.KithLocale;
import io.kith.metaadmin.ModelAdmin;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataKind;
import io.kith.metadata.SubtypeDef;
import io.kith.record.RecordException;
import io.kith.render.AdminViews.Choice;
import io.kith.render.MetaAdminViews.EntityEditForm;
import io.kith.render.MetaAdminViews.EntityForm;
import io.kith.render.MetaAdminViews.EntityTypeItem;
import io.kith.render.MetaAdminViews.SubtypeRow;
import io.kith.security.Callers;
import io.kith.web.RequestSnapshot;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /app/admin/entities}: the entity types (shipped and admin-made, retired ones too); a new
 * type from the browser (names, labels, optional subtypes, a first field), shown first as the dry
 * run with its DDL as the fields page does; its labels and subtypes edited; retired after the
 * confirmation the change service asks for (its table and data stay). Every change is one
 * {@link ModelAdmin} call, the API's {@code POST}/{@code PUT}/{@code DELETE /meta/entities}.
 */
final class EntityTypePagesHandler {

  /** Types a first field may have without settings of its own; others are added on the fields page. */
  static final List<String> FIRST_FIELD_TYPES = List.of("text", "long_text", "email", "phone", "url", "integer",
      "money", "boolean", "date", "datetime");

  private final AdminPages admin;
  private final ModelAdmin model;

  EntityTypePagesHandler(AdminPages admin, ModelAdmin model) {
    this.admin = admin;
    this.model = model;
  }

  Mono<ServerResponse> list(ServerRequest request) {
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(model.retiredEntities()).flatMap(retired -> {
      List<EntityTypeItem> items = new ArrayList<>();
      for (EntityDef e : RequestSnapshot.of(request).entities().values()) {
        items.add(new EntityTypeItem(e.name(), e.label(locale),
            e.subtypes().stream().map(s -> s.label().resolve(locale, s.name())).toList(), e.fields().size(), false));
      }
      retired.forEach(name -> items.add(new EntityTypeItem(name, name, List.of(), 0, true)));
      return admin.render(request, "entities", HttpStatus.OK, Map.of("entities", items));
    });
  }

  Mono<ServerResponse> newForm(ServerRequest request) {
    return AdminPages.administrator(request).then(Mono.defer(() -> newPage(request, HttpStatus.OK, blank())));
  }

  private Mono<ServerResponse> newPage(ServerRequest request, HttpStatus status, EntityForm form) {
    KithLocale locale = AdminPages.locale(request);
    Map<String, Object> extra = new HashMap<>();
    extra.put("form", form);
    extra.put("locales", LocalizedInputs.tags());
    extra.put("types", FIRST_FIELD_TYPES.stream()
        .map(type -> new Choice(type, admin.pages().text(locale, "meta.type." + type), type.equals(form.fieldType())))
        .toList());
    return admin.render(request, "entity-new", status, extra);
  }

  /** {@code intent=preview}: the dry run with its DDL plan; {@code intent=apply}: the new type. */
  Mono<ServerResponse> create(ServerRequest request) {
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(request.formData()).flatMap(data -> {
      EntityForm form = read(data);
      boolean dryRun = !"apply".equals(data.getFirst("intent"));
      Map<String, String> errors = new LinkedHashMap<>();
      ObjectNode body = body(form, locale, errors);
      if (!errors.isEmpty()) {
        return newPage(request, HttpStatus.BAD_REQUEST, with(form, List.of(), errors));
      }
      return Callers.id(request.exchange())
          .flatMap(user -> model.createItem(MetadataKind.ENTITY, body, dryRun, user.orElse(null), locale))
          .flatMap(report -> {
            Map<String, String> reported = NEW_FORM.place(report.path("problems"));
            if (!dryRun && reported.isEmpty()) {
              return redirect(url(form.name()) + "?done=created");
            }
            List<String> ddl = new ArrayList<>();
            report.path("ddl").forEach(s -> ddl.add(s.asString()));
            return newPage(request, reported.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST, with(form, ddl, reported));
          })
          .onErrorResume(ModelAdmin.Refused.class,
              e -> newPage(request, status(e), with(form, List.of(), NEW_FORM.place(e, "name"))));
    });
  }

  /** Where the service's problems about a new type go: by the body part each input writes. */
  private static final ServiceProblems NEW_FORM = new ServiceProblems().where("/name", "name")
      .where("/label", "label.en").where("/pluralLabel", "plural.en").where("/subtypes", "subtypes")
      .where("/displayName", "field_name").where("/fields", "field_name").where("/fields/0/type", "field_type")
      .where("/fields/0/label", "field_label.en");

  Mono<ServerResponse> edit(ServerRequest request) {
    return AdminPages.administrator(request).then(Mono.defer(() -> editPage(request, HttpStatus.OK,
        editForm(body(request.pathVariable("entity")), "", Map.of()), null)));
  }

  private Mono<ServerResponse> editPage(ServerRequest request, HttpStatus status, EntityEditForm form,
      Map<String, Object> confirm) {
    EntityDef def = entityDef(request);
    Map<String, Object> extra = new HashMap<>();
    extra.put("entity", new Choice(def.name(), def.pluralLabel(AdminPages.locale(request)), false));
    extra.put("form", form);
    extra.put("locales", LocalizedInputs.tags());
    if (confirm != null) {
      extra.putAll(confirm);
    }
    return admin.render(request, "entity", status, extra);
  }

  /** Saves the labels, the subtypes' labels and new subtypes through the entity PUT. */
  Mono<ServerResponse> update(ServerRequest request) {
    String entity = request.pathVariable("entity");
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(request.formData()).flatMap(data -> {
      EntityDef def = entityDef(request);
      Map<String, String> errors = new LinkedHashMap<>();
      List<SubtypeRow> rows = def.subtypes().stream().map(s -> new SubtypeRow(s.name(),
          LocalizedInputs.read(data, "subtype." + s.name() + ".label"),
          LocalizedInputs.read(data, "subtype." + s.name() + ".plural"))).toList();
      EntityEditForm sent = new EntityEditForm(entity, LocalizedInputs.read(data, "label"),
          LocalizedInputs.read(data, "plural"), rows, first(data, "subtypes"), Map.of());
      requireEnglish(sent.labels(), "label.en", "meta.entity.label_required", locale, errors);
      requireEnglish(sent.plurals(), "plural.en", "meta.entity.plural_required", locale, errors);
      for (SubtypeRow row : rows) {
        requireEnglish(row.labels(), "subtype." + row.name() + ".label.en", "meta.entity.subtype_label_required", locale,
            errors);
      }
      ArrayNode added = subtypes(sent.newSubtypes(), "subtypes", locale, errors);
      if (!errors.isEmpty()) {
        return editPage(request, HttpStatus.BAD_REQUEST, with(sent, errors), null);
      }
      return Callers.id(request.exchange()).flatMap(user -> model.editItem(MetadataKind.ENTITY, entity, body -> {
        body.set("label", LocalizedInputs.json(sent.labels()));
        body.set("pluralLabel", LocalizedInputs.json(sent.plurals()));
        ArrayNode subtypes = body.withArray("subtypes");
        for (JsonNode subtype : subtypes) {
          rows.stream().filter(r -> r.name().equals(subtype.path("name").asString(""))).findFirst().ifPresent(r -> {
            ((ObjectNode) subtype).set("label", LocalizedInputs.json(r.labels()));
            ((ObjectNode) subtype).set("pluralLabel", LocalizedInputs.json(r.plurals().get("en").isEmpty()
                ? r.labels() : r.plurals()));
          });
        }
        subtypes.addAll(added);
        if (subtypes.isEmpty()) {
          body.remove("subtypes");
        }
        return body;
      }, user.orElse(null), locale))
          .then(redirect(url(entity) + "?done=saved"))
          .onErrorResume(ModelAdmin.Refused.class, e -> editPage(request, status(e), with(sent, EDIT_FORM.place(e, "")), null));
    });
  }

  private static final ServiceProblems EDIT_FORM = new ServiceProblems().where("/label", "label.en")
      .where("/pluralLabel", "plural.en").where("/subtypes", "subtypes");

  /** Retires the type (it leaves the model; its table and data stay); without {@code confirm} the page asks. */
  Mono<ServerResponse> retire(ServerRequest request) {
    String entity = request.pathVariable("entity");
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(request.formData()).flatMap(data -> {
      EntityEditForm form = editForm(body(entity), "", Map.of());
      boolean confirm = "true".equals(data.getFirst("confirm"));
      return Callers.id(request.exchange())
          .flatMap(user -> model.deleteItem(MetadataKind.ENTITY, entity, confirm, user.orElse(null), locale))
          .then(redirect("/app/admin/entities?done=retired"))
          .onErrorResume(ModelAdmin.Refused.class, e -> e.confirmationNeeded()
              ? editPage(request, HttpStatus.CONFLICT, form, Map.of("confirmText", e.getMessage()))
              : editPage(request, status(e), with(form, Map.of("", refusal(e))), null));
    });
  }

  private static String refusal(ModelAdmin.Refused e) {
    StringBuilder out = new StringBuilder(e.getMessage());
    e.problem().path("problems").forEach(p -> out.append(' ').append(p.path("message").asString("")));
    return out.toString();
  }

  private ObjectNode body(EntityForm form, KithLocale locale, Map<String, String> errors) {
    if (!AdminNames.valid(form.name())) {
      errors.put("name", admin.pages().text(locale, "meta.entity.name_invalid"));
    }
    requireEnglish(form.labels(), "label.en", "meta.entity.label_required", locale, errors);
    if (!AdminNames.valid(form.fieldName())) {
      errors.put("field_name", admin.pages().text(locale, "meta.entity.field_name_invalid"));
    }
    if (!FIRST_FIELD_TYPES.contains(form.fieldType())) {
      errors.put("field_type", admin.pages().text(locale, "meta.field.type_invalid"));
    }
    ObjectNode body = Json.object().put("name", form.name());
    body.set("label", LocalizedInputs.json(form.labels()));
    body.set("pluralLabel", LocalizedInputs.json(form.plurals().get("en").isEmpty() ? form.labels() : form.plurals()));
    body.put("displayName", "{" + form.fieldName() + "}");
    ArrayNode subtypes = subtypes(form.subtypes(), "subtypes", locale, errors);
    if (!subtypes.isEmpty()) {
      body.set("subtypes", subtypes);
    }
    ObjectNode field = body.putArray("fields").addObject().put("name", form.fieldName()).put("type", form.fieldType());
    ObjectNode label = LocalizedInputs.json(form.fieldLabels());
    if (!label.isEmpty()) {
      field.set("label", label);
    }
    if (form.fieldRequired()) {
      field.put("required", true);
    }
    return body;
  }

  /** Subtypes one a line, {@code code = English | 繁體 | 简体} (the Chinese ones optional); the label is also the plural. */
  private ArrayNode subtypes(String text, String input, KithLocale locale, Map<String, String> errors) {
    ArrayNode out = Json.array();
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int eq = line.indexOf('=');
      String code = eq < 0 ? "" : line.substring(0, eq).strip();
      String[] labels = eq < 0 ? new String[0] : line.substring(eq + 1).split("\\|", -1);
      if (!AdminNames.valid(code) || labels.length == 0 || labels[0].isBlank() || labels.length > 3) {
        errors.merge(input, admin.pages().text(locale, "meta.entity.subtype_line_invalid", line.strip()), (a, b) -> a + " " + b);
        continue;
      }
      Map<String, String> texts = new LinkedHashMap<>();
      List<String> tags = LocalizedInputs.tags();
      for (int i = 0; i < tags.size(); i++) {
        texts.put(tags.get(i), i < labels.length ? labels[i].strip() : "");
      }
      ObjectNode subtype = out.addObject().put("name", code);
      subtype.set("label", LocalizedInputs.json(texts));
      subtype.set("pluralLabel", LocalizedInputs.json(texts));
    }
    return out;
  }

  private void requireEnglish(Map<String, String> texts, String input, String key, KithLocale locale,
      Map<String, String> errors) {
    if (texts.get(KithLocale.EN.tag()).isEmpty()) {
      errors.put(input, admin.pages().text(locale, key));
    }
  }

  private static EntityEditForm editForm(ObjectNode body, String newSubtypes, Map<String, String> errors) {
    List<SubtypeRow> rows = new ArrayList<>();
    body.path("subtypes").forEach(s -> rows.add(new SubtypeRow(s.path("name").asString(""),
        LocalizedInputs.of(s.path("label")), LocalizedInputs.of(s.path("pluralLabel")))));
    return new EntityEditForm(body.path("name").asString(""), LocalizedInputs.of(body.path("label")),
        LocalizedInputs.of(body.path("pluralLabel")), rows, newSubtypes, errors);
  }

  private ObjectNode body(String entity) {
    ObjectNode body = model.body(MetadataKind.ENTITY, entity);
    if (body == null) {
      throw new RecordException(RecordException.Reason.NOT_FOUND, "no_entity");
    }
    return body;
  }

  static EntityDef entityDef(ServerRequest request) {
    EntityDef def = RequestSnapshot.of(request).entities().get(request.pathVariable("entity"));
    if (def == null) {
      throw new RecordException(RecordException.Reason.NOT_FOUND, "no_entity");
    }
    return def;
  }

  private static EntityForm read(MultiValueMap<String, String> data) {
    return new EntityForm(first(data, "name").strip(), LocalizedInputs.read(data, "label"),
        LocalizedInputs.read(data, "plural"), first(data, "subtypes"), first(data, "field_name").strip(),
        first(data, "field_type").strip(), LocalizedInputs.read(data, "field_label"), data.containsKey("field_required"),
        List.of(), Map.of());
  }

  private static EntityForm with(EntityForm f, List<String> ddl, Map<String, String> errors) {
    return new EntityForm(f.name(), f.labels(), f.plurals(), f.subtypes(), f.fieldName(), f.fieldType(), f.fieldLabels(),
        f.fieldRequired(), ddl, errors);
  }

  private static EntityEditForm with(EntityEditForm f, Map<String, String> errors) {
    return new EntityEditForm(f.name(), f.labels(), f.plurals(), f.subtypes(), f.newSubtypes(), errors);
  }

  private static EntityForm blank() {
    return new EntityForm("", Map.of(), Map.of(), "", "", "text", Map.of(), false, List.of(), Map.of());
  }

  static String url(String entity) {
    return "/app/admin/entities/" + URLEncoder.encode(entity, StandardCharsets.UTF_8);
  }

  static String first(MultiValueMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value;
  }
}
