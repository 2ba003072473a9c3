package io.kith.bench;

import io.kith.testing.KithServer;
import io.kith.testing.TestDatabase;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The foundation benchmark. Makes a throw-away database, starts Kith with the hand-written
 * baselines beside it, loads contacts in bulk, warms up, then times each generic endpoint and its
 * baseline alternately for several rounds and prints medians. Settings (system properties):
 * {@code bench.contacts} (100000), {@code bench.rounds} (10), {@code bench.seconds} per run (1.5),
 * {@code bench.warmup} seconds per endpoint (5), {@code bench.workers} (8), {@code bench.only}
 * (run only scenarios whose name contains this text).
 *
 * <p>Run from the repository root: {@code mvn -B -ntp -Pbench -pl engine -am verify}.
 */
public final class KithBenchmark {

  private final int contacts = Integer.getInteger("bench.contacts", 100_000);
  private final int rounds = Integer.getInteger("bench.rounds", 10);
  private final Duration run = seconds("bench.seconds", "1.5");
  private final Duration warmup = seconds("bench.warmup", "5");
  private final int workers = Integer.getInteger("bench.workers", 8);
  private final String only = System.getProperty("bench.only", "");
  private final List<String> lines = new ArrayList<>();

  private KithBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchmarkRun.main(db -> {
      KithBenchmark bench = new KithBenchmark();
      bench.run(db);
      return bench.lines;
    });
  }


  private void run(TestDatabase db) throws Exception {
    try (KithServer server = KithServer.start(db, null, new Class<?>[] {BenchRoutes.class});
        LoadGenerator load = new LoadGenerator(workers)) {
      long t0 = System.nanoTime();
      ContactLoader.load(db, contacts);
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      String postgres = String.valueOf(db.query("show server_version").get(0).get("server_version"));
      Requests requests = new Requests(server.port(), server.adminToken(), contacts);
      List<String> checks = Checks.run(load, requests, contacts);
      List<Scenario> scenarios = scenarios(requests);
      ServerTimings timings = server.bean(ServerTimings.class);

      for (Scenario s : scenarios) {
        load.run(s.generic(), s.expectedStatus(), warmup);
        load.run(s.baseline(), s.expectedStatus(), warmup);
      }
      List<Report.Row> rows = new ArrayList<>();
      scenarios.forEach(s -> rows.add(new Report.Row(s.name(), new ArrayList<>(), new ArrayList<>())));
      long[][] formUnderLoad = {new long[0], new long[0]};
      long[][] formAlone = {new long[0], new long[0]};
      for (int round = 0; round < rounds; round++) {
        boolean genericFirst = round % 2 == 0;
        for (int i = 0; i < scenarios.size(); i++) {
          Scenario s = scenarios.get(i);
          for (boolean generic : new boolean[] {genericFirst, !genericFirst}) {
            timings.drain(BenchRoutes.GENERIC_FORM);
            timings.drain(BenchRoutes.BASELINE_FORM);
            Measurement m = load.run(s.side(generic), s.expectedStatus(), run);
            (generic ? rows.get(i).generic() : rows.get(i).baseline()).add(m);
            if (s.name().contains("/new")) {
              String path = generic ? BenchRoutes.GENERIC_FORM : BenchRoutes.BASELINE_FORM;
              int side = generic ? 0 : 1;
              formUnderLoad[side] = Latencies.concat(formUnderLoad[side], timings.drain(path));
              load.run(s.side(generic), s.expectedStatus(), run.dividedBy(2), 1);
              formAlone[side] = Latencies.concat(formAlone[side], timings.drain(path));
            }
          }
        }
      }

      lines.add("");
      lines.add("Kith foundation benchmark, "
          + ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      lines.add("CPUs " + Runtime.getRuntime().availableProcessors() + ", Java " + System.getProperty("java.version")
          + " (" + System.getProperty("java.vm.name") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MiB), PostgreSQL " + postgres + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
      lines.add(String.format(Locale.ROOT,
          "%d contacts loaded in %.1f s; %d workers over HTTP/1.1 to 127.0.0.1; %d rounds x %.1f s per side,"
              + " alternating which side goes first, after %.1f s warm-up per side", contacts, loadSeconds, workers,
          rounds, run.toMillis() / 1000.0, warmup.toMillis() / 1000.0));
      lines.add("Server, load generator and PostgreSQL share the machine. Figures are medians over rounds;"
          + " ratio = median over rounds of (generic req/s / baseline req/s in the same round).");
      lines.add("Checks before timing:");
      lines.addAll(checks);
      lines.add("");
      lines.add(Report.header());
      rows.forEach(r -> lines.add(Report.line(r)));
      if (formAlone[0].length > 0) {
        lines.add("");
        lines.add("New-contact form, server time (first web filter to response written):");
        lines.add(Report.serverTime("one request at a time:", formAlone[0], formAlone[1]));
        lines.add(Report.serverTime(workers + " workers (as above):", formUnderLoad[0], formUnderLoad[1]));
      }
      lines.add("");
      lines.add(targets(rows, formAlone[0]));
    }
  }

  private static Duration seconds(String property, String fallback) {
    return Duration.ofMillis(Math.round(Double.parseDouble(System.getProperty(property, fallback)) * 1000));
  }

  private List<Scenario> scenarios(Requests requests) {
    List<Scenario> all = List.of(
        new Scenario("GET /api/v1/contact/{id}", () -> requests.randomContact("/api/v1/contact/"),
            () -> requests.randomContact("/api/bench/contact/"), 200),
        new Scenario("POST /api/v1/contact", () -> requests.newContact("/api/v1/contact"),
            () -> requests.newContact("/api/bench/contact"), 201),
        new Scenario("GET /app/contact?size=50", () -> requests.get("/app/contact?size=50"),
            () -> requests.get(BenchRoutes.BASELINE_LIST), 200),
        new Scenario("GET /app/contact/new?subtype=indiv.", () -> requests.get("/app/contact/new?subtype=individual"),
            () -> requests.get(BenchRoutes.BASELINE_FORM), 200));
    return all.stream().filter(s -> s.name().toLowerCase(Locale.ROOT).contains(only.toLowerCase(Locale.ROOT))).toList();
  }

  private static String targets(List<Report.Row> rows, long[] formAlone) {
    List<String> out = new ArrayList<>();
    for (Report.Row row : rows) {
      if (row.name().startsWith("GET /api/") || row.name().startsWith("POST /api/")) {
        out.add(String.format(Locale.ROOT, "%s %.2fx (target >= 0.60x)", row.name().split(" ")[0] + " generic/baseline",
            row.ratio()));
      }
    }
    if (formAlone.length > 0) {
      out.add(String.format(Locale.ROOT, "form median server time %.3f ms (target <= 1 ms)",
          Latencies.percentileMillis(formAlone, 50)));
    }
    return "Targets: " + String.join("; ", out);
  }
}
