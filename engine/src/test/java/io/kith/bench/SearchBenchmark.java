package io.kith.bench;

import io.kith.bench.SqlRecorder.Op;
import io.kith.record.RecordService;
import io.kith.testing.KithServer;
import io.kith.testing.TestDatabase;
import io.kith.bench.Http1Client.Request;
import io.kith.bench.Http1Client.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * a plain connection. The timed Kith runs in a JVM of its own ({@link KithProcess}) and is asked
 * over one kept-alive socket ({@link Http1Client}), so its figures hold neither the benchmark's
 * garbage collections nor the JDK client's thread hand-offs. Rounds alternate which side goes
 * first; figures are p50 and p95 over all samples of a side. Settings: {@code bench.contacts},
 * {@code bench.rounds} (5), {@code bench.repeat} (times each term is asked per round, 3),
 * {@code bench.database} (a database to keep, and to reuse when it holds enough contacts),
 * {@code bench.warmup} (seconds of untimed requests first; give 60), {@code bench.server.heap}
 * (the timed Kith's heap, 1g).
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
  /** The timed server's heap ({@code -Xms} and {@code -Xmx} of its own JVM). */
  private final String serverHeap = System.getProperty("bench.server.heap", "1g");
  private final List<String> lines = new ArrayList<>();

  /** One kind of search and the requests that stand for it. */
  private record QueryClass(String name, List<Request> requests) {}

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchmarkRun.main(db -> {
      SearchBenchmark bench = new SearchBenchmark();
      bench.run(db);
      return bench.lines;
    });
  }


  private void run(TestDatabase db) throws Exception {
    // Timed requests go to a plain Kith in a JVM of its own (its heap and GC are not shared with
    // the client and the replay here); a second one in this JVM, on the same database, with the
    // driver wrapped by the recorder (r2dbc-proxy, which costs time on every statement), only
    // records what the same requests send.
    // A third, plain one fills the search columns after a fresh load; it is started before the load
    // (so its start-up does not fill them itself) and stays open: closing a Kith in this JVM would
    // dispose of Reactor Netty's shared event loops, the recording server's among them.
    try (KithServer recording = KithServer.start(db, null, new Class<?>[] {SqlRecorder.class});
        KithServer filler = KithServer.start(db, null);
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
        filled = filler.bean(RecordService.class).fillSearchColumns("contact").block();
        fillSeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "Loaded %d contacts in %.1f s; search columns of %d filled in %.1f s%n",
            contacts, loadSeconds, filled, fillSeconds);
      }
      // Timed on a settled table: not while autovacuum works through the rows the fill rewrote.
      for (String table : List.of("contact", "contact__emails", "contact__phones")) {
        db.execute("vacuum analyze " + table);
      }

      try (KithProcess server = KithProcess.start(db, serverHeap);
          Http1Client timed = new Http1Client("127.0.0.1", server.port());
          Http1Client recordingClient = new Http1Client("127.0.0.1", recording.port())) {
        List<QueryClass> classes = classes(db, "Bearer " + recording.adminToken());
        SqlRecorder recorder = recording.bean(SqlRecorder.class);
        List<String> checks = new ArrayList<>();
        for (Http1Client side : List.of(timed, recordingClient)) {
          for (QueryClass c : classes) {
            for (Request request : c.requests()) {
              for (int i = 0; i < 3; i++) {
                send(side, request);
              }
            }
          }
        }
        for (QueryClass c : classes) {
          Response sample = send(timed, c.requests().get(0));
          checks.add(String.format(Locale.ROOT, "  %-28s %s -> %s", c.name(), describe(c.requests().get(0)),
              abbreviate(sample.body())));
        }
        // What each request sends to the database, recorded once the caches are warm.
        Map<Request, List<Op>> recorded = new java.util.HashMap<>();
        for (QueryClass c : classes) {
          for (Request request : c.requests()) {
            recorded.put(request, recorder.record(() -> send(recordingClient, request)));
          }
        }

        // Warm-up: the server's JIT compiles its hot paths within some thousands of requests (a cold
        // advanced search took 10-19 ms at p50, a warm one 5-6 ms); the replay's driver warms too.
        int warmed = 0;
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < warmEnd) {
          for (QueryClass c : classes) {
            for (Request request : c.requests()) {
              send(timed, request);
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
                for (Request request : c.requests()) {
                  long s = System.nanoTime();
                  if (overHttp) {
                    send(timed, request);
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
                + " first. HTTP = GET /api/v1/search (or POST /api/v1/contact/search) to Kith in a JVM of its own, from 127.0.0.1"
                + " over one kept-alive socket (Http1Client);"
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
        lines.add("Timed server (a JVM of its own, -Xmx" + serverHeap + "), whole run: " + server.gcPauses());
      }
    }
  }

  /** The query classes of the issue, with terms taken from the loaded data where they must match it. */
  private List<QueryClass> classes(TestDatabase db, String authorization) {
    List<QueryClass> out = new ArrayList<>();
    out.add(new QueryClass("1-char CJK", quick(authorization, "陳", "李", "張", "黃", "王", "林", "陈", "张", "刘", "周")));
    out.add(new QueryClass("2-char CJK", quick(authorization, "大文", "美玲", "志偉", "嘉欣", "家豪", "俊傑", "志伟", "晓彤",
        "国强", "丽华")));
    out.add(new QueryClass("3+ char Latin contains", quick(authorization, "han", "ong", "eung", "mith", "ary", "elvin",
        "ing yan", "eter", "race", "tsan")));
    List<String> emails = new ArrayList<>();
    for (Map<String, Object> row : db.query("select email from contact__emails where position = 0"
        + " order by md5(email) limit 10")) {
      String local = ((String) row.get("email")).split("@")[0];
      emails.add(local.substring(0, Math.max(4, local.length() - 2)));
    }
    out.add(new QueryClass("email prefix", quick(authorization, emails.toArray(String[]::new))));
    List<String> phones = new ArrayList<>();
    for (Map<String, Object> row : db.query("select phone from contact__phones order by md5(phone) limit 10")) {
      String[] groups = ((String) row.get("phone")).split(" ");
      String local = String.join(" ", java.util.Arrays.copyOfRange(groups, 1, groups.length));
      phones.add(local.substring(local.length() - 7));
    }
    out.add(new QueryClass("phone fragment", quick(authorization, phones.toArray(String[]::new))));
    List<Request> advanced = new ArrayList<>();
    for (String body : advancedBodies()) {
      advanced.add(Request.postJson("/api/v1/contact/search", authorization, body));
    }
    out.add(new QueryClass("advanced: 2 filters + sort", advanced));
    return out;
  }

  private static List<Request> quick(String authorization, String... terms) {
    List<Request> out = new ArrayList<>();
    for (String term : terms) {
      out.add(Request.get("/api/v1/search?q=" + URLEncoder.encode(term, StandardCharsets.UTF_8), authorization));
    }
    return out;
  }

  private static Response send(Http1Client client, Request request) {
    Response response = client.send(request);
    if (response.status() != 200) {
      throw new IllegalStateException(describe(request) + " answered " + response.status() + ": " + response.body());
    }
    return response;
  }

  private static String describe(Request request) {
    return request.method() + " " + java.net.URLDecoder.decode(request.path(), StandardCharsets.UTF_8);
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
