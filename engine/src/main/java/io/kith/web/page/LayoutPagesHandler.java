package io.kith.web.page;

import static io.kith.web.page.EntityTypePagesHandler.first;
import static io.kith.web.page.OptionListPagesHandler.redirect;
import static io.kith.web.page.OptionListPagesHandler.status;

import io.kith.i18n.KithLocale;
import io.kith.metaadmin.ModelAdmin;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataKind;
import io.kith.render.AdminViews.Choice;
import io.kith.render.MetaAdminViews.LayoutField;
import io.kith.render.MetaAdminViews.LayoutSection;
import io.kith.render.ResultColumns;
import io.kith.security.Callers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /app/admin/entities/{entity}/layout}: the list columns and the form's sections and field
 * order of an entity type. Each action (add, remove, move up / down / to a position) is one
 * entity {@code PUT} through {@link ModelAdmin}, worked on the body the change service holds, in
 * the file shape: {@code list.columns} and {@code form.sections[].fields}.
 */
final class LayoutPagesHandler {

  /** A layout action the page refuses before the service sees it: the input it concerns and why. */
  private static final class Refusal extends RuntimeException {
    private final String input;

    Refusal(String input, String message) {
      super(message, null, false, false);
      this.input = input;
    }
  }

  private static final ServiceProblems PROBLEMS = new ServiceProblems().where("/list", "columns")
      .where("/form", "sections");

  private final AdminPages admin;
  private final ModelAdmin model;

  LayoutPagesHandler(AdminPages admin, ModelAdmin model) {
    this.admin = admin;
    this.model = model;
  }

  Mono<ServerResponse> page(ServerRequest request) {
    return AdminPages.administrator(request).then(Mono.defer(() -> page(request, HttpStatus.OK, Map.of())));
  }

  private Mono<ServerResponse> page(ServerRequest request, HttpStatus status, Map<String, String> errors) {
    KithLocale locale = AdminPages.locale(request);
    EntityDef def = EntityTypePagesHandler.entityDef(request);
    ObjectNode body = withDefaults(model.body(MetadataKind.ENTITY, def.name()), def);
    List<LayoutField> columns = fields(def, body.path("list").path("columns"), locale);
    List<LayoutSection> sections = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    int position = 1;
    for (JsonNode section : body.path("form").path("sections")) {
      section.path("fields").forEach(f -> placed.add(f.asString()));
      sections.add(new LayoutSection(section.path("name").asString(""),
          LocalizedInputs.resolve(section.path("label"), locale, section.path("name").asString("")), position++,
          fields(def, section.path("fields"), locale)));
    }
    Set<String> shown = new HashSet<>(columns.stream().map(LayoutField::name).toList());
    Map<String, Object> extra = new HashMap<>();
    extra.put("entity", new Choice(def.name(), def.pluralLabel(locale), false));
    extra.put("columns", columns);
    extra.put("addable", def.fields().stream().filter(f -> columnable(f) && !shown.contains(f.name()))
        .map(f -> new Choice(f.name(), f.label(locale), false)).toList());
    extra.put("sections", sections);
    extra.put("unplaced", def.fields().stream().filter(f -> placeable(f) && !placed.contains(f.name()))
        .map(f -> new Choice(f.name(), f.label(locale), false)).toList());
    extra.put("placeable", def.fields().stream().filter(LayoutPagesHandler::placeable)
        .map(f -> new Choice(f.name(), f.label(locale), false)).toList());
    extra.put("locales", LocalizedInputs.tags());
    extra.put("errors", errors);
    return admin.render(request, "layout", status, extra);
  }

  /** One action ({@code action=column_add|column_remove|column_move|section_add|...}), saved as one entity PUT. */
  Mono<ServerResponse> change(ServerRequest request) {
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(request.formData()).flatMap(data -> {
      EntityDef def = EntityTypePagesHandler.entityDef(request);
      return Callers.id(request.exchange())
          .flatMap(user -> model.editItem(MetadataKind.ENTITY, def.name(),
              body -> edit(withDefaults(body, def), def, data, locale), user.orElse(null), locale))
          .then(redirect(EntityTypePagesHandler.url(def.name()) + "/layout?done=saved"))
          .onErrorResume(Refusal.class, e -> page(request, HttpStatus.BAD_REQUEST, Map.of(e.input, e.getMessage())))
          .onErrorResume(ModelAdmin.Refused.class, e -> page(request, status(e), PROBLEMS.place(e, "")));
    });
  }

  private ObjectNode edit(ObjectNode body, EntityDef def, MultiValueMap<String, String> data, KithLocale locale) {
    ArrayNode columns = (ArrayNode) body.path("list").path("columns");
    String field = first(data, "field");
    String section = first(data, "section");
    switch (first(data, "action")) {
      case "column_add" -> {
        if (def.field(field).filter(LayoutPagesHandler::columnable).isEmpty() || indexOf(columns, field) >= 0) {
          throw new Refusal("columns", text(locale, "meta.layout.column_invalid", field));
        }
        columns.add(field);
      }
      case "column_remove" -> {
        int at = existing(columns, field, "columns", locale);
        if (columns.size() == 1) {
          throw new Refusal("columns", text(locale, "meta.layout.last_column"));
        }
        columns.remove(at);
      }
      case "column_move" -> move(columns, existing(columns, field, "columns", locale), data, "columns", locale);
      case "section_add" -> addSection(body, def, data, locale);
      case "section_remove" -> sections(body).remove(section(body, section, locale));
      case "section_move" -> move(sections(body), section(body, section, locale), data, "sections", locale);
      case "field_place" -> {
        if (def.field(field).filter(LayoutPagesHandler::placeable).isEmpty()) {
          throw new Refusal("sections", text(locale, "meta.layout.field_invalid", field));
        }
        ArrayNode target = (ArrayNode) sections(body).get(section(body, section, locale)).path("fields");
        unplace(body, field);
        target.add(field);
      }
      case "field_remove" -> unplace(body, field);
      case "field_move" -> {
        ArrayNode fields = (ArrayNode) sections(body).get(section(body, section, locale)).path("fields");
        move(fields, existing(fields, field, "sections", locale), data, "sections", locale);
      }
      default -> throw new Refusal("", text(locale, "meta.layout.action_invalid"));
    }
    for (JsonNode s : sections(body)) {
      if (s.path("fields").isEmpty()) {
        throw new Refusal("sections", text(locale, "meta.layout.section_empty", s.path("name").asString("")));
      }
    }
    if (sections(body).isEmpty()) {
      body.remove("form");
    }
    return body;
  }

  private void addSection(ObjectNode body, EntityDef def, MultiValueMap<String, String> data, KithLocale locale) {
    String name = first(data, "section_name").strip();
    Map<String, String> labels = LocalizedInputs.read(data, "section_label");
    String field = first(data, "field");
    if (!AdminNames.valid(name)) {
      throw new Refusal("section_name", text(locale, "meta.layout.section_name_invalid"));
    }
    for (JsonNode s : sections(body)) {
      if (s.path("name").asString("").equals(name)) {
        throw new Refusal("section_name", text(locale, "meta.layout.section_exists", name));
      }
    }
    if (labels.get(KithLocale.EN.tag()).isEmpty()) {
      throw new Refusal("section_label.en", text(locale, "meta.layout.section_label_required"));
    }
    if (def.field(field).filter(LayoutPagesHandler::placeable).isEmpty()) {
      throw new Refusal("section_field", text(locale, "meta.layout.section_field_required"));
    }
    unplace(body, field);
    ObjectNode section = sections(body).addObject().put("name", name);
    section.set("label", LocalizedInputs.json(labels));
    section.putArray("fields").add(field);
  }

  /** Moves item {@code at} (0-based) as {@code move=up|down|to} (with {@code position}, 1-based) says. */
  private void move(ArrayNode items, int at, MultiValueMap<String, String> data, String input, KithLocale locale) {
    int target = switch (first(data, "move")) {
      case "up" -> at - 1;
      case "down" -> at + 1;
      case "to" -> position(first(data, "position")) - 1;
      default -> -1;
    };
    if (target < 0 || target >= items.size()) {
      throw new Refusal(input, text(locale, "meta.option.position_invalid", String.valueOf(items.size())));
    }
    JsonNode moving = items.remove(at);
    items.insert(target, moving);
  }

  private static int position(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The body with the list columns the list page shows when it names none, and an empty form section list. */
  private static ObjectNode withDefaults(ObjectNode body, EntityDef def) {
    if (!body.path("list").has("columns")) {
      ArrayNode columns = body.withObject("list").putArray("columns");
      ResultColumns.defaults(def).forEach(f -> columns.add(f.name()));
    }
    if (!body.path("form").has("sections")) {
      body.withObject("form").putArray("sections");
    }
    return body;
  }

  private static ArrayNode sections(ObjectNode body) {
    return body.withObject("form").withArray("sections");
  }

  private int section(ObjectNode body, String name, KithLocale locale) {
    ArrayNode sections = sections(body);
    for (int i = 0; i < sections.size(); i++) {
      if (sections.get(i).path("name").asString("").equals(name)) {
        return i;
      }
    }
    throw new Refusal("sections", text(locale, "meta.layout.no_section", name));
  }

  private static void unplace(ObjectNode body, String field) {
    for (JsonNode s : sections(body)) {
      ArrayNode fields = (ArrayNode) s.path("fields");
      int at = indexOf(fields, field);
      if (at >= 0) {
        fields.remove(at);
      }
    }
  }

  private int existing(ArrayNode names, String name, String input, KithLocale locale) {
    int at = indexOf(names, name);
    if (at < 0) {
      throw new Refusal(input, text(locale, "meta.layout.field_invalid", name));
    }
    return at;
  }

  private static int indexOf(ArrayNode names, String name) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).asString("").equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static List<LayoutField> fields(EntityDef def, JsonNode names, KithLocale locale) {
    List<LayoutField> out = new ArrayList<>();
    int position = 1;
    for (JsonNode name : names) {
      String field = name.asString("");
      out.add(new LayoutField(field, def.field(field).map(f -> f.label(locale)).orElse(field), position++));
    }
    return out;
  }

  /** Whether a field may be a list column (the loader's rule: not a collection). */
  private static boolean columnable(FieldDef field) {
    return !(field.type() instanceof FieldType.Collection);
  }

  /** Whether a field may stand in a form section (the loader's rule: not computed). */
  private static boolean placeable(FieldDef field) {
    return !field.isComputed();
  }

  private String text(KithLocale locale, String key, Object... arguments) {
    return admin.pages().text(locale, key, arguments);
  }
}
