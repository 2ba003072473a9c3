package io.kith.web.api;

import io.kith.fieldtype.Json;
import io.kith.query.ListParameters;
import io.kith.record.Page;
import io.kith.record.RecordException;
import io.kith.record.RecordService;
import io.kith.web.RequestSnapshot;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v1/{entity}}: the generic record API. Errors are turned into problems centrally. */
final class RecordApiHandler {

  private static final int AUTOCOMPLETE_LIMIT = 10;

  private final RecordService records;
  private final ListParameters queries;

  RecordApiHandler(RecordService records, ListParameters queries) {
    this.records = records;
    this.queries = queries;
  }

  Mono<ServerResponse> list(ServerRequest request) {
    String entity = request.pathVariable("entity");
    return io.kith.security.Callers.id(request.exchange()).map(me -> ListParameters.mine(request.queryParams(), me))
        .map(params -> queries.parse(RequestSnapshot.of(request), RecordService.entity(RequestSnapshot.of(request), entity), params))
        .flatMap(query -> records.list(entity, query))
        .flatMap(page -> json(ServerResponse.ok(), pageJson(page)));
  }

  /** {@code GET /api/v1/{entity}/autocomplete?q=}: up to 10 {@code {id, label}} for reference widgets. */
  Mono<ServerResponse> autocomplete(ServerRequest request) {
    String entity = request.pathVariable("entity");
    String q = request.queryParam("q").orElse("");
    return Mono.fromCallable(() -> RecordService.entity(RequestSnapshot.of(request), entity))
        .thenMany(records.autocomplete(entity, q, AUTOCOMPLETE_LIMIT))
        .collectList()
        .flatMap(matches -> {
          ArrayNode items = Json.array();
          matches.forEach(m -> items.addObject().put("id", m.getKey()).put("label", m.getValue()));
          return json(ServerResponse.ok(), items);
        });
  }

  /** {@code POST /api/v1/{entity}/search} with a query document (see the published query schema). */
  Mono<ServerResponse> search(ServerRequest request) {
    String entity = request.pathVariable("entity");
    return Mono.fromCallable(() -> RecordService.entity(RequestSnapshot.of(request), entity))
        .then(body(request))
        .flatMap(query -> records.search(entity, query))
        .flatMap(page -> json(ServerResponse.ok(), pageJson(page)));
  }

  Mono<ServerResponse> create(ServerRequest request) {
    String entity = request.pathVariable("entity");
    return Mono.fromCallable(() -> RecordService.entity(RequestSnapshot.of(request), entity))
        .then(body(request))
        .flatMap(body -> records.create(entity, body))
        .flatMap(record -> json(ServerResponse
            .created(URI.create("/api/v1/" + entity + "/" + record.get("id").asLong()))
            .eTag(etag(record)), record));
  }

  Mono<ServerResponse> get(ServerRequest request) {
    return records.get(request.pathVariable("entity"), id(request))
        .flatMap(record -> json(ServerResponse.ok().eTag(etag(record)), record));
  }

  Mono<ServerResponse> patch(ServerRequest request) {
    String entity = request.pathVariable("entity");
    long id = id(request);
    Integer expected = ifMatch(request);
    return Mono.fromCallable(() -> RecordService.entity(RequestSnapshot.of(request), entity))
        .then(body(request))
        .flatMap(body -> records.patch(entity, id, body, expected))
        .flatMap(record -> json(ServerResponse.ok().eTag(etag(record)), record));
  }

  Mono<ServerResponse> delete(ServerRequest request) {
    return records.delete(request.pathVariable("entity"), id(request))
        .then(ServerResponse.noContent().build());
  }

  Mono<ServerResponse> deactivate(ServerRequest request) {
    return setActive(request, false);
  }

  Mono<ServerResponse> reactivate(ServerRequest request) {
    return setActive(request, true);
  }

  private Mono<ServerResponse> setActive(ServerRequest request, boolean active) {
    return records.setActive(request.pathVariable("entity"), id(request), active)
        .flatMap(record -> json(ServerResponse.ok().eTag(etag(record)), record));
  }

  /** {@code POST /api/v1/{entity}/deactivate} with {@code {"ids": [..]}}. */
  Mono<ServerResponse> bulkDeactivate(ServerRequest request) {
    return bulk(request, false);
  }

  Mono<ServerResponse> bulkReactivate(ServerRequest request) {
    return bulk(request, true);
  }

  private Mono<ServerResponse> bulk(ServerRequest request, boolean active) {
    String entity = request.pathVariable("entity");
    return Mono.fromCallable(() -> RecordService.entity(RequestSnapshot.of(request), entity))
        .then(body(request))
        .map(RecordApiHandler::ids)
        .flatMap(ids -> records.setActive(entity, ids, active))
        .flatMap(count -> json(ServerResponse.ok(),
            Json.object().put(active ? "reactivated" : "deactivated", count)));
  }

  /** {@code POST /api/v1/{entity}/{id}/owner} with {@code {"owner": userId}}. */
  Mono<ServerResponse> changeOwner(ServerRequest request) {
    String entity = request.pathVariable("entity");
    long id = id(request);
    return body(request).flatMap(body -> records.changeOwner(entity, List.of(id), owner(body)))
        .flatMap(changed -> records.get(entity, id))
        .flatMap(record -> json(ServerResponse.ok().eTag(etag(record)), record));
  }

  /** {@code POST /api/v1/{entity}/owner} with {@code {"ids": [...], "owner": userId}}: {@code {"changed": n}}. */
  Mono<ServerResponse> bulkChangeOwner(ServerRequest request) {
    String entity = request.pathVariable("entity");
    return Mono.fromCallable(() -> RecordService.entity(RequestSnapshot.of(request), entity)).then(body(request))
        .flatMap(body -> records.changeOwner(entity, ids(body), owner(body)))
        .flatMap(count -> json(ServerResponse.ok(), Json.object().put("changed", count)));
  }

  /** {@code GET /api/v1/{entity}/{id}/shares}: {@code {"users": [ids]}}. */
  Mono<ServerResponse> shares(ServerRequest request) {
    return records.shares(request.pathVariable("entity"), id(request)).flatMap(RecordApiHandler::sharesJson);
  }

  /** {@code PUT /api/v1/{entity}/{id}/shares} with {@code {"users": [ids]}}: exactly those users. */
  Mono<ServerResponse> share(ServerRequest request) {
    String entity = request.pathVariable("entity");
    long id = id(request);
    return body(request).flatMap(body -> {
      JsonNode users = body.path("users");
      if (!users.isArray()) {
        throw new io.kith.validation.RecordValidationException(List.of(
            io.kith.validation.FieldError.of("users", "wrong_type")));
      }
      List<Long> ids = new ArrayList<>();
      for (JsonNode u : users) {
        if (!u.isIntegralNumber()) {
          throw new io.kith.validation.RecordValidationException(List.of(
              io.kith.validation.FieldError.of("users", "wrong_type")));
        }
        ids.add(u.asLong());
      }
      return records.share(entity, id, ids);
    }).flatMap(RecordApiHandler::sharesJson);
  }

  private static Mono<ServerResponse> sharesJson(List<Long> users) {
    ObjectNode out = Json.object();
    users.forEach(out.putArray("users")::add);
    if (users.isEmpty()) {
      out.putArray("users");
    }
    return json(ServerResponse.ok(), out);
  }

  private static long owner(JsonNode body) {
    JsonNode owner = body.path("owner");
    if (!owner.isIntegralNumber()) {
      throw new io.kith.validation.RecordValidationException(List.of(
          io.kith.validation.FieldError.of("owner", owner.isMissingNode() ? "required" : "wrong_type")));
    }
    return owner.asLong();
  }

  private static List<Long> ids(JsonNode body) {
    JsonNode ids = body.get("ids");
    if (ids == null || !ids.isArray() || ids.isEmpty()) {
      throw new RecordException(RecordException.Reason.BAD_QUERY, "bad_request");
    }
    List<Long> out = new ArrayList<>();
    for (JsonNode id : ids) {
      if (!id.isIntegralNumber() || id.asLong() < 1) {
        throw new RecordException(RecordException.Reason.BAD_QUERY, "bad_id");
      }
      out.add(id.asLong());
    }
    return out;
  }

  private static Mono<JsonNode> body(ServerRequest request) {
    return request.bodyToMono(JsonNode.class).defaultIfEmpty(Json.NODES.nullNode());
  }

  static long id(ServerRequest request) {
    String text = request.pathVariable("id");
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the error below
    }
    throw new RecordException(RecordException.Reason.NOT_FOUND, "bad_id");
  }

  /** {@code If-Match: "3"} → 3. A value that is no version of ours can never match. */
  private static Integer ifMatch(ServerRequest request) {
    String header = request.headers().firstHeader("If-Match");
    if (header == null || header.isBlank() || header.strip().equals("*")) {
      return null;
    }
    String digits = header.strip().replaceFirst("^W/", "").replace("\"", "");
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String etag(JsonNode record) {
    return "\"" + record.get("version").asInt() + "\"";
  }

  static ObjectNode pageJson(Page page) {
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("items");
    page.items().forEach(items::add);
    out.put("page", page.page()).put("size", page.size()).put("total", page.total()).put("pages", page.pages());
    if (page.estimated()) {
      out.put("totalEstimated", true);
    }
    return out;
  }

  private static Mono<ServerResponse> json(ServerResponse.BodyBuilder builder, JsonNode body) {
    return builder.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
  }
}
