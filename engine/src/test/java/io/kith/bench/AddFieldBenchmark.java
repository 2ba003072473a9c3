package io.kith.bench;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Adding a field to an entity type with many rows (issue 3: under a second at 1M rows): fills
 * {@code contact} with {@code bench.contacts} rows, then times, through the API, a dry run and the
 * real additions of a nullable text, an integer and an option field (each: validate the model, plan,
 * {@code alter table ... add column} with the revision in one transaction, publish). A benchmark,
 * not a test: it prints the figures.
 *
 * <pre>mvn -B -ntp -Pbench -pl engine -am verify -Dbench.main=io.kith.bench.AddFieldBenchmark -Dbench.contacts=1000000</pre>
 */
public final class AddFieldBenchmark {

  private AddFieldBenchmark() {}

  public static void main(String[] args) throws Exception {
    int contacts = Integer.getInteger("bench.contacts", 1_000_000);
    BenchmarkRun.main(db -> {
      List<String> lines = new ArrayList<>();
      try (KithServer server = KithServer.start(db, null)) {
        long loading = System.nanoTime();
        db.execute("insert into contact (subtype, first_name, last_name, external_identifier) "
            + "select 'individual', 'Tai Man', 'Chan ' || g, 'P' || g from generate_series(1, " + contacts + ") g");
        db.execute("analyze contact");
        lines.add(String.format(Locale.ROOT, "Loaded %,d contacts in %.1f s.", db.count("contact"),
            (System.nanoTime() - loading) / 1e9));
        ApiClient api = server.api();
        time(api, lines, "dry run, nullable text", "/api/v1/meta/entities/contact/fields?dryRun=true",
            "{\"name\": \"bench_note\", \"type\": \"text\", \"maxLength\": 80}");
        time(api, lines, "nullable text", "/api/v1/meta/entities/contact/fields",
            "{\"name\": \"bench_note\", \"type\": \"text\", \"maxLength\": 80}");
        time(api, lines, "integer", "/api/v1/meta/entities/contact/fields",
            "{\"name\": \"bench_count\", \"type\": \"integer\"}");
        time(api, lines, "option", "/api/v1/meta/entities/contact/fields",
            "{\"name\": \"bench_gender\", \"type\": \"option\", \"list\": \"gender\"}");
        Response check = api.get("/api/v1/contact?size=1&sort=id");
        lines.add("First contact after the changes has bench_note: " + check.body().get("items").get(0).has("bench_note"));
      }
      return lines;
    });
  }

  private static void time(ApiClient api, List<String> lines, String what, String uri, String body) {
    long began = System.nanoTime();
    Response r = api.post(uri, body);
    double ms = (System.nanoTime() - began) / 1e6;
    if (r.status() != 201 && r.status() != 200) {
      throw new IllegalStateException(what + ": " + r.status() + " " + r.body());
    }
    lines.add(String.format(Locale.ROOT, "Add field to contact (%s): HTTP %d in %.0f ms; DDL %s", what, r.status(), ms,
        r.body().get("ddl")));
  }
}
