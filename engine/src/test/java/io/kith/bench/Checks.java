package io.kith.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Before anything is timed: both sides of each pair answer, and answer alike (same JSON for the
 * same contact; same fields for a created one; pages of comparable size and content). Prints one
 * line per pair so a reader can judge the comparison.
 */
final class Checks {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Checks() {}

  static List<String> run(LoadGenerator load, Requests requests, int contacts) throws Exception {
    List<String> out = new ArrayList<>();
    boolean sameGet = true;
    for (long id : new long[] {1, 2, 3, 42, contacts}) {
      JsonNode generic = json(ok(load.send(requests.get("/api/v1/contact/" + id)), 200));
      JsonNode baseline = json(ok(load.send(requests.get("/api/bench/contact/" + id)), 200));
      if (!generic.equals(baseline)) {
        sameGet = false;
        out.add("  GET differs for id " + id + ":\n    generic  " + generic + "\n    baseline " + baseline);
      }
    }
    out.add("  GET by id: " + (sameGet ? "identical JSON from both sides for 5 contacts" : "DIFFERENT JSON (see above)"));

    ObjectNode generic = (ObjectNode) json(ok(load.send(requests.postJson("/api/v1/contact", Requests.newContactJson(0))), 201));
    ObjectNode baseline = (ObjectNode) json(ok(load.send(requests.postJson("/api/bench/contact", Requests.newContactJson(0))), 201));
    for (ObjectNode created : List.of(generic, baseline)) {
      created.remove(List.of("id", "created_at", "updated_at"));
    }
    out.add("  POST create: " + (generic.equals(baseline)
        ? "identical JSON from both sides (ignoring id and timestamps)"
        : "DIFFERENT JSON\n    generic  " + generic + "\n    baseline " + baseline));

    out.add("  list page: " + describe(page(load, requests, "/app/contact?size=50", "list-generic"), "generic")
        + "; " + describe(page(load, requests, BenchRoutes.BASELINE_LIST, "list-baseline"), "baseline"));
    out.add("  new form:  " + describe(page(load, requests, "/app/contact/new?subtype=individual", "form-generic"), "generic")
        + "; " + describe(page(load, requests, BenchRoutes.BASELINE_FORM, "form-baseline"), "baseline"));
    return out;
  }

  /** Fetches a page; with {@code -Dbench.dump=DIR} also saves it there, to compare the two sides by eye. */
  private static HttpResponse<String> page(LoadGenerator load, Requests requests, String path, String name)
      throws Exception {
    HttpResponse<String> response = ok(load.send(requests.get(path)), 200);
    String dump = System.getProperty("bench.dump", "");
    if (!dump.isBlank()) {
      Path dir = Files.createDirectories(Path.of(dump));
      Files.writeString(dir.resolve(name + ".html"), response.body());
    }
    return response;
  }

  private static String describe(HttpResponse<String> page, String side) {
    String html = page.body();
    return side + " " + html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1024 + " KiB, "
        + count(html, "<tr") + " <tr>, " + count(html, "<input") + " <input>, " + count(html, "<option") + " <option>";
  }

  private static int count(String html, String tag) {
    Matcher m = Pattern.compile(Pattern.quote(tag) + "[\\s>]").matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static HttpResponse<String> ok(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
          + response.statusCode() + " (expected " + status + "): " + response.body());
    }
    return response;
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
