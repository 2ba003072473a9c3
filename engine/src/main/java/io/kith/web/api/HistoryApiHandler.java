package io.kith.web.api;

import io.kith.audit.Change;
import io.kith.audit.HistoryEntry;
import io.kith.audit.HistoryLabels;
import io.kith.audit.HistoryPage;
import io.kith.audit.HistoryReader;
import io.kith.fieldtype.Json;
import io.kith.i18n.KithLocale;
import io.kith.metadata.EntityDef;
import io.kith.query.Query;
import io.kith.record.RecordException;
import io.kith.record.RecordService;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/{entity}/{id}/history?page=&size=}: a record's changes, newest first, values
 * as the API stores them and labels in the request's language. A deleted record's history is still
 * returned; an unknown entity type is a 404.
 */
final class HistoryApiHandler {

  private final RecordService records;
  private final HistoryReader history;
  private final HistoryLabels labels;

  HistoryApiHandler(RecordService records, HistoryReader history, HistoryLabels labels) {
    this.records = records;
    this.history = history;
    this.labels = labels;
  }

  Mono<ServerResponse> history(ServerRequest request) {
    return Mono.defer(() -> {
      EntityDef entity = RecordService.entity(RequestSnapshot.of(request), request.pathVariable("entity"));
      long id = RecordApiHandler.id(request);
      int page = QueryNumbers.of(request, "page", 1, Integer.MAX_VALUE);
      int size = QueryNumbers.of(request, "size", Query.DEFAULT_SIZE, Query.MAX_SIZE);
      KithLocale locale = RequestLocale.of(request.exchange());
      // Viewing history needs the view permission and the record in reach (a deleted record's
      // history: only for those who reach every record); hidden fields' changes are left out.
      return records.require(entity.name(), io.kith.access.Action.VIEW).flatMap(access -> records.get(entity.name(), id)
          .thenReturn(true)
          .onErrorResume(e -> e instanceof io.kith.record.RecordException r
              && r.reason() == io.kith.record.RecordException.Reason.NOT_FOUND
              && access.scope(entity.name()) == io.kith.access.Scope.ALL, e -> Mono.just(true))
          .then(history.page(entity.name(), id, page, size, field -> !access.hidden(entity.name(), field))))
          .flatMap(result -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
              .bodyValue(json(entity, result, locale)));
    });
  }

  private ObjectNode json(EntityDef entity, HistoryPage page, KithLocale locale) {
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("items");
    for (HistoryEntry entry : page.items()) {
      ObjectNode item = items.addObject();
      item.put("action", entry.action().code());
      item.put("at", entry.at().toString());
      if (entry.userId() == null) {
        item.putNull("user");
      } else {
        item.putObject("user").put("id", entry.userId()).put("name", entry.userName());
      }
      ArrayNode changes = item.putArray("changes");
      for (Change change : entry.changes()) {
        ObjectNode c = changes.addObject();
        c.put("field", change.field());
        c.put("label", labels.of(entity, change.field(), locale));
        c.set("old", change.oldValue());
        c.set("new", change.newValue());
      }
    }
    out.put("page", page.page()).put("size", page.size()).put("total", page.total()).put("pages", page.pages());
    return out;
  }

}
