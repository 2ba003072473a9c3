package io.kith.bench;

import java.util.List;
import java.util.Locale;

/** The printed table: one line per scenario, medians over rounds. */
final class Report {

  /** All rounds of one scenario, each a generic and a baseline measurement. */
  record Row(String name, List<Measurement> generic, List<Measurement> baseline) {

    double ratio() {
      return Latencies.median(ratios());
    }

    double[] ratios() {
      double[] out = new double[generic.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = generic.get(i).requestsPerSecond() / baseline.get(i).requestsPerSecond();
      }
      return out;
    }

    long errors() {
      return generic.stream().mapToLong(Measurement::errors).sum() + baseline.stream().mapToLong(Measurement::errors).sum();
    }
  }

  private Report() {}

  static String header() {
    return String.format(Locale.ROOT, "%-34s | %9s %8s %8s | %9s %8s %8s | %-17s",
        "scenario", "gen req/s", "p50 ms", "p99 ms", "base req/s", "p50 ms", "p99 ms", "ratio (min-max)");
  }

  static String line(Row row) {
    double[] ratios = row.ratios();
    java.util.Arrays.sort(ratios);
    return String.format(Locale.ROOT, "%-34s | %9.0f %8.2f %8.2f | %9.0f %8.2f %8.2f | %.2f (%.2f-%.2f)%s",
        row.name(),
        median(row.generic(), Measurement::requestsPerSecond), median(row.generic(), Measurement::p50Millis),
        median(row.generic(), Measurement::p99Millis),
        median(row.baseline(), Measurement::requestsPerSecond), median(row.baseline(), Measurement::p50Millis),
        median(row.baseline(), Measurement::p99Millis),
        row.ratio(), ratios[0], ratios[ratios.length - 1],
        row.errors() == 0 ? "" : "  (" + row.errors() + " failed requests left out)");
  }

  static String serverTime(String label, long[] generic, long[] baseline) {
    return String.format(Locale.ROOT, "  %-26s generic p50 %6.3f ms  p99 %6.3f ms (n=%d) | baseline p50 %6.3f ms  p99 %6.3f ms (n=%d)",
        label, Latencies.percentileMillis(generic, 50), Latencies.percentileMillis(generic, 99), generic.length,
        Latencies.percentileMillis(baseline, 50), Latencies.percentileMillis(baseline, 99), baseline.length);
  }

  private static double median(List<Measurement> runs, java.util.function.ToDoubleFunction<Measurement> value) {
    return Latencies.median(runs.stream().mapToDouble(value).toArray());
  }
}
