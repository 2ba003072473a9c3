package io.kith.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.Imports;
import io.kith.testing.KithExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * When the database refuses a batch that passed the checks (another writer took a unique value in
 * between; simulated here by a trigger raising the unique index's own error for one value), the
 * batch is written again one record per savepoint: only the refused row fails, with the field
 * named, and the rest of the batch goes in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportWriteRefusedTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  @Test
  void onlyTheRowTheDatabaseRefusesFails() {
    refuseInserts("race", "contact", "new.external_identifier = 'race-2'", """
        raise exception 'duplicate key value violates unique constraint'
          using errcode = '23505', constraint = 'contact__external_identifier__key';""");
    byte[] file = Imports.csv(StandardCharsets.UTF_8, false,
        "First,Last,External",
        "Ann,One,race-1",
        "Bob,Two,race-2",
        "Cat,Three,race-3");
    String profile = """
        {"name": "race", "entity": "contact", "subtype": "individual",
         "columns": [{"column": "First", "field": "first_name"}, {"column": "Last", "field": "last_name"},
                     {"column": "External", "field": "external_identifier"}]}""";

    Imports imports = new Imports(kith.api());
    JsonNode done = imports.run(file, profile);

    assertThat(done.get("status").asString()).isEqualTo("completed");
    assertThat(done.get("created").asInt()).isEqualTo(2);
    assertThat(done.get("failed").asInt()).isEqualTo(1);
    assertThat(kith.db().query("select external_identifier from contact where external_identifier like 'race-%' order by external_identifier"))
        .containsExactly(Map.of("external_identifier", "race-1"), Map.of("external_identifier", "race-3"));
    assertThat(imports.failedCsv(done.get("id").asLong()).lines().toList()).last()
        .isEqualTo("Bob,Two,race-2,External ID: this value is already used by another record.");
  }

  @Test
  void aReferenceWhoseRecordWentAwayBeforeTheCommitFailsItsRowOnly() {
    String body = ApiClient.JSON.createObjectNode().put("subtype", "individual").put("first_name", "Gone")
        .put("last_name", "Soon").set("emails", ApiClient.JSON.createArrayNode().add(
            ApiClient.JSON.createObjectNode().put("email", "gone.soon@example.com"))).toString();
    long contact = kith.api().post("/api/v1/contact", body).body().get("id").asLong();
    // As if the contact were deleted between the batch's look-up and its commit: the activity's
    // foreign key refuses that one row, in the database's own words.
    refuseInserts("gone", "activity", "new.subject = 'Too late'", """
        raise exception 'insert or update on table "activity" violates foreign key constraint'
          using errcode = '23503', constraint = 'activity__source_contact__fk',
                detail = 'Key (source_contact)=(' || new.source_contact || ') is not present in table "contact".';""");
    byte[] file = Imports.csv(StandardCharsets.UTF_8, false,
        "Subject,Contact,Date",
        "In time,gone.soon@example.com,2025-03-01 10:00",
        "Too late,gone.soon@example.com,2025-03-02 10:00");
    String profile = """
        {"name": "gone", "entity": "activity", "constants": {"activity_type": "meeting"},
         "columns": [{"column": "Subject", "field": "subject"},
                     {"column": "Contact", "field": "source_contact", "match": "emails.email"},
                     {"column": "Date", "field": "activity_date_time"}]}""";

    Imports imports = new Imports(kith.api());
    JsonNode done = imports.run(file, profile);

    assertThat(done.get("status").asString()).isEqualTo("completed");
    assertThat(List.of(done.get("created").asInt(), done.get("failed").asInt())).containsExactly(1, 1);
    assertThat(kith.db().query("select subject from activity")).containsExactly(Map.of("subject", "In time"));
    assertThat(imports.failedCsv(done.get("id").asLong()).lines().toList()).last().asString()
        .startsWith("Too late,gone.soon@example.com,").contains(String.valueOf(contact));
  }

  /** A trigger that raises {@code raise} (the database's own error) for the rows of {@code table} meeting {@code when}. */
  private static void refuseInserts(String name, String table, String when, String raise) {
    kith.db().execute("create function public.kith_test_" + name + "() returns trigger language plpgsql as $$ begin if "
        + when + " then " + raise + " end if; return new; end $$");
    kith.db().execute("create trigger kith_test_" + name + " before insert on public." + table + " for each row "
        + "execute function public.kith_test_" + name + "()");
  }
}
