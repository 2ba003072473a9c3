package io.kith.bench;

import io.kith.bench.Http1Client.Request;
import io.kith.record.RecordService;
import io.kith.testing.KithServer;
import io.kith.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * What a request costs beyond its own work: times, one request at a time, a static file (no
 * sign-in), an authenticated call that reads nothing from the database, two quick searches and
 * each of the search benchmark's six advanced searches (one line each, so a slow variant shows),
 * by default on a small data set so the statements themselves take next to nothing. The first two
 * are also timed with the JDK's {@code HttpClient}, to show what the client alone adds. Kith runs in
 * a JVM of its own ({@link KithProcess}). A tool for finding fixed per-request costs; prints
 * figures, asserts nothing. Settings: {@code bench.contacts} (2,000), {@code bench.repeat}
 * (requests per kind, 3,000), {@code bench.database} (a kept database, reused when it holds enough
 * contacts), {@code bench.server.heap} (1g).
 */
public final class RequestCostProbe {

  private RequestCostProbe() {}

  public static void main(String[] args) throws Exception {
    int contacts = Integer.getInteger("bench.contacts", 2_000);
    int repeat = Integer.getInteger("bench.repeat", 3_000);
    List<String> lines = new ArrayList<>();
    String keep = System.getProperty("bench.database", "");
    try (TestDatabase db = keep.isEmpty() ? new TestDatabase() : TestDatabase.kept(keep)) {
      String bearer;
      try (KithServer loader = KithServer.start(db, null)) {
        if (db.count("contact") < contacts) {
          PeopleLoader.load(db, contacts);
          loader.bean(RecordService.class).fillSearchColumns("contact").block();
        }
        bearer = "Bearer " + loader.adminToken();
      }
      try (KithProcess server = KithProcess.start(db, System.getProperty("bench.server.heap", "1g"));
          Http1Client raw = new Http1Client("127.0.0.1", server.port())) {
        List<Request> kinds = new ArrayList<>(List.of(
            Request.get("/ui/kith.css", null),
            Request.get("/api/v1/meta/option-lists/gender", bearer),
            Request.get("/api/v1/search?q=han", bearer),
            Request.get("/api/v1/search?q=%E9%99%B3", bearer)));
        List<String> labels = new ArrayList<>(kinds.stream().map(Request::path).toList());
        List<String> advanced = SearchBenchmark.advancedBodies();
        for (int i = 0; i < advanced.size(); i++) {
          kinds.add(Request.postJson("/api/v1/contact/search", bearer, advanced.get(i)));
          labels.add("/api/v1/contact/search (advanced class, query " + (i + 1) + " of " + advanced.size() + ")");
        }
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int pass = 0; pass < 2; pass++) {
          for (int k = 0; k < kinds.size(); k++) {
            Request request = kinds.get(k);
            long[] times = time(repeat, request, r -> raw.send(r).status());
            if (pass == 1) {
              lines.add(line(labels.get(k), times));
            }
            if (k < 2) {
              HttpRequest twin = jdkRequest(server.port(), request);
              long[] jdkTimes = time(repeat, request, r -> send(jdk, twin));
              if (pass == 1) {
                lines.add(line(labels.get(k) + " (JDK HttpClient)", jdkTimes));
              }
            }
          }
        }
        lines.add("Kith's own JVM: " + server.gcPauses());
      }
    }
    lines.forEach(System.out::println);
  }

  private static long[] time(int repeat, Request request, ToIntFunction<Request> send) {
    long[] times = new long[repeat];
    for (int i = 0; i < repeat; i++) {
      long s = System.nanoTime();
      int status = send.applyAsInt(request);
      times[i] = System.nanoTime() - s;
      if (status >= 400) {
        throw new IllegalStateException(request.path() + " answered " + status);
      }
    }
    return times;
  }

  private static String line(String label, long[] times) {
    return String.format(Locale.ROOT, "%-60s p50 %6.2f ms  p95 %6.2f ms", label,
        Latencies.percentileMillis(times, 50), Latencies.percentileMillis(times, 95));
  }

  private static HttpRequest jdkRequest(int port, Request request) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path()))
        .timeout(Duration.ofSeconds(10)).GET();
    if (request.authorization() != null) {
      b.header("Authorization", request.authorization());
    }
    return b.build();
  }

  private static int send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
