package io.kith.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.HtmlSession;
import io.kith.testing.KithExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3: each request uses one metadata snapshot. While fields are added to an entity type one
 * after another through the API, other threads keep fetching the HTML new-record form, the API's
 * description of the type and its JSON Schema; every answer shows exactly the fields of the version
 * its {@code Kith-Metadata-Version} header names (learnt from the version each field change answers).
 */
class OneSnapshotPerRequestTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final int ADDED = 15;
  private static final Pattern PROBE_FIELD = Pattern.compile("title|f\\d\\d");

  /** What one answer showed: the version in its header and the probe type's fields in its body. */
  private record Seen(String what, long version, Set<String> fields) {}

  @Test
  void everyAnswerShowsTheFieldsOfTheVersionInItsHeader() throws Exception {
    ApiClient api = kith.api();
    Response created = api.post("/api/v1/meta/entities", """
        {"name": "snap_probe", "label": {"en": "Snapshot probe"}, "pluralLabel": {"en": "Snapshot probes"},
         "displayName": "{title}", "fields": [{"name": "title", "type": "text"}],
         "list": {"columns": ["title"], "sort": "-created_at"}}""");
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    Map<Long, Set<String>> fieldsAt = new ConcurrentHashMap<>();
    Set<String> fields = new TreeSet<>(Set.of("title"));
    fieldsAt.put(created.body().get("version").asLong(), Set.copyOf(fields));

    List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean adding = new AtomicBoolean(true);
    HtmlSession browser = kith.session();
    ExecutorService readers = Executors.newFixedThreadPool(3);
    List<Future<?>> running = List.of(
        readers.submit(() -> keepReading(adding, seen, () -> form(browser))),
        readers.submit(() -> keepReading(adding, seen, () -> description(api))),
        readers.submit(() -> keepReading(adding, seen, () -> schema(api))));
    try {
      for (int i = 1; i <= ADDED; i++) {
        String name = "f%02d".formatted(i);
        Response added = api.post("/api/v1/meta/entities/snap_probe/fields",
            "{\"name\": \"" + name + "\", \"type\": \"text\"}");
        assertThat(added.status()).as(String.valueOf(added.body())).isEqualTo(201);
        fields.add(name);
        fieldsAt.put(added.body().get("version").asLong(), Set.copyOf(fields));
      }
    } finally {
      adding.set(false);
      readers.shutdown();
    }
    for (Future<?> reader : running) {
      reader.get(60, TimeUnit.SECONDS);
    }

    assertThat(seen).isNotEmpty();
    for (Seen answer : seen) {
      assertThat(fieldsAt).as(answer.what() + " names a version of the probe").containsKey(answer.version());
      assertThat(answer.fields()).as(answer.what() + " at version " + answer.version())
          .isEqualTo(fieldsAt.get(answer.version()));
    }
    assertThat(seen.stream().map(Seen::version).distinct().count())
        .as("the readers saw the model change while they read").isGreaterThan(2);
    assertThat(seen.stream().map(Seen::what).distinct()).containsExactlyInAnyOrder("form", "description", "schema");
  }

  private static void keepReading(AtomicBoolean adding, List<Seen> seen, Supplier<Seen> read) {
    while (adding.get()) {
      seen.add(read.get());
    }
  }

  private static Seen form(HtmlSession browser) {
    HtmlSession.Page page = browser.get("/app/snap_probe/new");
    assertThat(page.status()).isEqualTo(200);
    return new Seen("form", Long.parseLong(page.header(RequestSnapshot.HEADER)),
        probeFields(page.document().select("form [name]").eachAttr("name")));
  }

  private static Seen description(ApiClient api) {
    Response response = api.get("/api/v1/meta/entities/snap_probe");
    assertThat(response.status()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    response.body().get("fields").forEach(f -> names.add(f.get("name").asString()));
    return new Seen("description", Long.parseLong(response.header(RequestSnapshot.HEADER)), probeFields(names));
  }

  private static Seen schema(ApiClient api) {
    Response response = api.get("/api/v1/meta/entities/snap_probe/schema");
    assertThat(response.status()).isEqualTo(200);
    JsonNode properties = response.body().get("properties");
    return new Seen("schema", Long.parseLong(response.header(RequestSnapshot.HEADER)),
        probeFields(new ArrayList<>(properties.propertyNames())));
  }

  private static Set<String> probeFields(List<String> names) {
    Set<String> out = new TreeSet<>();
    names.stream().filter(n -> PROBE_FIELD.matcher(n).matches()).forEach(out::add);
    return out;
  }
}
