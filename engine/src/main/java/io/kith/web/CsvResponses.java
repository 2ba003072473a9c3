package io.kith.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A streamed CSV download, for the API and the pages alike. */
public final class CsvResponses {

  public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private CsvResponses() {}

  /** {@code chunks} are written as they come (UTF-8), as an attachment named {@code fileName}. */
  public static Mono<ServerResponse> attachment(String fileName, Flux<String> chunks) {
    return ServerResponse.ok()
        .contentType(TEXT_CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(BodyInserters.fromPublisher(chunks, String.class));
  }
}
