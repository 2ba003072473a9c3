package io.kith.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.Imports;
import io.kith.testing.KithExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance 4: each duplicate mode on a file overlapping existing contacts (Mei and Bob) and
 * repeating one new contact, with the final rows asserted. Every case works in its own email
 * domain, so the cases share one Kith.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportDuplicateModesTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  /** Mei and Bob's final last name, source and birth date, and the new contact's source. */
  record Expected(int created, int updated, int skipped, String meiLastName, String meiSource, String meiBirth,
      String bobSource, String newSource, int contacts) {}

  Stream<Arguments> modes() {
    return Stream.of(
        Arguments.of("none", ", \"key\": [\"emails.email\"]",
            new Expected(4, 0, 0, "Chan", "old", null, "kept", "fair", 7)),
        Arguments.of("skip", ", \"key\": [\"emails.email\"]",
            new Expected(1, 0, 3, "Chan", "old", null, "kept", "fair", 4)),
        Arguments.of("update", ", \"key\": [\"emails.email\"]",
            new Expected(1, 3, 0, "Chan-Updated", "new source", "1950-01-01", "fair", "second", 4)),
        Arguments.of("fill", ", \"key\": [\"emails.email\"]",
            new Expected(1, 1, 2, "Chan", "old", "1950-01-01", "kept", "fair", 4)),
        Arguments.of("skip", ", \"key\": [\"first_name\", \"last_name\", \"emails.email\"]",
            new Expected(2, 0, 2, "Chan", "old", null, "kept", "fair", 5)),
        // The contact type's duplicate rules (metadata): by name, and the first rule (email) by default.
        Arguments.of("skip", ", \"rule\": \"name_and_email\"",
            new Expected(2, 0, 2, "Chan", "old", null, "kept", "fair", 5)),
        Arguments.of("update", "",
            new Expected(1, 3, 0, "Chan-Updated", "new source", "1950-01-01", "fair", "second", 4)));
  }

  @ParameterizedTest(name = "{0}{1}")
  @MethodSource("modes")
  void handlesDuplicatesByMode(String mode, String key, Expected expected) {
    String domain = mode + Math.abs(key.hashCode()) + ".example.com";
    contact("Mei", "Chan", "mei@" + domain, "old", "mei.work@" + domain);
    contact("Bob", "Ng", "bob@" + domain, "kept");
    byte[] file = Imports.csv(StandardCharsets.UTF_8, false,
        "First Name,Last Name,Email,Source,Birth Date",
        "Mei,Chan-Updated,MEI@" + domain + ",new source,1950-01-01",
        "Bob,Ng,bob@" + domain + ",fair,",
        "New,Person,new@" + domain + ",fair,1960-02-02",
        "New,Person,new@" + domain + ",second,");
    String profile = """
        {"name": "dupes", "entity": "contact", "subtype": "individual",
         "columns": [{"column": "First Name", "field": "first_name"}, {"column": "Last Name", "field": "last_name"},
                     {"column": "Email", "field": "emails.email"}, {"column": "Source", "field": "source"},
                     {"column": "Birth Date", "field": "birth_date"}],
         "duplicates": {"mode": "%s"%s}}""".formatted(mode, key);

    // The dry run's counts for the whole file (the repeated new person included) foretell the import's.
    JsonNode counts = new Imports(kith.api()).upload(file, profile, true).body().get("counts");
    JsonNode done = new Imports(kith.api()).run(file, profile);

    // Except in fill mode: whether the file's second "New Person" leaves anything to fill in the first
    // is only known once the first is written, so the dry run counts it as an update.
    boolean fill = mode.equals("fill");
    assertThat(List.of(counts.get("create").asInt(), counts.get("update").asInt(), counts.get("skip").asInt()))
        .containsExactly(expected.created(), expected.updated() + (fill ? 1 : 0), expected.skipped() - (fill ? 1 : 0));

    assertThat(done.get("status").asString()).isEqualTo("completed");
    assertThat(List.of(done.get("created").asInt(), done.get("updated").asInt(), done.get("skipped").asInt(),
        done.get("failed").asInt())).containsExactly(expected.created(), expected.updated(), expected.skipped(), 0);
    Map<String, Object> mei = byEmail("mei@" + domain).get(0);
    assertThat(mei.get("last_name")).isEqualTo(expected.meiLastName());
    assertThat(mei.get("source")).isEqualTo(expected.meiSource());
    assertThat(mei.get("birth_date") == null ? null : mei.get("birth_date").toString()).isEqualTo(expected.meiBirth());
    assertThat(byEmail("bob@" + domain).get(0).get("source")).isEqualTo(expected.bobSource());
    assertThat(byEmail("new@" + domain).get(0).get("source")).isEqualTo(expected.newSource());
    assertThat(kith.db().query("select 1 from contact__emails where email like $1", "%@" + domain))
        .hasSize(expected.contacts());
    // No mode loses a stored collection row: update adds the file's rows to the record's own.
    assertThat(kith.db().query("select 1 from contact__emails where email = $1", "mei.work@" + domain)).hasSize(1);
    // The stored display name follows the stored fields, as on every write path.
    assertThat(mei.get("display_name")).isEqualTo("Mei " + expected.meiLastName());
  }

  private List<Map<String, Object>> byEmail(String email) {
    return kith.db().query("""
        select c.last_name, c.source, c.birth_date, c.display_name from contact c
          join contact__emails e on e.parent_id = c.id where lower(e.email) = $1 order by c.id""", email);
  }

  private void contact(String first, String last, String... emailsThenSource) {
    var emails = ApiClient.JSON.createArrayNode();
    emails.add(ApiClient.JSON.createObjectNode().put("email", emailsThenSource[0]));
    for (int i = 2; i < emailsThenSource.length; i++) {
      emails.add(ApiClient.JSON.createObjectNode().put("email", emailsThenSource[i]).put("location_type", "work"));
    }
    String body = ApiClient.JSON.createObjectNode().put("subtype", "individual").put("first_name", first)
        .put("last_name", last).put("source", emailsThenSource[1]).set("emails", emails).toString();
    Response created = kith.api().post("/api/v1/contact", body);
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
  }
}
