package io.kith.web.api;

import io.kith.fieldtype.Json;
import io.kith.query.Filter;
import io.kith.query.QueryReader;
import io.kith.record.LinkEdit;
import io.kith.record.RecordService;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import io.kith.web.RequestSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/{entity}/batch} ({@code {"common": {...}, "records": [...]}}: each record is
 * the common values with its own over them; all are created or none) and {@code POST
 * /api/v1/{entity}/links/{field}} ({@code {"ids": [...]} or {"query": {"filter": ...}}, "add":
 * [...], "remove": [...]}}).
 */
final class BulkApiHandler {

  /** Most records one batch may create. */
  static final int MAX_BATCH = 500;

  private final RecordService records;
  private final QueryReader queries;

  BulkApiHandler(RecordService records, QueryReader queries) {
    this.records = records;
    this.queries = queries;
  }

  Mono<ServerResponse> createAll(ServerRequest request) {
    String entity = request.pathVariable("entity");
    return Mono.fromCallable(() -> RecordService.entity(RequestSnapshot.of(request), entity))
        .then(body(request))
        .map(BulkApiHandler::recordsOf)
        .flatMap(bodies -> records.createAll(entity, bodies))
        .flatMap(created -> {
          ObjectNode out = Json.object();
          ArrayNode items = out.putArray("items");
          created.forEach(items::add);
          return ServerResponse.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).bodyValue(out);
        });
  }

  private static List<JsonNode> recordsOf(JsonNode body) {
    JsonNode list = body.path("records");
    if (!list.isArray() || list.isEmpty()) {
      throw new RecordValidationException(List.of(FieldError.of("records", list.isMissingNode() ? "required" : "wrong_type")));
    }
    if (list.size() > MAX_BATCH) {
      throw new RecordValidationException(List.of(FieldError.of("records", "too_many_records", MAX_BATCH)));
    }
    JsonNode common = body.path("common");
    if (!common.isMissingNode() && !common.isObject()) {
      throw new RecordValidationException(List.of(FieldError.of("common", "wrong_type")));
    }
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode one : list) {
      if (!one.isObject()) {
        out.add(one);
        continue;
      }
      ObjectNode merged = common.isObject() ? ((ObjectNode) common).deepCopy() : Json.object();
      merged.setAll((ObjectNode) one);
      out.add(merged);
    }
    return out;
  }

  Mono<ServerResponse> editLinks(ServerRequest request) {
    String entity = request.pathVariable("entity");
    String field = request.pathVariable("field");
    return Mono.fromCallable(() -> RecordService.entity(RequestSnapshot.of(request), entity))
        .then(body(request))
        .flatMap(body -> {
          List<FieldError> errors = new ArrayList<>();
          List<Long> ids = body.has("ids") ? ids(body, "ids", errors) : null;
          Filter filter = null;
          if (ids == null && body.has("query")) {
            filter = queries.read(RequestSnapshot.of(request), RecordService.entity(RequestSnapshot.of(request), entity), body.get("query")).filter();
          } else if (ids == null) {
            errors.add(FieldError.of("ids", "required"));
          }
          List<Long> add = body.has("add") ? ids(body, "add", errors) : List.of();
          List<Long> remove = body.has("remove") ? ids(body, "remove", errors) : List.of();
          if (add != null && remove != null && add.isEmpty() && remove.isEmpty()) {
            errors.add(FieldError.of("add", "required"));
          }
          if (!errors.isEmpty()) {
            return Mono.error(new RecordValidationException(errors));
          }
          return records.editLinks(entity, field, ids, filter, add, remove);
        })
        .flatMap(done -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json(done)));
  }

  private static ObjectNode json(LinkEdit done) {
    return Json.object().put("matched", done.matched()).put("changed", done.changed())
        .put("added", done.added()).put("removed", done.removed());
  }

  /** A list of positive record ids, or null with an error naming {@code name}. */
  private static List<Long> ids(JsonNode body, String name, List<FieldError> errors) {
    JsonNode node = body.get(name);
    if (!node.isArray()) {
      errors.add(FieldError.of(name, "wrong_type"));
      return null;
    }
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode id = node.get(i);
      if (!id.isIntegralNumber() || id.asLong() < 1) {
        errors.add(FieldError.of(name + "[" + i + "]", "wrong_type"));
        return null;
      }
      out.add(id.asLong());
    }
    return out;
  }

  private static Mono<JsonNode> body(ServerRequest request) {
    return request.bodyToMono(JsonNode.class).defaultIfEmpty(Json.object());
  }
}
