package io.kith.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser-like session for page tests: keeps cookies (the CSRF cookie), parses pages with jsoup,
 * and posts forms with the CSRF token the last page carried. Redirects are not followed, so tests
 * can assert them.
 */
public final class HtmlSession {

  /** A response: status, Location header, the parsed page and all headers. */
  public record Page(int status, String location, Document document, String body, java.net.http.HttpHeaders headers) {

    /** The first value of a response header, or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private List<String> lastSetCookies = List.of();
  private String csrfToken = "";

  public HtmlSession(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Signs in through the sign-in page; fails the test unless it leads on. */
  public HtmlSession signIn(String login, String password) {
    signIn(login, password, 303);
    return this;
  }

  /** Tries to sign in; fails the test unless the answer has {@code expectedStatus}. */
  public Page signIn(String login, String password, int expectedStatus) {
    get("/login");
    Page page = post("/login", List.of(Map.entry("login", login), Map.entry("password", password)));
    if (page.status() != expectedStatus) {
      throw new AssertionError("sign-in as " + login + " answered " + page.status() + ", not " + expectedStatus);
    }
    return page;
  }

  /** The value of a cookie this session holds, or null. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
  }

  /** The Set-Cookie headers of the last response. */
  public List<String> lastSetCookies() {
    return lastSetCookies;
  }

  /** A JSON request to the API with this session's cookies (and no CSRF token). */
  public int sendJson(String method, String path, String json) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build();
    return send(request).status();
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
  }

  /** Posts form fields (name → values) with the CSRF token of the last page fetched. */
  public Page post(String path, List<Map.Entry<String, String>> fields) {
    return postRaw(path, fields, true);
  }

  public Page postWithoutCsrf(String path, List<Map.Entry<String, String>> fields) {
    return postRaw(path, fields, false);
  }

  /** Posts a multipart form: the fields, one file, and the CSRF token of the last page fetched. */
  public Page postMultipart(String path, List<Map.Entry<String, String>> fields, String fileField, String fileName,
      byte[] file) {
    String boundary = "kith" + System.nanoTime();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.util.List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
    all.add(Map.entry("_csrf", csrfToken));
    for (Map.Entry<String, String> field : all) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
          + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
  }

  private Page postRaw(String path, List<Map.Entry<String, String>> fields, boolean withToken) {
    String body = fields.stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    if (withToken) {
      body = (body.isEmpty() ? "" : body + "&") + "_csrf=" + encode(csrfToken);
    }
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private Page send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      lastSetCookies = response.headers().allValues("Set-Cookie");
      Document document = Jsoup.parse(response.body(), baseUrl);
      var token = document.selectFirst("input[name=_csrf]");
      if (token != null) {
        csrfToken = token.attr("value");
      }
      return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null), document,
          response.body(), response.headers());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
