package io.kith.web.api;

import io.kith.fieldtype.Json;
import io.kith.files.FileNames;
import io.kith.files.FileStore;
import io.kith.files.FileUploads;
import io.kith.files.StoredFile;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.record.RecordException;
import io.kith.record.RecordService;
import io.kith.security.Callers;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import io.kith.web.RequestSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/files} (multipart, part {@code file}): stores an upload of at most {@code
 * kith.files.max-bytes} and answers its id, to be put in a file field. {@code GET
 * /api/v1/{entity}/{id}/files} lists a record's files and {@code GET .../files/{fileId}} serves one,
 * only when the caller can see the record and the field holding the file.
 */
final class FileApiHandler {

  private final RecordService records;
  private final FileUploads uploads;
  private final FileStore files;

  FileApiHandler(RecordService records, FileUploads uploads) {
    this.records = records;
    this.uploads = uploads;
    this.files = uploads.store();
  }

  Mono<ServerResponse> upload(ServerRequest request) {
    return Callers.id(request.exchange()).flatMap(caller -> request.multipartData().flatMap(parts -> {
      if (!(parts.getFirst("file") instanceof FilePart part)) {
        return Mono.error(new RecordValidationException(List.of(FieldError.of("file", "required"))));
      }
      return uploads.save(part, "file", caller.orElse(null));
    })).flatMap(stored -> ServerResponse.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json(stored, null)));
  }

  Mono<ServerResponse> list(ServerRequest request) {
    String entity = request.pathVariable("entity");
    return records.get(entity, RecordApiHandler.id(request)).flatMap(record -> {
      Map<Long, String> held = held(RecordService.entity(RequestSnapshot.of(request), entity), record);
      return files.facts(held.keySet().toArray(Long[]::new)).map(facts -> {
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("items");
        held.forEach((id, field) -> {
          if (facts.containsKey(id)) {
            items.add(json(facts.get(id), field));
          }
        });
        return out;
      });
    }).flatMap(body -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body));
  }

  Mono<ServerResponse> download(ServerRequest request) {
    String entity = request.pathVariable("entity");
    long fileId = fileId(request);
    return records.get(entity, RecordApiHandler.id(request))
        .filter(record -> held(RecordService.entity(RequestSnapshot.of(request), entity), record).containsKey(fileId))
        .switchIfEmpty(Mono.error(new RecordException(RecordException.Reason.NOT_FOUND, "file_not_found", fileId)))
        .then(files.facts(new Long[] {fileId}))
        .flatMap(facts -> files.content(fileId).flatMap(bytes -> {
          StoredFile file = facts.get(fileId);
          return ServerResponse.ok()
              .contentType(MediaType.parseMediaType(file.contentType()))
              .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.attachment(file.name()))
              .header("X-Content-Type-Options", "nosniff")
              .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
              .bodyValue(bytes);
        }));
  }

  /** File ids in the record's file fields (and collections' file fields), with the field path. */
  private static Map<Long, String> held(EntityDef entity, JsonNode record) {
    Map<Long, String> out = new LinkedHashMap<>();
    for (FieldDef field : entity.fields()) {
      if (field.type() instanceof FieldType.File && record.path(field.name()).isNumber()) {
        out.put(record.get(field.name()).asLong(), field.name());
      } else if (field.type() instanceof FieldType.Collection c) {
        JsonNode rows = record.path(field.name());
        for (FieldDef child : c.fields()) {
          if (child.type() instanceof FieldType.File) {
            for (int i = 0; i < rows.size(); i++) {
              if (rows.get(i).path(child.name()).isNumber()) {
                out.put(rows.get(i).get(child.name()).asLong(), field.name() + "[" + i + "]." + child.name());
              }
            }
          }
        }
      }
    }
    return out;
  }

  private static long fileId(ServerRequest request) {
    try {
      long id = Long.parseLong(request.pathVariable("fileId"));
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException ignored) {
      // falls through
    }
    throw new RecordException(RecordException.Reason.NOT_FOUND, "file_not_found", request.pathVariable("fileId"));
  }

  private static ObjectNode json(StoredFile file, String field) {
    ObjectNode out = Json.object().put("id", file.id()).put("name", file.name())
        .put("content_type", file.contentType()).put("size", file.size());
    if (field != null) {
      out.put("field", field);
    }
    return out;
  }
}
