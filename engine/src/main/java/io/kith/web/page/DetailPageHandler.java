package io.kith.web.page;

import io.kith.access.Access;
import io.kith.access.Action;
import io.kith.i18n.KithLocale;
import io.kith.metadata.RelationshipSpec;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.record.DisplayNames;
import io.kith.record.RecordService;
import io.kith.relationship.RelationshipList;
import io.kith.render.Cell;
import io.kith.render.DetailView;
import io.kith.render.DetailView.Item;
import io.kith.render.DetailView.Related;
import io.kith.render.DetailView.Table;
import io.kith.render.DisplayValues;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /app/{entity}/{id}}: every visible field, collections as tables, and related lists:
 * records of other types whose reference or multi-reference points here; and its history.
 */
final class DetailPageHandler {

  private static final int RELATED_LIMIT = 10;

  private final RecordService records;
  private final DisplayValues display;
  private final PageModel pages;
  private final Views views;
  private final ReferenceLabels referenceLabels;
  private final HistorySection history;
  private final OwnershipSection ownership;
  private final RelationshipList relationships;
  private final io.kith.files.FileStore files;

  DetailPageHandler(RecordService records, DisplayValues display, PageModel pages, Views views,
      HistorySection history, OwnershipSection ownership, RelationshipList relationships,
      io.kith.files.FileStore files) {
    this.files = files;
    this.records = records;
    this.display = display;
    this.pages = pages;
    this.views = views;
    this.referenceLabels = new ReferenceLabels(records);
    this.history = history;
    this.ownership = ownership;
    this.relationships = relationships;
  }

  Mono<ServerResponse> detail(ServerRequest request) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    EntityDef entity = RecordService.entity(snapshot, request.pathVariable("entity"));
    long id = PageIds.id(request);
    KithLocale locale = RequestLocale.of(request.exchange());
    return records.get(entity.name(), id).flatMap(record -> {
      List<FieldDef> all = new ArrayList<>(entity.fields());
      entity.fields().stream().filter(f -> f.type() instanceof FieldType.Collection && record.has(f.name()))
          .forEach(f -> all.addAll(((FieldType.Collection) f.type()).fields()));
      Map<String, Set<Long>> ids = DisplayValues.referencedIds(all, List.of(record));
      for (FieldDef f : entity.fields()) {
        if (f.type() instanceof FieldType.Collection c && record.has(f.name())) {
          List<JsonNode> rows = new ArrayList<>();
          record.get(f.name()).forEach(rows::add);
          DisplayValues.referencedIds(c.fields(), rows).forEach((k, v) -> ids.computeIfAbsent(k, x -> new java.util.HashSet<>()).addAll(v));
        }
      }
      return Mono.zip(referenceLabels.of(ids), io.kith.access.AccessContext.current()
              .flatMap(access -> related(snapshot, entity, id, locale, access)),
              pages.base(request.exchange(), snapshot, locale, entity.name()), history.of(snapshot, entity, id, locale),
              io.kith.access.AccessContext.current()
                  .flatMap(access -> ownership.of(entity.name(), record, access, locale)),
              FormFiles.names(files, entity, record))
          .flatMap(t -> {
            Map<String, Object> model = t.getT3();
            String fileBase = "/api/v1/" + entity.name() + "/" + id + "/files/";
            model.put("view", view(snapshot, entity, record, locale, t.getT1(), t.getT2(), t.getT6(), fileBase));
            model.put("history", t.getT4());
            model.put("ownership", t.getT5());
            return views.render(entity.name(), "detail", model);
          });
    });
  }

  private DetailView view(MetadataSnapshot snapshot, EntityDef entity, ObjectNode record, KithLocale locale,
      Map<String, Map<Long, String>> labels, List<Related> related, Map<Long, String> fileNames, String fileBase) {
    String subtype = record.path("subtype").asString(null);
    List<Item> fields = new ArrayList<>();
    List<Table> collections = new ArrayList<>();
    for (FieldDef field : entity.fields()) {
      // A field missing from the record is hidden from this viewer (the service leaves it out).
      if (field.hidden() || !field.appliesTo(subtype) || !record.has(field.name())) {
        continue;
      }
      if (field.type() instanceof FieldType.Collection c) {
        List<String> headers = c.fields().stream().map(f -> f.label(locale)).toList();
        List<List<List<Cell>>> rows = new ArrayList<>();
        for (JsonNode row : record.get(field.name())) {
          List<List<Cell>> cells = new ArrayList<>();
          for (FieldDef child : c.fields()) {
            cells.add(fileCell(child, row.get(child.name()), fileNames, fileBase)
                .orElseGet(() -> display.cells(snapshot, child, row.get(child.name()), locale, labels)));
          }
          rows.add(cells);
        }
        collections.add(new Table(field.label(locale), headers, rows));
      } else {
        fields.add(new Item(field.label(locale), fileCell(field, record.get(field.name()), fileNames, fileBase)
            .orElseGet(() -> display.cells(snapshot, field, record.get(field.name()), locale, labels))));
      }
    }
    List<Item> system = List.of(
        new Item(pages.text(locale, "label.id"), List.of(Cell.plain(record.get("id").asString()))),
        new Item(pages.text(locale, "label.created_at"), List.of(Cell.plain(display.timestamp(record.get("created_at"))))),
        new Item(pages.text(locale, "label.updated_at"), List.of(Cell.plain(display.timestamp(record.get("updated_at"))))),
        new Item(pages.text(locale, "label.version"), List.of(Cell.plain(record.get("version").asString()))));
    String subtypeLabel = subtype == null ? null
        : entity.subtype(subtype).map(s -> s.label().resolve(locale, s.name())).orElse(subtype);
    return new DetailView(entity.name(), entity.label(locale), record.get("id").asLong(),
        DisplayNames.render(entity, record), subtypeLabel, record.get("active").asBoolean(),
        record.get("version").asInt(), fields, collections, related, system);
  }

  /**
   * One related list (a tab) per (entity type, reference or multi-reference field) pointing at
   * this entity type, each with an "add" link to that type's new form with the field pre-filled.
   * A relationship type between two records of this type is one tab instead of one per side, its
   * rows read from this record's side ("客戶 亞必思有限公司").
   */
  private Mono<List<Related>> related(MetadataSnapshot snapshot, EntityDef target, long id, KithLocale locale,
      Access access) {
    List<Mono<Related>> lists = new ArrayList<>();
    for (EntityDef source : snapshot.entities().values()) {
      if (relatesTwo(source, target)) {
        lists.add(relationshipTab(source, target, id, locale, access));
        continue;
      }
      for (FieldDef field : source.fields()) {
        String points = field.type() instanceof FieldType.Reference r ? r.entity()
            : field.type() instanceof FieldType.MultiReference m ? m.entity() : null;
        if (target.name().equals(points)) {
          String label = source.pluralLabel(locale) + " (" + field.label(locale) + ")";
          String listUrl = field.type() instanceof FieldType.Reference
              ? "/app/" + source.name() + "?" + field.name() + "=" + id : null;
          lists.add(records.referencing(source.name(), field.name(), id, RELATED_LIMIT)
              .map(result -> new Related(source.name() + "-" + field.name(), label, listUrl,
                  addUrl(access, source, field.name(), id), null,
                  result.getKey().stream().map(e -> new Cell(e.getValue(), "/app/" + source.name() + "/" + e.getKey())).toList(),
                  result.getValue())));
        }
      }
    }
    return Flux.concat(lists).collectList();
  }

  /** Whether {@code source} is a relationship type whose both sides are records of {@code target}. */
  private static boolean relatesTwo(EntityDef source, EntityDef target) {
    RelationshipSpec spec = source.relationship();
    return spec != null && refersTo(source, spec.sideA(), target) && refersTo(source, spec.sideB(), target);
  }

  private static boolean refersTo(EntityDef source, String field, EntityDef target) {
    return source.field(field).map(f -> f.type() instanceof FieldType.Reference r && r.entity().equals(target.name()))
        .orElse(false);
  }

  /** The record's relationships of type {@code source}, each as its own side's label and the other record. */
  private Mono<Related> relationshipTab(EntityDef source, EntityDef target, long id, KithLocale locale, Access access) {
    String addUrl = addUrl(access, source, source.relationship().sideA(), id);
    // Several at once: pick the type, search by partial name, tick (RelationshipPickerHandler).
    String addManyUrl = addUrl == null ? null
        : "/app/" + target.name() + "/" + id + "/relationships/add?kind=" + source.name();
    if (!access.can(source.name(), Action.VIEW)) {
      return Mono.just(new Related(source.name(), source.pluralLabel(locale), null, addUrl, addManyUrl, List.of(), 0));
    }
    return relationships.of(target.name(), id, locale).map(list -> {
      List<Cell> rows = new ArrayList<>();
      for (JsonNode item : list.path("items")) {
        if (source.name().equals(item.path("entity").asString())) {
          String other = item.path("other").path("label").asString("#" + item.path("other").path("id").asString());
          rows.add(new Cell(item.path("label").asString() + " " + other, "/app/" + source.name() + "/" + item.path("id").asLong()));
        }
      }
      return new Related(source.name(), source.pluralLabel(locale), "/app/" + source.name(), addUrl, addManyUrl, rows, rows.size());
    });
  }

  /** A file field's value as the file's name linking to its download. */
  private static java.util.Optional<List<Cell>> fileCell(FieldDef field, JsonNode value, Map<Long, String> fileNames,
      String fileBase) {
    if (!(field.type() instanceof FieldType.File) || value == null || !value.isNumber()
        || !fileNames.containsKey(value.asLong())) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(List.of(new Cell(fileNames.get(value.asLong()), fileBase + value.asLong())));
  }

  private static String addUrl(Access access, EntityDef source, String field, long id) {
    return access.can(source.name(), Action.CREATE) ? "/app/" + source.name() + "/new?" + field + "=" + id : null;
  }

}
