package io.kith.relationship;

import io.kith.fieldtype.Json;
import io.kith.i18n.KithLocale;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataRegistry;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.RelationshipSpec;
import io.kith.metadata.RelationshipTypeDef;
import io.kith.metadata.SortSpec;
import io.kith.query.Filter;
import io.kith.query.Operator;
import io.kith.query.Query;
import io.kith.record.RecordService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/{entity}/{id}/relationships}: the record's relationships of every relationship
 * entity type, newest first (at most {@link Query#MAX_SIZE} per type), each with the label of the
 * record's own side and the other record's name. Goes through {@link RecordService}, so the
 * caller's permissions and record scope apply to the record and to the relationships alike.
 */
public final class RelationshipList {

  private final MetadataRegistry registry;
  private final RecordService records;

  public RelationshipList(MetadataRegistry registry, RecordService records) {
    this.registry = registry;
    this.records = records;
  }

  public Mono<ObjectNode> of(String entityName, long id, KithLocale locale) {
    return records.get(entityName, id).zipWith(registry.pinned(), (record, snapshot) -> snapshot).flatMap(snapshot -> {
      List<EntityDef> kinds = snapshot.entities().values().stream()
          .filter(e -> e.relationship() != null && refersTo(e, e.relationship().sideA(), entityName)
              && refersTo(e, e.relationship().sideB(), entityName))
          .toList();
      return Flux.fromIterable(kinds)
          .concatMap(kind -> items(snapshot, kind, entityName, id, locale))
          .collectList()
          .map(lists -> {
            ObjectNode out = Json.object();
            ArrayNode items = out.putArray("items");
            lists.forEach(items::addAll);
            return out;
          });
    });
  }

  private static boolean refersTo(EntityDef entity, String field, String target) {
    return entity.field(field).map(f -> f.type() instanceof FieldType.Reference r && r.entity().equals(target))
        .orElse(false);
  }

  private Mono<List<ObjectNode>> items(MetadataSnapshot snapshot, EntityDef kind, String entityName, long id,
      KithLocale locale) {
    RelationshipSpec spec = kind.relationship();
    Filter mine = new Filter.AnyOf(List.of(
        new Filter.Condition(spec.sideA(), Operator.EQ, id), new Filter.Condition(spec.sideB(), Operator.EQ, id)));
    Query query = new Query(kind.name(), mine, List.of(new SortSpec("created_at", true)), 1, Query.MAX_SIZE, List.of());
    return records.list(kind.name(), query).flatMap(page -> {
      List<Long> others = new ArrayList<>();
      page.items().forEach(r -> others.add(other(r, spec, id)));
      return records.labels(entityName, others).map(labels -> page.items().stream()
          .map(r -> item(snapshot, kind, r, id, labels, locale)).toList());
    });
  }

  private static long other(ObjectNode relationship, RelationshipSpec spec, long id) {
    long a = relationship.path(spec.sideA()).asLong();
    return a == id ? relationship.path(spec.sideB()).asLong() : a;
  }

  private static ObjectNode item(MetadataSnapshot snapshot, EntityDef kind, ObjectNode r, long id,
      Map<Long, String> labels, KithLocale locale) {
    RelationshipSpec spec = kind.relationship();
    boolean sideA = r.path(spec.sideA()).asLong() == id;
    String typeName = r.path(spec.type()).asString();
    RelationshipTypeDef type = snapshot.relationshipTypes().get(typeName);
    long other = other(r, spec, id);
    ObjectNode out = Json.object().put("entity", kind.name()).put("id", r.get("id").asLong());
    out.put(spec.type(), typeName).put("side", sideA ? "a" : "b");
    if (type != null) {
      out.put("label", (sideA ? type.labelAToB() : type.labelBToA()).resolve(locale, typeName));
    } else {
      out.put("label", typeName);
    }
    ObjectNode otherNode = out.putObject("other").put("id", other);
    if (labels.containsKey(other)) {
      otherNode.put("label", labels.get(other));
    } else {
      otherNode.putNull("label");
    }
    kind.fields().stream()
        .filter(f -> !f.name().equals(spec.type()) && !f.name().equals(spec.sideA()) && !f.name().equals(spec.sideB()))
        .forEach(f -> out.set(f.name(), r.get(f.name())));
    out.put("active", r.path("active").asBoolean());
    return out;
  }
}
