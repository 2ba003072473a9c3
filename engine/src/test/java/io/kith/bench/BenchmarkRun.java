package io.kith.bench;

import io.kith.testing.TestDatabase;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * The frame of a benchmark run: a throw-away database (or, with {@code -Dbench.database=NAME}, a
 * named one that is kept for the next run), the report, and the run's time and load.
 */
final class BenchmarkRun {

  /** A benchmark's work on its database; emits the report's lines. */
  interface Body {
    List<String> run(TestDatabase db) throws Exception;
  }

  private BenchmarkRun() {}

  static void main(Body body) throws Exception {
    long began = System.nanoTime();
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    List<String> lines;
    String database;
    String keep = System.getProperty("bench.database", "");
    try (TestDatabase db = keep.isEmpty() ? new TestDatabase() : TestDatabase.kept(keep)) {
      database = db.name();
      lines = body.run(db);
    }
    lines.forEach(System.out::println);
    System.out.println(String.format(Locale.ROOT,
        "Total run time %.0f s; machine's 1-minute load average before the run %.1f; database %s %s.",
        (System.nanoTime() - began) / 1e9, loadBefore, database, keep.isEmpty() ? "dropped" : "kept"));
  }
}
