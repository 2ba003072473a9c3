package io.kith.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A closed-loop load generator: a fixed number of workers, each sending its next request as soon as
 * the previous answer is read, for a fixed time. Every request goes to the local server over
 * HTTP/1.1 keep-alive connections; latency is measured per request on the client.
 */
final class LoadGenerator implements AutoCloseable {

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final ExecutorService workers;
  private final int workerCount;

  LoadGenerator(int workerCount) {
    this.workerCount = workerCount;
    this.workers = Executors.newFixedThreadPool(workerCount, r -> {
      Thread t = new Thread(r, "bench-worker");
      t.setDaemon(true);
      return t;
    });
  }

  /** One request, for checks before the timed runs. */
  HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  Measurement run(Supplier<HttpRequest> requests, int expectedStatus, Duration duration) {
    return run(requests, expectedStatus, duration, workerCount);
  }

  /** Runs {@code concurrency} (at most the worker count) loops for {@code duration}. */
  Measurement run(Supplier<HttpRequest> requests, int expectedStatus, Duration duration, int concurrency) {
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    List<Future<long[]>> loops = new ArrayList<>();
    for (int i = 0; i < Math.min(concurrency, workerCount); i++) {
      loops.add(workers.submit(() -> loop(requests, expectedStatus, deadline, errors)));
    }
    long[] all = new long[0];
    for (Future<long[]> loop : loops) {
      try {
        all = Latencies.concat(all, loop.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return Measurement.of(all, errors.get(), seconds);
  }

  private long[] loop(Supplier<HttpRequest> requests, int expectedStatus, long deadline, AtomicLong errors) {
    long[] latencies = new long[8192];
    int n = 0;
    while (System.nanoTime() < deadline) {
      HttpRequest request = requests.get();
      long t0 = System.nanoTime();
      int status;
      try {
        status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (Exception e) {
        status = -1;
      }
      long t1 = System.nanoTime();
      if (status != expectedStatus) {
        errors.incrementAndGet();
        continue;
      }
      if (n == latencies.length) {
        latencies = Arrays.copyOf(latencies, n * 2);
      }
      latencies[n++] = t1 - t0;
    }
    return Arrays.copyOf(latencies, n);
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
