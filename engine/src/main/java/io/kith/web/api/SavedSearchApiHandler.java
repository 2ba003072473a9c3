package io.kith.web.api;

import io.kith.fieldtype.Json;
import io.kith.i18n.KithLocale;
import io.kith.i18n.Messages;
import io.kith.query.LenientQuery;
import io.kith.query.Query;
import io.kith.record.RecordException;
import io.kith.record.RecordService;
import io.kith.savedsearch.SavedSearchDraft;
import io.kith.savedsearch.SavedSearchService;
import io.kith.security.CurrentUser;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/saved-searches}: list, save, read, change, delete and run saved searches, as the
 * current user sees them (shared ones and their own). Reading or running a search whose query names
 * something the metadata no longer has answers with the rest and a {@code dropped} list.
 */
final class SavedSearchApiHandler {

  private final SavedSearchService searches;
  private final RecordService records;
  private final CurrentUser currentUser;
  private final Messages messages;

  SavedSearchApiHandler(SavedSearchService searches, RecordService records, CurrentUser currentUser, Messages messages) {
    this.searches = searches;
    this.records = records;
    this.currentUser = currentUser;
    this.messages = messages;
  }

  Mono<ServerResponse> list(ServerRequest request) {
    String entity = request.queryParam("entity").filter(e -> !e.isBlank()).orElse(null);
    return viewer(request).flatMap(viewer -> Mono.fromCallable(() -> entity == null ? "" : RecordService.entity(RequestSnapshot.of(request), entity).name())
        .flatMap(checked -> searches.list(entity, viewer).map(s -> s.toJson(viewer)).collectList())
        .flatMap(items -> {
          ObjectNode out = Json.object();
          out.putArray("items").addAll(items);
          return json(ServerResponse.ok(), out);
        }));
  }

  Mono<ServerResponse> create(ServerRequest request) {
    return Mono.zip(viewer(request), body(request))
        .flatMap(t -> searches.create(SavedSearchDraft.of(t.getT2()), t.getT1())
            .flatMap(s -> json(ServerResponse.created(URI.create("/api/v1/saved-searches/" + s.id())), s.toJson(t.getT1()))));
  }

  Mono<ServerResponse> get(ServerRequest request) {
    long id = RecordApiHandler.id(request);
    KithLocale locale = RequestLocale.of(request.exchange());
    return viewer(request).flatMap(viewer -> searches.open(id, viewer).flatMap(opened -> {
      ObjectNode out = opened.search().toJson(viewer);
      out.set("dropped", dropped(opened.query(), locale));
      return json(ServerResponse.ok(), out);
    }));
  }

  Mono<ServerResponse> update(ServerRequest request) {
    long id = RecordApiHandler.id(request);
    return Mono.zip(viewer(request), body(request))
        .flatMap(t -> searches.update(id, SavedSearchDraft.of(t.getT2()), t.getT1())
            .flatMap(s -> json(ServerResponse.ok(), s.toJson(t.getT1()))));
  }

  Mono<ServerResponse> delete(ServerRequest request) {
    long id = RecordApiHandler.id(request);
    return viewer(request).flatMap(viewer -> searches.delete(id, viewer)).then(ServerResponse.noContent().build());
  }

  /** {@code POST /{id}/run?page=&size=}: a page of results, as {@code POST /{entity}/search} gives. */
  Mono<ServerResponse> run(ServerRequest request) {
    long id = RecordApiHandler.id(request);
    KithLocale locale = RequestLocale.of(request.exchange());
    return viewer(request).flatMap(viewer -> searches.open(id, viewer).flatMap(opened -> {
      Query saved = opened.query().query();
      Query query = new Query(saved.entity(), saved.filter(), saved.sort(),
          QueryNumbers.of(request, "page", saved.page(), Integer.MAX_VALUE), QueryNumbers.of(request, "size", saved.size(), Query.MAX_SIZE),
          saved.columns());
      return records.run(saved.entity(), query).flatMap(page -> {
        ObjectNode out = RecordApiHandler.pageJson(page);
        out.put("savedSearch", opened.search().id());
        out.set("dropped", dropped(opened.query(), locale));
        return json(ServerResponse.ok(), out);
      });
    }));
  }

  /** What no longer applies: path, kind, the stored JSON, the check it failed and a sentence. */
  private ArrayNode dropped(LenientQuery query, KithLocale locale) {
    ArrayNode out = Json.array();
    for (LenientQuery.Dropped d : query.dropped()) {
      ObjectNode item = out.addObject();
      item.put("path", d.path()).put("part", d.part().name().toLowerCase(java.util.Locale.ROOT));
      item.set("query", d.node());
      item.put("code", d.reason().code());
      item.put("message", messages.get(locale, "search.dropped." + d.part().name().toLowerCase(java.util.Locale.ROOT),
          d.describe()));
    }
    return out;
  }

  private Mono<Optional<Long>> viewer(ServerRequest request) {
    return currentUser.id(request.exchange());
  }

  private static Mono<JsonNode> body(ServerRequest request) {
    return request.bodyToMono(JsonNode.class).defaultIfEmpty(Json.NODES.nullNode());
  }

  private static Mono<ServerResponse> json(ServerResponse.BodyBuilder builder, JsonNode body) {
    return builder.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
  }
}
