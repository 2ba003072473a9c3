package io.kith.web.page;

import static io.kith.web.page.EntityTypePagesHandler.first;
import static io.kith.web.page.OptionListPagesHandler.redirect;
import static io.kith.web.page.OptionListPagesHandler.status;

import io.kith.fieldtype.Json;
import io.kith.i18n.KithLocale;
import io.kith.metaadmin.ModelAdmin;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataKind;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.RelationshipTypeDef;
import io.kith.record.RecordException;
import io.kith.render.AdminViews.Choice;
import io.kith.render.MetaAdminViews.RelationshipTypeForm;
import io.kith.render.MetaAdminViews.RelationshipTypeItem;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /app/admin/relationship-types}: the relationship types, a form for a new one (name, the
 * two direction labels, the subtypes each side allows), its labels edited, and retiring
 * ({@code active: false}: no longer offered for new relationships, existing ones kept) and
 * reactivating. Every save is one {@link ModelAdmin} change, the API's relationship-type calls.
 */
final class RelationshipTypePagesHandler {

  private static final String BASE = "/app/admin/relationship-types";

  private static final ServiceProblems PROBLEMS = new ServiceProblems().where("/name", "name")
      .where("/labelAToB", "aToB.en").where("/labelBToA", "bToA.en").where("/sideA", "sideA").where("/sideB", "sideB");

  private final AdminPages admin;
  private final ModelAdmin model;

  RelationshipTypePagesHandler(AdminPages admin, ModelAdmin model) {
    this.admin = admin;
    this.model = model;
  }

  Mono<ServerResponse> list(ServerRequest request) {
    return AdminPages.administrator(request).then(Mono.defer(() -> listPage(request, HttpStatus.OK, blank())));
  }

  private Mono<ServerResponse> listPage(ServerRequest request, HttpStatus status, RelationshipTypeForm form) {
    KithLocale locale = AdminPages.locale(request);
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    List<RelationshipTypeItem> items = new ArrayList<>();
    for (RelationshipTypeDef type : snapshot.relationshipTypes().values()) {
      items.add(new RelationshipTypeItem(type.name(), type.labelAToB().resolve(locale, type.name()),
          type.labelBToA().resolve(locale, type.name()), side(snapshot, type.sideA(), locale),
          side(snapshot, type.sideB(), locale), type.active()));
    }
    Map<String, Object> extra = page(snapshot, form, locale);
    extra.put("types", items);
    return admin.render(request, "relationship-types", status, extra);
  }

  Mono<ServerResponse> create(ServerRequest request) {
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(request.formData()).flatMap(data -> {
      MetadataSnapshot snapshot = RequestSnapshot.of(request);
      RelationshipTypeForm form = read(data, first(data, "name").strip(), false);
      Map<String, String> errors = check(form, locale);
      if (!AdminNames.valid(form.name())) {
        errors.put("name", admin.pages().text(locale, "meta.reltype.name_invalid"));
      }
      if (!errors.isEmpty()) {
        return listPage(request, HttpStatus.BAD_REQUEST, with(form, errors));
      }
      String entity = sideEntity(snapshot);
      ObjectNode body = Json.object().put("name", form.name());
      body.set("labelAToB", LocalizedInputs.json(form.aToB()));
      body.set("labelBToA", LocalizedInputs.json(form.bToA()));
      body.set("sideA", side(entity, form.sideA()));
      body.set("sideB", side(entity, form.sideB()));
      body.put("active", true);
      return Callers.id(request.exchange())
          .flatMap(user -> model.createItem(MetadataKind.RELATIONSHIP_TYPE, body, false, user.orElse(null), locale))
          .then(redirect(BASE + "?done=created"))
          .onErrorResume(ModelAdmin.Refused.class, e -> listPage(request, status(e), with(form, PROBLEMS.place(e, "name"))));
    });
  }

  Mono<ServerResponse> edit(ServerRequest request) {
    return AdminPages.administrator(request).then(Mono.defer(() -> {
      ObjectNode body = body(request.pathVariable("name"));
      return editPage(request, HttpStatus.OK, new RelationshipTypeForm(body.path("name").asString(""),
          LocalizedInputs.of(body.path("labelAToB")), LocalizedInputs.of(body.path("labelBToA")),
          subtypes(body.path("sideA")), subtypes(body.path("sideB")), true, Map.of()));
    }));
  }

  private Mono<ServerResponse> editPage(ServerRequest request, HttpStatus status, RelationshipTypeForm form) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    Map<String, Object> extra = page(snapshot, form, AdminPages.locale(request));
    extra.put("active", snapshot.relationshipTypes().get(form.name()).active());
    return admin.render(request, "relationship-type", status, extra);
  }

  /** Saves the two direction labels; the name and the sides stay (relationships are stored against them). */
  Mono<ServerResponse> update(ServerRequest request) {
    String name = request.pathVariable("name");
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(request.formData()).flatMap(data -> {
      ObjectNode current = body(name);
      RelationshipTypeForm form = new RelationshipTypeForm(name, LocalizedInputs.read(data, "aToB"),
          LocalizedInputs.read(data, "bToA"), subtypes(current.path("sideA")), subtypes(current.path("sideB")), true,
          Map.of());
      Map<String, String> errors = check(form, locale);
      if (!errors.isEmpty()) {
        return editPage(request, HttpStatus.BAD_REQUEST, with(form, errors));
      }
      return save(request, name, body -> {
        body.set("labelAToB", LocalizedInputs.json(form.aToB()));
        body.set("labelBToA", LocalizedInputs.json(form.bToA()));
        return body;
      }, "saved").onErrorResume(ModelAdmin.Refused.class, e -> editPage(request, status(e), with(form, PROBLEMS.place(e, ""))));
    });
  }

  /** {@code active: false}: not offered for new relationships; relationships of the type are kept. */
  Mono<ServerResponse> retire(ServerRequest request) {
    return activate(request, false, "retired");
  }

  Mono<ServerResponse> reactivate(ServerRequest request) {
    return activate(request, true, "type_on");
  }

  private Mono<ServerResponse> activate(ServerRequest request, boolean active, String notice) {
    String name = request.pathVariable("name");
    return AdminPages.administrator(request).then(request.formData()).flatMap(data -> {
      body(name);
      return save(request, name, body -> body.put("active", active), notice)
          .onErrorResume(ModelAdmin.Refused.class, e -> listPage(request, status(e), with(blank(), Map.of("", e.getMessage()))));
    });
  }

  private Mono<ServerResponse> save(ServerRequest request, String name, java.util.function.UnaryOperator<ObjectNode> edit,
      String notice) {
    return Callers.id(request.exchange())
        .flatMap(user -> model.editItem(MetadataKind.RELATIONSHIP_TYPE, name, edit, user.orElse(null),
            AdminPages.locale(request)))
        .then(redirect(BASE + "?done=" + notice));
  }

  private Map<String, Object> page(MetadataSnapshot snapshot, RelationshipTypeForm form, KithLocale locale) {
    EntityDef entity = snapshot.entities().get(sideEntity(snapshot));
    Map<String, Object> extra = new HashMap<>();
    extra.put("form", form);
    extra.put("locales", LocalizedInputs.tags());
    extra.put("sideEntity", entity == null ? "" : entity.pluralLabel(locale));
    List<Choice> subtypes = entity == null ? List.of() : entity.subtypes().stream()
        .map(s -> new Choice(s.name(), s.label().resolve(locale, s.name()), false)).toList();
    extra.put("subtypes", subtypes);
    return extra;
  }

  private Map<String, String> check(RelationshipTypeForm form, KithLocale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (form.aToB().get(KithLocale.EN.tag()).isEmpty()) {
      errors.put("aToB.en", admin.pages().text(locale, "meta.reltype.label_required"));
    }
    if (form.bToA().get(KithLocale.EN.tag()).isEmpty()) {
      errors.put("bToA.en", admin.pages().text(locale, "meta.reltype.label_required"));
    }
    return errors;
  }

  /**
   * The entity type relationships link: the one the relationship entity type's side-A reference
   * points to (the shipped model: contact).
   */
  private static String sideEntity(MetadataSnapshot snapshot) {
    for (EntityDef e : snapshot.entities().values()) {
      if (e.relationship() != null && e.field(e.relationship().sideA()).map(f -> f.type()).orElse(null)
          instanceof FieldType.Reference r) {
        return r.entity();
      }
    }
    return "contact";
  }

  private static ObjectNode side(String entity, List<String> subtypes) {
    ObjectNode side = Json.object().put("entity", entity);
    if (!subtypes.isEmpty()) {
      subtypes.forEach(side.putArray("subtypes")::add);
    }
    return side;
  }

  private String side(MetadataSnapshot snapshot, RelationshipTypeDef.Side side, KithLocale locale) {
    EntityDef entity = snapshot.entities().get(side.entity());
    if (entity == null) {
      return side.entity();
    }
    if (side.subtypes().isEmpty()) {
      return entity.pluralLabel(locale);
    }
    return String.join(", ", side.subtypes().stream()
        .map(s -> entity.subtype(s).map(d -> d.label().resolve(locale, s)).orElse(s)).toList());
  }

  private static List<String> subtypes(JsonNode side) {
    List<String> out = new ArrayList<>();
    if (side.has("subtype")) {
      out.add(side.path("subtype").asString(""));
    }
    side.path("subtypes").forEach(s -> out.add(s.asString("")));
    return out;
  }

  private ObjectNode body(String name) {
    ObjectNode body = model.body(MetadataKind.RELATIONSHIP_TYPE, name);
    if (body == null) {
      throw new RecordException(RecordException.Reason.NOT_FOUND, "no_relationship_type");
    }
    return body;
  }

  private static RelationshipTypeForm read(MultiValueMap<String, String> data, String name, boolean editing) {
    return new RelationshipTypeForm(name, LocalizedInputs.read(data, "aToB"), LocalizedInputs.read(data, "bToA"),
        data.getOrDefault("sideA", List.of()), data.getOrDefault("sideB", List.of()), editing, Map.of());
  }

  private static RelationshipTypeForm with(RelationshipTypeForm f, Map<String, String> errors) {
    return new RelationshipTypeForm(f.name(), f.aToB(), f.bToA(), f.sideA(), f.sideB(), f.editing(), errors);
  }

  private static RelationshipTypeForm blank() {
    return new RelationshipTypeForm("", Map.of(), Map.of(), List.of(), List.of(), false, Map.of());
  }

  static String url(String name) {
    return BASE + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
  }
}
