package io.kith.web.api;

import io.kith.export.CsvExport;
import io.kith.fieldtype.Json;
import io.kith.i18n.KithLocale;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataSnapshot;
import io.kith.query.Query;
import io.kith.query.QueryReader;
import io.kith.record.RecordException;
import io.kith.web.CsvResponses;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/{entity}/export} with a query document: every matching record as CSV, with
 * the query's columns (or the list columns). The query is checked before the first byte is sent,
 * so a bad query is a 400 problem, never half a file.
 */
final class ExportApiHandler {

  private final QueryReader reader;
  private final CsvExport export;

  ExportApiHandler(QueryReader reader, CsvExport export) {
    this.reader = reader;
    this.export = export;
  }

  Mono<ServerResponse> export(ServerRequest request) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    String name = request.pathVariable("entity");
    KithLocale locale = RequestLocale.of(request.exchange());
    return Mono.fromCallable(() -> snapshot.entity(name)
            .orElseThrow(() -> new RecordException(RecordException.Reason.NOT_FOUND, "unknown_entity", name)))
        .flatMap(entity -> request.bodyToMono(JsonNode.class).defaultIfEmpty(Json.object())
            .flatMap(body -> respond(snapshot, entity, reader.read(snapshot, entity, body), locale)));
  }

  private Mono<ServerResponse> respond(MetadataSnapshot snapshot, EntityDef entity, Query query, KithLocale locale) {
    return CsvResponses.attachment(export.fileName(entity), export.csv(snapshot, entity, query, locale));
  }
}
