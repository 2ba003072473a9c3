package io.kith.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import io.kith.testing.Imports;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance 3 with the shipped membership entity: memberships import through the generic path,
 * references found by id and by name, and each gets its end date from its membership type exactly
 * as a membership written through the API does.
 */
class ImportMembershipsTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  @Test
  void importedMembershipsGetTheirEndDateFromTheType() {
    long abc = created("/api/v1/contact", """
        {"subtype": "organization", "organization_name": "亞必思有限公司"}""");
    long chan = created("/api/v1/contact", """
        {"subtype": "individual", "first_name": "大文", "last_name": "陳"}""");
    long yearly = created("/api/v1/membership_type", """
        {"name": "普通會員", "member_of_organization": %d, "duration_interval": 1, "duration_unit": "year",
         "period_type": "rolling"}""".formatted(abc));
    byte[] file = Imports.csv(StandardCharsets.UTF_8, true,
        "Contact,Type,Joined,Start",
        chan + ",普通會員,2026-03-01,2026-03-15",
        chan + ",普通會員,2026-04-01,not a date");
    String profile = """
        {"name": "memberships", "entity": "membership", "columns": [
          {"column": "Contact", "field": "contact", "match": "id"},
          {"column": "Type", "field": "membership_type", "match": "name"},
          {"column": "Joined", "field": "join_date"},
          {"column": "Start", "field": "start_date"}]}""";

    JsonNode done = new Imports(kith.api()).run(file, profile);

    assertThat(done.get("created").asInt()).as(done.toString()).isEqualTo(1);
    assertThat(done.get("failed").asInt()).isEqualTo(1);
    assertThat(kith.db().query("select contact, membership_type, start_date, end_date from membership"))
        .containsExactly(Map.of("contact", chan, "membership_type", yearly,
            "start_date", LocalDate.parse("2026-03-15"), "end_date", LocalDate.parse("2027-03-14")));
  }

  private static long created(String path, String body) {
    Response r = kith.api().post(path, body);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return r.body().get("id").asLong();
  }
}
