package io.kith.bench;

import io.kith.bench.SqlRecorder.Op;
import io.kith.record.RecordService;
import io.kith.testing.KithServer;
import io.kith.testing.TestDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search benchmark (issue: search fast at 1M records). Loads {@code bench.contacts} (1,000,000)
 * contacts with mixed Traditional and Simplified Chinese and Latin names, emails and phones into a
 * throw-away database, lets Kith fill their search columns, then for each query class times
 * requests over HTTP, one at a time, next to the very statements those requests sent (recorded
 * with r2dbc-proxy on a second Kith, so the timed one runs as in production) replayed directly on
 * a plain connection. Rounds alternate which side goes
 * first; figures are p50 and p95 over all samples of a side. Settings: {@code bench.contacts},
 * {@code bench.rounds} (5), {@code bench.repeat} (times each term is asked per round, 3),
 * {@code bench.database} (a database to keep, and to reuse when it holds enough contacts),
 * {@code bench.warmup} (seconds of untimed requests first; give 60).
 *
 * <p>Run from the repository root:
 * {@code mvn -B -ntp -Pbench -Dbench.main=io.kith.bench.SearchBenchmark -pl engine -am verify}.
 */
public final class SearchBenchmark {

  private final int contacts = Integer.getInteger("bench.contacts", 1_000_000);
  private final int rounds = Integer.getInteger("bench.rounds", 5);
  private final int repeat = Integer.getInteger("bench.repeat", 3);
  /** Seconds of requests before anything is timed, so the timed server runs compiled code as a live one would. */
  private final double warmup = Double.parseDouble(System.getProperty("bench.warmup", "60"));
  private final List<String> lines = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** One kind of search and the requests that stand for it. */
  private record QueryClass(String name, List<HttpRequest> requests) {}

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchmarkRun.main(db -> {
      SearchBenchmark bench = new SearchBenchmark();
      bench.run(db);
      return bench.lines;
    });
  }


  private void run(TestDatabase db) throws Exception {
    // Timed requests go to a plain Kith; a second one on the same database, with the driver wrapped
    // by the recorder (r2dbc-proxy, which costs time on every statement), only records what the
    // same requests send.
    try (KithServer server = KithServer.start(db, null);
        KithServer recording = KithServer.start(db, null, new Class<?>[] {SqlRecorder.class});
        SqlReplay direct = new SqlReplay(db)) {
      double loadSeconds = 0;
      double fillSeconds = 0;
      long filled = 0;
      long present = db.count("contact");
      if (present >= contacts) {
        // A kept database (-Dbench.database) loaded by an earlier run.
        System.out.printf(Locale.ROOT, "Reusing %d contacts of database %s%n", present, db.name());
      } else {
        long t0 = System.nanoTime();
        PeopleLoader.load(db, contacts);
        loadSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        filled = server.bean(RecordService.class).fillSearchColumns("contact").block();
        fillSeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "Loaded %d contacts in %.1f s; search columns of %d filled in %.1f s%n",
            contacts, loadSeconds, filled, fillSeconds);
      }
      // Timed on a settled table: not while autovacuum works through the rows the fill rewrote.
      for (String table : List.of("contact", "contact__emails", "contact__phones")) {
        db.execute("vacuum analyze " + table);
      }

      List<QueryClass> classes = classes(db, server.baseUrl(), "Bearer " + server.adminToken());
      List<QueryClass> toRecord = classes(db, recording.baseUrl(), "Bearer " + recording.adminToken());
      SqlRecorder recorder = recording.bean(SqlRecorder.class);
      List<String> checks = new ArrayList<>();
      for (List<QueryClass> side : List.of(classes, toRecord)) {
        for (QueryClass c : side) {
          for (HttpRequest request : c.requests()) {
            for (int i = 0; i < 3; i++) {
              send(request);
            }
          }
        }
      }
      for (QueryClass c : classes) {
        HttpResponse<String> sample = send(c.requests().get(0));
        checks.add(String.format(Locale.ROOT, "  %-28s %s -> %s", c.name(), describe(c.requests().get(0)),
            abbreviate(sample.body())));
      }
      // What each request sends to the database, recorded once the caches are warm.
      Map<HttpRequest, List<Op>> recorded = new java.util.HashMap<>();
      for (int i = 0; i < classes.size(); i++) {
        for (int j = 0; j < classes.get(i).requests().size(); j++) {
          HttpRequest twin = toRecord.get(i).requests().get(j);
          recorded.put(classes.get(i).requests().get(j), recorder.record(() -> send(twin)));
        }
      }

      // Warm-up: the server's JIT compiles its hot paths within some thousands of requests (a cold
      // advanced search took 10-19 ms at p50, a warm one 5-6 ms); the replay's driver warms too.
      int warmed = 0;
      long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
      while (System.nanoTime() < warmEnd) {
        for (QueryClass c : classes) {
          for (HttpRequest request : c.requests()) {
            send(request);
            warmed++;
          }
        }
      }
      long replayEnd = System.nanoTime() + (long) (warmup / 4 * 1e9);
      while (System.nanoTime() < replayEnd) {
        recorded.values().forEach(direct::run);
      }
      System.out.printf(Locale.ROOT, "Warmed up with %d requests in %.0f s%n", warmed, warmup);

      List<long[]> generic = new ArrayList<>();
      List<long[]> sql = new ArrayList<>();
      classes.forEach(c -> {
        generic.add(new long[0]);
        sql.add(new long[0]);
      });
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < classes.size(); i++) {
          QueryClass c = classes.get(i);
          boolean httpFirst = (round + i) % 2 == 0;
          for (boolean overHttp : new boolean[] {httpFirst, !httpFirst}) {
            long[] times = new long[c.requests().size() * repeat];
            int n = 0;
            for (int r = 0; r < repeat; r++) {
              for (HttpRequest request : c.requests()) {
                long s = System.nanoTime();
                if (overHttp) {
                  send(request);
                } else {
                  direct.run(recorded.get(request));
                }
                times[n++] = System.nanoTime() - s;
              }
            }
            if (overHttp) {
              generic.set(i, Latencies.concat(generic.get(i), times));
            } else {
              sql.set(i, Latencies.concat(sql.get(i), times));
            }
          }
        }
      }

      String postgres = String.valueOf(db.query("show server_version").get(0).get("server_version"));
      lines.add("");
      lines.add("Kith search benchmark, "
          + ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      lines.add("CPUs " + Runtime.getRuntime().availableProcessors() + ", Java " + System.getProperty("java.version")
          + ", PostgreSQL " + postgres);
      lines.add(String.format(Locale.ROOT, "%d contacts (40%% 繁, 20%% 简, 40%% Latin names; %d emails, %d phones)",
          db.count("contact"), db.count("contact__emails"), db.count("contact__phones"))
          + (filled == 0 ? ", reused from an earlier run" : String.format(Locale.ROOT,
              " loaded in %.1f s; search columns filled by Kith in %.1f s (%.0f rows/s)", loadSeconds, fillSeconds,
              filled / fillSeconds)));
      lines.add(String.format(Locale.ROOT,
          "After %.0f s of warm-up, one request at a time; %d rounds, each term %d times per round and side, alternating which side goes"
              + " first. HTTP = GET /api/v1/search (or POST /api/v1/contact/search) from 127.0.0.1;"
              + " SQL = the statements the same requests sent to a second Kith with a recording driver,"
              + " replayed on a plain connection.",
          warmup, rounds, repeat));
      lines.add("Sample answers:");
      lines.addAll(checks);
      lines.add("");
      lines.add(String.format(Locale.ROOT, "%-28s | %8s %8s | %8s %8s | %s", "query class", "HTTP p50", "p95",
          "SQL p50", "p95", "HTTP/SQL p50, p95 (target p95 <= 20 ms and <= 2x)"));
      for (int i = 0; i < classes.size(); i++) {
        double hp50 = Latencies.percentileMillis(generic.get(i), 50);
        double hp95 = Latencies.percentileMillis(generic.get(i), 95);
        double sp50 = Latencies.percentileMillis(sql.get(i), 50);
        double sp95 = Latencies.percentileMillis(sql.get(i), 95);
        lines.add(String.format(Locale.ROOT, "%-28s | %8.2f %8.2f | %8.2f %8.2f | %.2fx, %.2fx  %s",
            classes.get(i).name(), hp50, hp95, sp50, sp95, hp50 / sp50, hp95 / sp95,
            hp95 <= 20 && hp95 <= 2 * sp95 ? "met" : "MISSED"));
      }
    }
  }

  /** The query classes of the issue, with terms taken from the loaded data where they must match it. */
  private List<QueryClass> classes(TestDatabase db, String base, String authorization) {
    List<QueryClass> out = new ArrayList<>();
    out.add(new QueryClass("1-char CJK", quick(base, authorization, "陳", "李", "張", "黃", "王", "林", "陈", "张", "刘", "周")));
    out.add(new QueryClass("2-char CJK", quick(base, authorization, "大文", "美玲", "志偉", "嘉欣", "家豪", "俊傑", "志伟", "晓彤",
        "国强", "丽华")));
    out.add(new QueryClass("3+ char Latin contains", quick(base, authorization, "han", "ong", "eung", "mith", "ary", "elvin",
        "ing yan", "eter", "race", "tsan")));
    List<String> emails = new ArrayList<>();
    for (Map<String, Object> row : db.query("select email from contact__emails where position = 0"
        + " order by md5(email) limit 10")) {
      String local = ((String) row.get("email")).split("@")[0];
      emails.add(local.substring(0, Math.max(4, local.length() - 2)));
    }
    out.add(new QueryClass("email prefix", quick(base, authorization, emails.toArray(String[]::new))));
    List<String> phones = new ArrayList<>();
    for (Map<String, Object> row : db.query("select phone from contact__phones order by md5(phone) limit 10")) {
      String[] groups = ((String) row.get("phone")).split(" ");
      String local = String.join(" ", java.util.Arrays.copyOfRange(groups, 1, groups.length));
      phones.add(local.substring(local.length() - 7));
    }
    out.add(new QueryClass("phone fragment", quick(base, authorization, phones.toArray(String[]::new))));
    List<HttpRequest> advanced = new ArrayList<>();
    for (String body : advancedBodies()) {
      advanced.add(HttpRequest.newBuilder(URI.create(base + "/api/v1/contact/search"))
          .header("Authorization", authorization).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
    out.add(new QueryClass("advanced: 2 filters + sort", advanced));
    return out;
  }

  private static List<HttpRequest> quick(String base, String authorization, String... terms) {
    List<HttpRequest> out = new ArrayList<>();
    for (String term : terms) {
      out.add(HttpRequest.newBuilder(URI.create(base + "/api/v1/search?q=" + URLEncoder.encode(term, StandardCharsets.UTF_8)))
          .header("Authorization", authorization).timeout(Duration.ofSeconds(30)).GET().build());
    }
    return out;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(describe(request) + " answered " + response.statusCode() + ": " + response.body());
      }
      return response;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(describe(request) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String describe(HttpRequest request) {
    return request.method() + " " + java.net.URLDecoder.decode(request.uri().getRawPath() + (request.uri().getRawQuery() == null
        ? "" : "?" + request.uri().getRawQuery()), StandardCharsets.UTF_8);
  }

  private static String abbreviate(String body) {
    return body.length() <= 110 ? body : body.substring(0, 110) + "…";
  }

  /** The advanced class's queries: gender and one second filter, sorted by name, 20 a page, three columns. */
  static List<String> advancedBodies() {
    List<String> bodies = new ArrayList<>();
    for (String gender : List.of("female", "male")) {
      for (String second : List.of("{\"field\": \"do_not_phone\", \"op\": \"eq\", \"value\": false}",
          "{\"field\": \"birth_date\", \"op\": \"lt\", \"value\": \"1960-01-01\"}",
          "{\"field\": \"preferred_communication_methods\", \"op\": \"in\", \"value\": [\"email\"]}")) {
        bodies.add("{\"filter\": {\"and\": [{\"field\": \"gender\", \"op\": \"eq\", \"value\": \"" + gender + "\"}, "
            + second + "]}, \"sort\": [\"display_name\"], \"page\": 1, \"size\": 20,"
            + " \"columns\": [\"display_name\", \"gender\", \"birth_date\"]}");
      }
    }
    return bodies;
  }
}
