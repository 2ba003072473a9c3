package io.kith.web.page;

import io.kith.access.Action;
import io.kith.fieldtype.Json;
import io.kith.i18n.KithLocale;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.RelationshipSpec;
import io.kith.metadata.RelationshipTypeDef;
import io.kith.record.DisplayNames;
import io.kith.record.RecordException;
import io.kith.record.RecordService;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /app/{entity}/{id}/relationships/add}: adds several relationships from one record at
 * once. GET shows the relationship types this record may take part in (from its own side: a
 * contact of subtype individual is offered "Customer of", an organization "Supplier to"), and with
 * {@code q=} the records whose name contains it (the autocomplete service); POST creates one
 * relationship per ticked record through {@link RecordService#createAll}, all or none, and shows
 * every problem next to the name of the record it concerns.
 */
final class RelationshipPickerHandler {

  /** Most search results offered at once. */
  static final int MAX_RESULTS = 50;

  /** Fields every new relationship of one submission shares, when the relationship type has them. */
  static final List<String> COMMON_FIELDS = List.of("start_date", "end_date", "description");

  private static final Pattern RECORD_ERROR = Pattern.compile("records\\[(\\d+)]\\.?(.*)");

  private final RecordService records;
  private final PageModel pages;
  private final Views views;

  RelationshipPickerHandler(RecordService records, PageModel pages, Views views) {
    this.records = records;
    this.pages = pages;
    this.views = views;
  }

  /** The relationship entity types whose both sides refer to {@code entity}. */
  static List<EntityDef> kinds(MetadataSnapshot snapshot, EntityDef entity) {
    return snapshot.entities().values().stream().filter(e -> e.relationship() != null
        && refersTo(e, e.relationship().sideA(), entity) && refersTo(e, e.relationship().sideB(), entity)).toList();
  }

  private static boolean refersTo(EntityDef source, String field, EntityDef target) {
    return source.field(field).map(f -> f.type() instanceof FieldType.Reference r && r.entity().equals(target.name()))
        .orElse(false);
  }

  Mono<ServerResponse> page(ServerRequest request) {
    return render(request, request.queryParams(), List.of(), HttpStatus.OK);
  }

  Mono<ServerResponse> create(ServerRequest request) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    EntityDef entity = RecordService.entity(snapshot, request.pathVariable("entity"));
    long id = PageIds.id(request);
    KithLocale locale = RequestLocale.of(request.exchange());
    return request.formData().flatMap(form -> {
      EntityDef kind = kind(snapshot, entity, form.getFirst("kind"));
      return records.get(entity.name(), id).flatMap(self -> {
        Map<String, String> types = typeChoices(snapshot, entity, self, locale);
        String type = form.getFirst("type");
        List<Long> targets = SearchActionsHandler.ids(form);
        List<String> problems = new ArrayList<>();
        if (type == null || !types.containsKey(type)) {
          problems.add(pages.text(locale, "error.required", kind.field(kind.relationship().type())
              .map(f -> f.label(locale)).orElse(kind.relationship().type())));
        }
        if (targets.isEmpty()) {
          problems.add(pages.text(locale, "relationships.pick_none"));
        }
        if (!problems.isEmpty()) {
          return render(request, form, problems, HttpStatus.BAD_REQUEST);
        }
        List<JsonNode> bodies = bodies(kind, form, id, type, targets);
        return records.createAll(kind.name(), bodies)
            .flatMap(created -> ServerResponse.seeOther(URI.create(
                "/app/" + entity.name() + "/" + id + "?relationships_added=" + created.size())).build())
            .onErrorResume(RecordValidationException.class, e -> records.labels(entity.name(), targets)
                .flatMap(labels -> render(request, form, messages(e, kind, targets, labels, locale),
                    HttpStatus.BAD_REQUEST)));
      });
    });
  }

  private static List<JsonNode> bodies(EntityDef kind, MultiValueMap<String, String> form, long self, String type,
      List<Long> targets) {
    RelationshipSpec spec = kind.relationship();
    String[] codeAndSide = type.split(":", 2);
    boolean selfIsA = "a".equals(codeAndSide[1]);
    List<JsonNode> bodies = new ArrayList<>();
    for (long target : new LinkedHashSet<>(targets)) {
      ObjectNode body = Json.object().put(spec.type(), codeAndSide[0])
          .put(spec.sideA(), selfIsA ? self : target).put(spec.sideB(), selfIsA ? target : self);
      for (String name : COMMON_FIELDS) {
        String value = form.getFirst(name);
        if (kind.field(name).isPresent() && value != null && !value.isBlank()) {
          body.put(name, value.strip());
        }
      }
      bodies.add(body);
    }
    return bodies;
  }

  /** Each problem once, prefixed by the name of the record it concerns. */
  private List<String> messages(RecordValidationException e, EntityDef kind, List<Long> targets,
      Map<Long, String> labels, KithLocale locale) {
    List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(targets));
    Set<String> out = new LinkedHashSet<>();
    for (FieldError error : e.errors()) {
      Matcher m = RECORD_ERROR.matcher(error.field());
      String who = null;
      String field = error.field();
      if (m.matches()) {
        int index = Integer.parseInt(m.group(1));
        long target = index < distinct.size() ? distinct.get(index) : 0;
        who = labels.getOrDefault(target, "#" + target);
        field = m.group(2);
      }
      List<Object> args = new ArrayList<>();
      String fieldName = field;
      args.add(kind.field(fieldName).map(f -> f.label(locale)).orElse(fieldName));
      error.arguments().forEach(a -> args.add(a instanceof Number ? a.toString() : a));
      String text = pages.text(locale, "error." + error.code(), args.toArray());
      out.add(who == null ? text : who + ": " + text);
    }
    return List.copyOf(out);
  }

  private Mono<ServerResponse> render(ServerRequest request, MultiValueMap<String, String> params,
      List<String> problems, HttpStatus status) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    EntityDef entity = RecordService.entity(snapshot, request.pathVariable("entity"));
    long id = PageIds.id(request);
    KithLocale locale = RequestLocale.of(request.exchange());
    EntityDef kind = kind(snapshot, entity, params.getFirst("kind"));
    String q = params.getFirst("q") == null ? "" : params.getFirst("q").strip();
    return records.require(kind.name(), Action.CREATE).then(records.get(entity.name(), id)).flatMap(self -> {
      Mono<List<Map.Entry<Long, String>>> found = q.isEmpty() ? Mono.just(List.of())
          : records.autocomplete(entity.name(), q, MAX_RESULTS + 1).filter(e -> e.getKey() != id).take(MAX_RESULTS)
              .collectList();
      return Mono.zip(found, pages.base(request.exchange(), snapshot, locale, entity.name())).flatMap(t -> {
        Set<String> ticked = new LinkedHashSet<>(params.getOrDefault("ids", List.of()));
        List<Map<String, Object>> results = new ArrayList<>();
        for (Map.Entry<Long, String> hit : t.getT1()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("id", hit.getKey());
          row.put("label", hit.getValue());
          row.put("href", "/app/" + entity.name() + "/" + hit.getKey());
          row.put("ticked", ticked.contains(String.valueOf(hit.getKey())));
          results.add(row);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        String selfLabel = DisplayNames.render(entity, self);
        view.put("title", pages.text(locale, "relationships.add_title", selfLabel));
        view.put("self", selfLabel);
        view.put("selfUrl", "/app/" + entity.name() + "/" + id);
        view.put("action", "/app/" + entity.name() + "/" + id + "/relationships/add");
        view.put("kind", kind.name());
        view.put("q", q);
        view.put("searched", !q.isEmpty());
        view.put("types", typeChoices(snapshot, entity, self, locale));
        view.put("type", params.getFirst("type") == null ? "" : params.getFirst("type"));
        view.put("results", results);
        view.put("problems", problems);
        List<Map<String, String>> common = new ArrayList<>();
        for (String name : COMMON_FIELDS) {
          kind.field(name).ifPresent(f -> common.add(commonField(f, params, locale)));
        }
        view.put("common", common);
        Map<String, Object> model = t.getT2();
        model.put("view", view);
        return views.render(entity.name(), "relationships-add", model, status);
      });
    });
  }

  private static Map<String, String> commonField(FieldDef field, MultiValueMap<String, String> params, KithLocale locale) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("name", field.name());
    out.put("label", field.label(locale));
    out.put("input", field.type() instanceof FieldType.Date ? "date" : "text");
    String value = params.getFirst(field.name());
    out.put("value", value == null ? "" : value);
    return out;
  }

  /**
   * The active relationship types this record may take part in, by {@code code:a} (this record on
   * side A) or {@code code:b}, each labelled as read from this record's side.
   */
  private static Map<String, String> typeChoices(MetadataSnapshot snapshot, EntityDef entity, ObjectNode self,
      KithLocale locale) {
    String subtype = self.path("subtype").asString(null);
    Map<String, String> out = new LinkedHashMap<>();
    for (RelationshipTypeDef type : snapshot.relationshipTypes().values()) {
      if (!type.active()) {
        continue;
      }
      if (type.sideA().entity().equals(entity.name()) && type.sideA().allows(subtype)) {
        out.put(type.name() + ":a", type.labelAToB().resolve(locale, type.name()));
      }
      if (type.sideB().entity().equals(entity.name()) && type.sideB().allows(subtype)) {
        out.put(type.name() + ":b", type.labelBToA().resolve(locale, type.name()));
      }
    }
    return out;
  }

  private static EntityDef kind(MetadataSnapshot snapshot, EntityDef entity, String name) {
    List<EntityDef> kinds = kinds(snapshot, entity);
    return kinds.stream().filter(k -> name == null || name.isBlank() || k.name().equals(name)).findFirst()
        .orElseThrow(() -> new RecordException(RecordException.Reason.NOT_FOUND, "no_relationship_type"));
  }
}
