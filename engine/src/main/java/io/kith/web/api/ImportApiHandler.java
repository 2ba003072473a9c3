package io.kith.web.api;

import io.kith.fieldtype.Json;
import io.kith.i18n.KithLocale;
import io.kith.i18n.Messages;
import io.kith.importing.ImportProfiles;
import io.kith.importing.ImportService;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import io.kith.web.CsvResponses;
import io.kith.web.RequestLocale;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/imports} and {@code /api/v1/import-profiles}: upload a CSV with a profile (by name
 * or as a document) to preview it ({@code ?dryRun=true}) or queue it; follow, cancel and download
 * the failed rows of a job; list, save, change and delete profiles.
 */
final class ImportApiHandler {

  private final ImportService imports;
  private final ImportProfiles profiles;
  private final Messages messages;
  private final JsonMapper json = JsonMapper.builder().build();

  ImportApiHandler(ImportService imports, ImportProfiles profiles, Messages messages) {
    this.imports = imports;
    this.profiles = profiles;
    this.messages = messages;
  }

  /** Multipart: {@code file} and {@code profile} (a profile name, or a profile JSON document). */
  Mono<ServerResponse> start(ServerRequest request) {
    String dryRunText = request.queryParam("dryRun").orElse("false").strip();
    if (!dryRunText.equalsIgnoreCase("true") && !dryRunText.equalsIgnoreCase("false")) {
      return Mono.error(new RecordValidationException(List.of(FieldError.of("dryRun", "true_or_false"))));
    }
    boolean dryRun = dryRunText.equalsIgnoreCase("true");
    KithLocale locale = RequestLocale.of(request.exchange());
    return request.multipartData()
        .onErrorMap(org.springframework.core.io.buffer.DataBufferLimitException.class, e -> imports.fileTooLarge())
        .flatMap(parts -> {
      if (!(parts.getFirst("file") instanceof FilePart file)) {
        return Mono.error(new RecordValidationException(List.of(FieldError.of("file", "required"))));
      }
      String profile = text(parts, "profile");
      JsonNode inline = null;
      if (profile != null && profile.strip().startsWith("{")) {
        try {
          inline = json.readTree(profile);
        } catch (tools.jackson.core.JacksonException e) {
          return Mono.error(new RecordValidationException(List.of(FieldError.of("profile", "malformed_profile"))));
        }
      }
      JsonNode document = inline;
      return imports.receive(file.content())
          .flatMap(path -> imports.start(path, file.filename(), document == null ? profile : null, document, dryRun, locale))
          .flatMap(out -> dryRun ? json(ServerResponse.ok(), out)
              : json(ServerResponse.accepted().location(URI.create("/api/v1/imports/" + out.get("id").asLong())), out));
    });
  }

  Mono<ServerResponse> status(ServerRequest request) {
    return imports.status(RecordApiHandler.id(request)).flatMap(out -> json(ServerResponse.ok(), out));
  }

  Mono<ServerResponse> cancel(ServerRequest request) {
    return imports.cancel(RecordApiHandler.id(request)).flatMap(out -> json(ServerResponse.ok(), out));
  }

  /** Server-sent events: the job's status every half second until it has finished. */
  Mono<ServerResponse> events(ServerRequest request) {
    long id = RecordApiHandler.id(request);
    Flux<ServerSentEvent<String>> events = imports.status(id)
        .flatMapMany(first -> Flux.interval(Duration.ZERO, Duration.ofMillis(500))
            .concatMap(tick -> imports.status(id))
            .takeUntil(s -> s.get("finishedAt") != null && !s.get("finishedAt").isNull()))
        .map(s -> ServerSentEvent.builder(s.toString()).event("progress").build());
    return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
        .body(BodyInserters.fromServerSentEvents(events));
  }

  Mono<ServerResponse> failed(ServerRequest request) {
    long id = RecordApiHandler.id(request);
    KithLocale locale = RequestLocale.of(request.exchange());
    return imports.status(id).flatMap(found -> CsvResponses.attachment(imports.failedFileName(id),
        imports.failedCsv(id, locale, messages.get(locale, "import.errors_column"))));
  }

  Mono<ServerResponse> profiles(ServerRequest request) {
    return profiles.list().collectList().flatMap(items -> {
      ObjectNode out = Json.object();
      out.putArray("items").addAll(items);
      return json(ServerResponse.ok(), out);
    });
  }

  Mono<ServerResponse> profile(ServerRequest request) {
    return profiles.get(request.pathVariable("name")).flatMap(body -> json(ServerResponse.ok(), body));
  }

  Mono<ServerResponse> createProfile(ServerRequest request) {
    return body(request).flatMap(profiles::create)
        .flatMap(out -> json(ServerResponse.created(URI.create("/api/v1/import-profiles/" + out.get("name").asString())), out));
  }

  Mono<ServerResponse> updateProfile(ServerRequest request) {
    return body(request).flatMap(b -> profiles.update(request.pathVariable("name"), b))
        .flatMap(out -> json(ServerResponse.ok(), out));
  }

  Mono<ServerResponse> deleteProfile(ServerRequest request) {
    return profiles.delete(request.pathVariable("name")).then(ServerResponse.noContent().build());
  }

  private static String text(MultiValueMap<String, Part> parts, String name) {
    Part part = parts.getFirst(name);
    return part instanceof FormFieldPart field ? field.value() : null;
  }

  private static Mono<JsonNode> body(ServerRequest request) {
    return request.bodyToMono(JsonNode.class).defaultIfEmpty(Json.NODES.nullNode());
  }

  private static Mono<ServerResponse> json(ServerResponse.BodyBuilder builder, JsonNode body) {
    return builder.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
  }
}
