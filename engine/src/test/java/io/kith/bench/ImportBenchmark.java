package io.kith.bench;

import io.kith.testing.KithServer;
import io.kith.testing.TestDatabase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactories;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import benchmark (prints figures; not a test). For each size in {@code bench.import.rows}
 * (default {@code 100000}; e.g. {@code 100000,1000000}) it writes a CSV of contacts with nine
 * columns (names, email, phone, city, gender, birth date, source, external id), imports it through
 * Kith's API with email dedupe on (skip), and in the same run loads the same file with PostgreSQL's
 * own {@code COPY FROM STDIN} into a table with the same columns; it prints rows per second of
 * both, the ratio, the JVM's CPU time per row (in all, and by kind of thread: the record checks on
 * Reactor's parallel threads, the garbage collector, the JIT, the event loop) and its peak resident
 * memory (VmHWM; Kith runs in this JVM). A third
 * figure is the floor PostgreSQL itself sets for Kith's storage: the rows Kith wrote (contacts,
 * their emails, phones and addresses, their history entries) inserted again, server-side, into
 * copies of those tables with the same indexes (the quick-search GIN index among them).
 *
 * <p>{@code bench.import.warmup} (default 0) first imports that many rows into a database of its
 * own, so the timed imports run compiled code rather than paying for the JIT's work.
 *
 * <p>Run: {@code mvn -B -ntp -Pbench -pl engine -am verify -Dbench.main=io.kith.bench.ImportBenchmark}.
 */
public final class ImportBenchmark {

  private static final String PROFILE = """
      {"name": "bench", "entity": "contact", "subtype": "individual",
       "columns": [{"column": "First Name", "field": "first_name"}, {"column": "Last Name", "field": "last_name"},
                   {"column": "Email", "field": "emails.email", "row": {"location_type": "home"}},
                   {"column": "Phone", "field": "phones.phone"}, {"column": "City", "field": "addresses.city"},
                   {"column": "Gender", "field": "gender"}, {"column": "Birth Date", "field": "birth_date"},
                   {"column": "Source", "field": "source"}, {"column": "External ID", "field": "external_identifier"}],
       "duplicates": {"mode": "skip", "key": ["emails.email"]}}""";

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    List<String> report = new ArrayList<>();
    report.add(String.format(Locale.ROOT, "%-10s | %12s %10s %12s | %12s %10s | %6s | %12s %10s | %s", "rows", "Kith rows/s",
        "Kith s", "JVM CPU ms/row", "COPY rows/s", "COPY s", "ratio", "floor rows/s", "floor s",
        "peak RSS MB after Kith, at the end"));
    int warmup = Integer.getInteger("bench.import.warmup", 0);
    if (warmup > 0) {
      report.add(warmUp(warmup));
    }
    for (String size : System.getProperty("bench.import.rows", "100000").split(",")) {
      int rows = Integer.parseInt(size.strip());
      Path file = Files.createTempFile("kith-import-bench", ".csv");
      try (TestDatabase db = new TestDatabase()) {
        write(file, rows);
        Run run = kith(db, file, rows);
        double kith = run.seconds();
        double cpuPerRow = run.cpuSeconds() * 1e3 / rows;
        long kithRss = peakRssMb();
        double copy = copy(db, file, rows);
        double floor = floor(db);
        report.add(String.format(Locale.ROOT, "%-10d | %12.0f %10.1f %12.3f | %12.0f %10.1f | %6.3f | %12.0f %10.1f | %d, %d",
            rows, rows / kith, kith, cpuPerRow, rows / copy, copy, copy / kith, rows / floor, floor, kithRss, peakRssMb()));
        report.add("           JVM CPU ms/row by thread: " + run.cpuByThread());
      } finally {
        Files.deleteIfExists(file);
      }
    }
    report.forEach(System.out::println);
    System.out.println(String.format(Locale.ROOT, "Machine's 1-minute load average before the run: %.1f", load));
  }

  /**
   * An import of {@code rows} into a database of its own before the timed ones, so that their
   * figures are those of code the JIT has compiled (a running server's), not of its compilation.
   */
  private static String warmUp(int rows) throws IOException {
    Path file = Files.createTempFile("kith-import-warmup", ".csv");
    try (TestDatabase db = new TestDatabase()) {
      write(file, rows);
      Run run = kith(db, file, rows);
      return String.format(Locale.ROOT, "(warm-up: %d rows at %.0f rows/s, %.3f ms JVM CPU/row, before the timed runs)",
          rows, rows / run.seconds(), run.cpuSeconds() * 1e3 / rows);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * One timed import: seconds from the upload until the job has finished, and this JVM's CPU
   * meanwhile, in all and per row by kind of thread (see {@link ThreadCpu}).
   */
  private record Run(double seconds, double cpuSeconds, String cpuByThread) {}

  private static Run kith(TestDatabase db, Path file, int rows) {
    try (KithServer server = KithServer.start(db, null, "--kith.import.max-bytes=4000000000",
        "--kith.import.max-rows=" + rows, "--kith.import.poll=100ms",
        "--kith.import.batch-size=" + Integer.getInteger("bench.import.batch", 2000))) {
      WebTestClient client = WebTestClient.bindToServer().baseUrl(server.baseUrl())
          .defaultHeader("Authorization", "Bearer " + server.adminToken())
          .responseTimeout(Duration.ofMinutes(10)).build();
      MultipartBodyBuilder parts = new MultipartBodyBuilder();
      parts.part("file", new FileSystemResource(file)).contentType(MediaType.parseMediaType("text/csv"));
      parts.part("profile", PROFILE);
      long t0 = System.nanoTime();
      long cpu0 = processCpuNanos();
      Map<ThreadCpu.Group, Double> threads0 = ThreadCpu.now();
      // A plain WebClient for the upload: WebTestClient keeps a copy of every request body it sends.
      byte[] started = WebClient.builder().baseUrl(server.baseUrl())
          .defaultHeader("Authorization", "Bearer " + server.adminToken()).build()
          .post().uri("/api/v1/imports").contentType(MediaType.MULTIPART_FORM_DATA)
          .body(BodyInserters.fromMultipartData(parts.build())).retrieve().bodyToMono(byte[].class)
          .block(Duration.ofMinutes(10));
      long id = JsonMapper.shared().readTree(started).get("id").asLong();
      while (true) {
        JsonNode status = JsonMapper.shared().readTree(client.get().uri("/api/v1/imports/" + id).exchange()
            .expectBody().returnResult().getResponseBody());
        if (!status.get("finishedAt").isNull()) {
          double seconds = (System.nanoTime() - t0) / 1e9;
          double cpu = (processCpuNanos() - cpu0) / 1e9;
          if (status.get("created").asLong() != rows) {
            throw new IllegalStateException("Kith imported " + status + ", expected " + rows + " new contacts");
          }
          return new Run(seconds, cpu, ThreadCpu.perRow(threads0, ThreadCpu.now(), rows));
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Seconds PostgreSQL's COPY FROM STDIN takes for the same file into a table of the same columns. */
  private static double copy(TestDatabase db, Path file, int rows) {
    db.execute("""
        create table copy_contact (first_name varchar(64), last_name varchar(64), email text, phone text,
          city varchar(64), gender varchar(64), birth_date date, source varchar(255),
          external_identifier varchar(64) unique)""");
    long t0 = System.nanoTime();
    Long copied = Mono.usingWhen(Mono.from(ConnectionFactories.get(db.url().replace("r2dbc:postgresql://",
                "r2dbc:postgresql://postgres@")).create()),
            c -> ((PostgresqlConnection) c).copyIn("copy copy_contact from stdin with (format csv, header true)",
                chunks(file)),
            c -> Mono.from(c.close()))
        .block();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (copied == null || copied != rows) {
      throw new IllegalStateException("COPY loaded " + copied + " rows, expected " + rows);
    }
    return seconds;
  }

  /**
   * Seconds PostgreSQL takes to insert the rows Kith wrote again, server-side (no parsing, no
   * network), into copies of Kith's tables with the same indexes: what the storage itself costs.
   */
  private static double floor(TestDatabase db) {
    List<String> tables = List.of("public.contact", "public.contact__emails", "public.contact__phones",
        "public.contact__addresses", "kith.record_history");
    for (String table : tables) {
      db.execute("create table " + table + "_floor (like " + table + " including all)");
    }
    db.execute("checkpoint");
    long t0 = System.nanoTime();
    db.execute(String.join("; ", tables.stream().map(t -> "insert into " + t + "_floor overriding system value select * from " + t).toList()));
    return (System.nanoTime() - t0) / 1e9;
  }

  private static Flux<ByteBuf> chunks(Path file) {
    return Flux.using(() -> Files.newInputStream(file), in -> Flux.<ByteBuf>generate(sink -> {
      try {
        byte[] buffer = new byte[256 * 1024];
        int n = in.read(buffer);
        if (n < 0) {
          sink.complete();
        } else {
          sink.next(Unpooled.wrappedBuffer(buffer, 0, n));
        }
      } catch (IOException e) {
        sink.error(e);
      }
    }), ImportBenchmark::close);
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  private static void write(Path file, int rows) throws IOException {
    String[] cities = {"Hong Kong", "Kowloon", "Sha Tin", "Tsuen Wan", "深圳", "廣州"};
    String[] genders = {"male", "female", "other"};
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("First Name,Last Name,Email,Phone,City,Gender,Birth Date,Source,External ID\r\n");
      for (int i = 0; i < rows; i++) {
        out.write("Person" + i + ",陳" + (i % 1000) + ",person" + i + "@bench.example.com,+852 " + (20000000 + i) + ","
            + cities[i % cities.length] + "," + genders[i % 3] + "," + (1930 + i % 70) + "-0" + (1 + i % 9) + "-1"
            + (i % 9) + ",benchmark,ext-" + i + "\r\n");
      }
    }
  }

  /**
   * CPU time of this JVM so far: during the import that is Kith's own work (start-up, checks,
   * encoding, garbage collection, JIT) and the benchmark's polling of the job, not PostgreSQL's.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException ignored) {
      // not on Linux
    }
    return -1;
  }
}
