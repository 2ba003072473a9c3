package io.kith.bench;

import io.kith.KithApplication;
import io.kith.testing.KithServer;
import io.kith.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kith in a JVM of its own, started from the benchmark's class path with the arguments of
 * {@link KithServer}, so that what is timed is Kith's own heap and garbage collector and not those
 * of the benchmark's client, recording server and replay. Its output and GC log go to files under
 * {@code target/}.
 */
final class KithProcess implements AutoCloseable {

  private static final Pattern PAUSE = Pattern.compile("Pause.* (\\d+(?:\\.\\d+)?)ms$");

  private final Process process;
  private final int port;
  private final Path gcLog;

  private KithProcess(Process process, int port, Path gcLog) {
    this.process = process;
    this.port = port;
    this.gcLog = gcLog;
  }

  /**
   * Starts Kith on {@code db} with the heap {@code heap} (as {@code -Xmx}) and the collector of
   * {@code -Dbench.gc} (G1, the JVM's own choice on this machine, unless told), and waits until it answers.
   */
  static KithProcess start(TestDatabase db, String heap) throws IOException, InterruptedException {
    int port = freePort();
    Path dir = Files.createDirectories(Path.of("target"));
    Path gcLog = dir.resolve("bench-kith-gc.log").toAbsolutePath();
    Path output = dir.resolve("bench-kith-server.log").toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms" + heap, "-Xmx" + heap, System.getProperty("bench.gc", "-XX:+UseG1GC"),
        "-Xlog:gc:file=" + gcLog,
        "-cp", System.getProperty("java.class.path"),
        KithApplication.class.getName()));
    command.addAll(KithServer.arguments(db, null, port));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    KithProcess kith = new KithProcess(process, port, gcLog);
    kith.awaitReady(output);
    return kith;
  }

  int port() {
    return port;
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The pauses its garbage collector logged so far: count, total and longest, in words. */
  String gcPauses() throws IOException {
    int count = 0;
    double total = 0;
    double longest = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = PAUSE.matcher(line);
      if (m.find()) {
        double ms = Double.parseDouble(m.group(1));
        count++;
        total += ms;
        longest = Math.max(longest, ms);
      }
    }
    return String.format(Locale.ROOT, "%d GC pauses, %.0f ms in all, longest %.1f ms", count, total, longest);
  }

  private void awaitReady(Path output) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/ui/kith.css")).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Kith's own JVM exited with " + process.exitValue() + "; see " + output);
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    close();
    throw new IllegalStateException("Kith's own JVM did not answer within 180 s; see " + output);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
