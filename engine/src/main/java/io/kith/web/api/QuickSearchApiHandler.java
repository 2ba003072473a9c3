package io.kith.web.api;

import io.kith.fieldtype.Json;
import io.kith.record.RecordException;
import io.kith.search.QuickSearch;
import io.kith.search.SearchHit;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /api/v1/search?q=&limit=} and the quick-search autocomplete of reference widgets. */
final class QuickSearchApiHandler {

  static final int DEFAULT_LIMIT = 20;
  static final int AUTOCOMPLETE_LIMIT = 10;

  private final QuickSearch search;
  private final io.kith.record.RecordService records;

  QuickSearchApiHandler(QuickSearch search, io.kith.record.RecordService records) {
    this.search = search;
    this.records = records;
  }

  /** {@code {"items": [{"entity", "id", "label", "rank"}]}}, best first; a blank {@code q} is a 400. */
  Mono<ServerResponse> search(ServerRequest request) {
    return Mono.fromCallable(() -> {
          String q = request.queryParam("q").orElse("");
          if (q.isBlank()) {
            throw new RecordException(RecordException.Reason.BAD_QUERY, "search_text_required", "q");
          }
          return q;
        })
        .flatMap(q -> search.search(q, limit(request)))
        .flatMap(hits -> {
          ObjectNode out = Json.object();
          ArrayNode items = out.putArray("items");
          for (SearchHit hit : hits) {
            items.addObject().put("entity", hit.entity()).put("id", hit.id()).put("label", hit.label())
                .put("rank", hit.rank().code());
          }
          return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(out);
        });
  }

  /**
   * {@code GET /api/v1/{entity}/autocomplete?q=} for a type in quick search: up to 10 {@code {id,
   * label}}, within the caller's record scope.
   */
  Mono<ServerResponse> autocomplete(ServerRequest request) {
    String q = request.queryParam("q").orElse("");
    String entity = request.pathVariable("entity");
    Mono<java.util.List<SearchHit>> hits = q.isBlank()
        ? records.require(entity, io.kith.access.Action.VIEW).thenReturn(java.util.List.of())
        : search.search(entity, q, AUTOCOMPLETE_LIMIT);
    return hits.flatMap(found -> {
      ArrayNode items = Json.array();
      found.forEach(h -> items.addObject().put("id", h.id()).put("label", h.label()));
      return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(items);
    });
  }

  private static int limit(ServerRequest request) {
    return QueryNumbers.of(request, "limit", DEFAULT_LIMIT, QuickSearch.MAX_LIMIT);
  }
}
