package io.kith.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.Imports;
import io.kith.testing.KithExtension;
import java.nio.charset.StandardCharsets;
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
    kith.db().execute("""
        create function public.kith_test_race() returns trigger language plpgsql as $$
        begin
          if new.external_identifier = 'race-2' then
            raise exception 'duplicate key value violates unique constraint'
              using errcode = '23505', constraint = 'contact__external_identifier__key';
          end if;
          return new;
        end $$""");
    kith.db().execute("create trigger kith_test_race before insert on public.contact for each row "
        + "execute function public.kith_test_race()");
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
    assertThat(kith.db().query("select external_identifier from contact order by external_identifier"))
        .containsExactly(Map.of("external_identifier", "race-1"), Map.of("external_identifier", "race-3"));
    assertThat(imports.failedCsv(done.get("id").asLong()).lines().toList()).last()
        .isEqualTo("Bob,Two,race-2,External ID: this value is already used by another record.");
  }
}
