package io.kith.bench;

import io.kith.record.RecordService;
import io.kith.testing.KithServer;
import io.kith.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a request costs beyond its own work: times, one request at a time, a static file (no
 * sign-in), an authenticated call that reads nothing from the database, two quick searches and
 * each of the search benchmark's six advanced searches (one line each, so a slow variant shows),
 * by default on a small data set so the statements themselves take next to nothing. A tool for finding fixed
 * per-request costs (run it with {@code JAVA_TOOL_OPTIONS=-XX:StartFlightRecording=...} to profile);
 * prints figures, asserts nothing. Settings: {@code bench.contacts} (2,000), {@code bench.repeat}
 * (requests per kind, 3,000), {@code bench.database} (a kept database, reused when it holds enough contacts).
 */
public final class RequestCostProbe {

  private RequestCostProbe() {}

  public static void main(String[] args) throws Exception {
    int contacts = Integer.getInteger("bench.contacts", 2_000);
    int repeat = Integer.getInteger("bench.repeat", 3_000);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<String> lines = new ArrayList<>();
    String keep = System.getProperty("bench.database", "");
    try (TestDatabase db = keep.isEmpty() ? new TestDatabase() : TestDatabase.kept(keep);
        KithServer server = KithServer.start(db, null)) {
      if (db.count("contact") < contacts) {
        PeopleLoader.load(db, contacts);
        server.bean(RecordService.class).fillSearchColumns("contact").block();
      }
      String base = server.baseUrl();
      String bearer = "Bearer " + server.adminToken();
      List<HttpRequest> kinds = new ArrayList<>(List.of(
          HttpRequest.newBuilder(URI.create(base + "/ui/kith.css")).timeout(java.time.Duration.ofSeconds(10)).GET().build(),
          HttpRequest.newBuilder(URI.create(base + "/api/v1/meta/option-lists/gender")).timeout(java.time.Duration.ofSeconds(10)).header("Authorization", bearer).GET().build(),
          HttpRequest.newBuilder(URI.create(base + "/api/v1/search?q=han")).timeout(java.time.Duration.ofSeconds(10)).header("Authorization", bearer).GET().build(),
          HttpRequest.newBuilder(URI.create(base + "/api/v1/search?q=%E9%99%B3")).timeout(java.time.Duration.ofSeconds(10)).header("Authorization", bearer).GET().build()));
      List<String> labels = new ArrayList<>(kinds.stream().map(RequestCostProbe::label).toList());
      List<String> advanced = SearchBenchmark.advancedBodies();
      for (int i = 0; i < advanced.size(); i++) {
        kinds.add(HttpRequest.newBuilder(URI.create(base + "/api/v1/contact/search"))
            .timeout(java.time.Duration.ofSeconds(10)).header("Authorization", bearer).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(advanced.get(i))).build());
        labels.add("/api/v1/contact/search (advanced class, query " + (i + 1) + " of " + advanced.size() + ")");
      }
      for (int pass = 0; pass < 2; pass++) {
        for (int k = 0; k < kinds.size(); k++) {
          HttpRequest request = kinds.get(k);
          long[] times = new long[repeat];
          for (int i = 0; i < repeat; i++) {
            long s = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            times[i] = System.nanoTime() - s;
            if (response.statusCode() >= 400) {
              throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
          }
          if (pass == 1) {
            lines.add(String.format(Locale.ROOT, "%-60s p50 %6.2f ms  p95 %6.2f ms", labels.get(k),
                Latencies.percentileMillis(times, 50), Latencies.percentileMillis(times, 95)));
          }
        }
      }
    }
    lines.forEach(System.out::println);
  }

  private static String label(HttpRequest request) {
    URI uri = request.uri();
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
