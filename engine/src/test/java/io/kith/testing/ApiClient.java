package io.kith.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thin JSON client over {@link WebTestClient} that hands back status, headers and the parsed body,
 * so tests assert with AssertJ on whole responses (problems included) instead of chained matchers.
 */
public final class ApiClient {

  public static final ObjectMapper JSON = JsonMapper.builder().build();

  private final WebTestClient client;

  public ApiClient(WebTestClient client) {
    this.client = client;
  }

  /** One response; {@code body} is null when there was none. */
  public record Response(int status, HttpHeaders headers, JsonNode body) {
    public String header(String name) {
      return headers.getFirst(name);
    }

    public MediaType contentType() {
      return headers.getContentType();
    }
  }

  public Response get(String uri, String... headers) {
    return send(HttpMethod.GET, uri, null, headers);
  }

  public Response post(String uri, String json, String... headers) {
    return send(HttpMethod.POST, uri, json, headers);
  }

  public Response patch(String uri, String json, String... headers) {
    return send(HttpMethod.PATCH, uri, json, headers);
  }

  public Response delete(String uri, String... headers) {
    return send(HttpMethod.DELETE, uri, null, headers);
  }

  /** {@code headers} are name, value pairs. */
  public Response send(HttpMethod method, String uri, String json, String... headers) {
    return send(method, uri, Map.of(), json, headers);
  }

  /**
   * {@code uriTemplate} with {@code {name}} placeholders filled from {@code uriVariables}, each value
   * fully percent-encoded (so a test can send any text, {@code ;} and spaces included).
   */
  public Response send(HttpMethod method, String uriTemplate, Map<String, ?> uriVariables, String json,
      String... headers) {
    WebTestClient.RequestBodySpec spec = client.method(method).uri(uriTemplate, uriVariables);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      spec.header(headers[i], headers[i + 1]);
    }
    WebTestClient.RequestHeadersSpec<?> ready =
        json == null ? spec : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(json);
    EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
    byte[] bytes = result.getResponseBody();
    JsonNode body = bytes == null || bytes.length == 0
        ? null : JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    return new Response(result.getStatus().value(), result.getResponseHeaders(), body);
  }

  /** A multipart/form-data POST (for example a file upload built with {@code MultipartBodyBuilder}). */
  public Response multipart(String uri, org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> parts,
      String... headers) {
    WebTestClient.RequestBodySpec spec = client.post().uri(uri);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      spec.header(headers[i], headers[i + 1]);
    }
    EntityExchangeResult<byte[]> result = spec.contentType(MediaType.MULTIPART_FORM_DATA)
        .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(parts))
        .exchange().expectBody().returnResult();
    byte[] bytes = result.getResponseBody();
    JsonNode body = bytes == null || bytes.length == 0
        ? null : JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    return new Response(result.getStatus().value(), result.getResponseHeaders(), body);
  }

  /** The raw body of a GET, as text in UTF-8. */
  public String text(String uri, String... headers) {
    WebTestClient.RequestHeadersSpec<?> spec = client.get().uri(uri);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      spec.header(headers[i], headers[i + 1]);
    }
    byte[] bytes = spec.exchange().expectBody().returnResult().getResponseBody();
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
  }

  /** Parses JSON text (tests write request bodies as text blocks). */
  public static JsonNode parse(String json) {
    return JSON.readTree(json);
  }
}
