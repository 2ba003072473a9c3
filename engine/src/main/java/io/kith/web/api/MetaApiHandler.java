package io.kith.web.api;

import io.kith.fieldtype.Json;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.MetadataWriter;
import io.kith.metadata.OptionList;
import io.kith.record.RecordException;
import io.kith.record.RecordSchemas;
import io.kith.schema.DdlPlan;
import io.kith.web.RequestSnapshot;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v1/meta/...}: the model, read-only, in the same shape as the metadata files. */
final class MetaApiHandler {

  private static final byte[] QUERY_SCHEMA = readQuerySchema();

  private final RecordSchemas schemas;
  private final DdlPlan startupPlan;

  MetaApiHandler(RecordSchemas schemas, DdlPlan startupPlan) {
    this.schemas = schemas;
    this.startupPlan = startupPlan;
  }

  Mono<ServerResponse> entities(ServerRequest request) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    ArrayNode items = Json.array();
    for (EntityDef e : snapshot.entities().values()) {
      ObjectNode item = items.addObject().put("name", e.name());
      item.set("label", MetadataWriter.text(e.label()));
      item.set("pluralLabel", MetadataWriter.text(e.pluralLabel()));
      ArrayNode subtypes = item.putArray("subtypes");
      e.subtypes().forEach(s -> subtypes.add(s.name()));
    }
    return json(Json.object().put("version", snapshot.version()).set("items", items));
  }

  Mono<ServerResponse> entity(ServerRequest request) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    EntityDef entity = entity(snapshot, request);
    ObjectNode out = MetadataWriter.entity(entity);
    ObjectNode lists = out.putObject("optionLists");
    collectLists(snapshot, entity.fields().stream().toList(), lists);
    return json(out);
  }

  Mono<ServerResponse> schema(ServerRequest request) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    EntityDef entity = entity(snapshot, request);
    RecordSchemas.Mode mode = "patch".equals(request.queryParam("mode").orElse(""))
        ? RecordSchemas.Mode.PATCH : RecordSchemas.Mode.CREATE;
    return ServerResponse.ok().contentType(MediaType.valueOf("application/schema+json"))
        .bodyValue(schemas.document(snapshot, entity, mode));
  }

  Mono<ServerResponse> optionLists(ServerRequest request) {
    ArrayNode items = Json.array();
    RequestSnapshot.of(request).optionLists().values().forEach(l -> items.add(MetadataWriter.optionList(l)));
    return json(Json.object().set("items", items));
  }

  Mono<ServerResponse> optionList(ServerRequest request) {
    String name = request.pathVariable("name");
    OptionList list = RequestSnapshot.of(request).optionLists().get(name);
    if (list == null) {
      throw new RecordException(RecordException.Reason.NOT_FOUND, "unknown_option_list", name);
    }
    return json(MetadataWriter.optionList(list));
  }

  Mono<ServerResponse> relationshipTypes(ServerRequest request) {
    ArrayNode items = Json.array();
    RequestSnapshot.of(request).relationshipTypes().values().forEach(r -> items.add(MetadataWriter.relationshipType(r)));
    return json(Json.object().set("items", items));
  }

  /** The JSON Schema of query documents ({@code POST /api/v1/{entity}/search}). */
  Mono<ServerResponse> querySchema(ServerRequest request) {
    return ServerResponse.ok().contentType(MediaType.valueOf("application/schema+json"))
        .bodyValue(QUERY_SCHEMA);
  }

  /** The DDL applied at start-up and the fields found retired. */
  Mono<ServerResponse> schemaPlan(ServerRequest request) {
    ObjectNode out = Json.object();
    ArrayNode statements = out.putArray("applied");
    startupPlan.statements().forEach(statements::add);
    ArrayNode retired = out.putArray("retired");
    startupPlan.retired().forEach(retired::add);
    return json(out);
  }

  private static void collectLists(MetadataSnapshot snapshot, java.util.List<FieldDef> fields, ObjectNode lists) {
    for (FieldDef f : fields) {
      String list = f.type() instanceof FieldType.Option o ? o.list()
          : f.type() instanceof FieldType.MultiOption m ? m.list() : null;
      if (list != null) {
        lists.set(list, MetadataWriter.optionList(snapshot.optionList(list)));
      } else if (f.type() instanceof FieldType.Collection c) {
        collectLists(snapshot, c.fields(), lists);
      }
    }
  }

  private static byte[] readQuerySchema() {
    try (var in = MetaApiHandler.class.getClassLoader().getResourceAsStream("schemas/query.schema.json")) {
      return in.readAllBytes();
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("the query schema is missing from the classpath", e);
    }
  }

  private static EntityDef entity(MetadataSnapshot snapshot, ServerRequest request) {
    String name = request.pathVariable("entity");
    return snapshot.entity(name)
        .orElseThrow(() -> new RecordException(RecordException.Reason.NOT_FOUND, "unknown_entity", name));
  }

  private static Mono<ServerResponse> json(JsonNode body) {
    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
  }
}
