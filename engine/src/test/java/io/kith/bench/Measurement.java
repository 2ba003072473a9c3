package io.kith.bench;

/** One timed run of one endpoint: throughput and client-side latency percentiles. */
record Measurement(long requests, long errors, double seconds, double p50Millis, double p99Millis) {

  static Measurement of(long[] latencyNanos, long errors, double seconds) {
    return new Measurement(latencyNanos.length, errors, seconds,
        Latencies.percentileMillis(latencyNanos, 50), Latencies.percentileMillis(latencyNanos, 99));
  }

  double requestsPerSecond() {
    return requests / seconds;
  }
}
