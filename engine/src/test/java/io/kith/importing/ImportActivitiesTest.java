package io.kith.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.Imports;
import io.kith.testing.KithExtension;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance 2 and 5: activities whose "Contact" column finds its contact by email or by name; a
 * contact that cannot be found (or found twice) makes a failed row with a reason. The failed-rows
 * CSV holds exactly those rows plus the reason, and importing it again once fixed completes them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportActivitiesTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final String BY_EMAIL = """
      {"name": "activities_by_email", "entity": "activity", "columns": [
        {"column": "Activity Type", "field": "activity_type"},
        {"column": "Subject", "field": "subject"},
        {"column": "Date", "field": "activity_date_time"},
        {"column": "Contact", "field": "target_contacts", "match": "emails.email"}]}""";

  private static final String BY_NAME = """
      {"name": "activities_by_name", "entity": "activity", "columns": [
        {"column": "Activity Type", "field": "activity_type"},
        {"column": "Subject", "field": "subject"},
        {"column": "Date", "field": "activity_date_time"},
        {"column": "Contact", "field": "source_contact", "match": "display_name"}]}""";

  private Imports imports;
  private long taiMan;
  private long siuMan;

  @BeforeAll
  void contacts() {
    imports = new Imports(kith.api());
    taiMan = contact("大文", "陳", "tai.man@example.com");
    siuMan = contact("Siu Man", "Chan", "siu.man@example.com");
    contact("Ann", "Lee", "ann.lee.1@example.com");
    contact("Ann", "Lee", "ann.lee.2@example.com");
  }

  @Test
  void findsContactsByEmailAndReportsTheUnmatchedRow() {
    byte[] file = Imports.csv(StandardCharsets.UTF_8, false,
        "Activity Type,Subject,Date,Contact",
        "Meeting,Home visit,2024-05-01 10:00,Tai.Man@example.com",
        "会议,Phone follow-up,2024-05-02 11:30,nobody@example.com");

    JsonNode done = imports.run(file, BY_EMAIL);

    assertThat(done.get("created").asInt()).isEqualTo(1);
    assertThat(done.get("failed").asInt()).isEqualTo(1);
    assertThat(targets("Home visit")).containsExactly(taiMan);
    assertThat(kith.db().query("select 1 from activity where subject = 'Phone follow-up'")).isEmpty();

    String events = kith.api().text("/api/v1/imports/" + done.get("id").asLong() + "/events");
    assertThat(events).contains("event:progress").contains("\"status\":\"completed\"").contains("\"rowsDone\":2");

    List<CSVRecord> failed = parse(imports.failedCsv(done.get("id").asLong()));
    assertThat(failed).hasSize(2);
    assertThat(failed.get(0).values()).containsExactly("Activity Type", "Subject", "Date", "Contact", "Errors");
    assertThat(failed.get(1).values()).startsWith("会议", "Phone follow-up", "2024-05-02 11:30", "nobody@example.com");
    assertThat(failed.get(1).get(4)).isEqualTo("With contacts: no record matches \"nobody@example.com\" (by emails.email).");

    // Fix the file the way a person would: correct the cell, keep the rest, import it again.
    String fixed = imports.failedCsv(done.get("id").asLong()).replace("nobody@example.com", "siu.man@example.com");
    JsonNode again = imports.run(fixed.getBytes(StandardCharsets.UTF_8), BY_EMAIL);

    assertThat(again.get("created").asInt()).isEqualTo(1);
    assertThat(again.get("failed").asInt()).isZero();
    assertThat(targets("Phone follow-up")).containsExactly(siuMan);
    assertThat(kith.db().query("select subject from activity where subject in ('Home visit', 'Phone follow-up')"))
        .hasSize(2);
  }

  @Test
  void findsContactsByDisplayNameAndRefusesAmbiguousNames() {
    byte[] file = Imports.csv(StandardCharsets.UTF_8, false,
        "Activity Type,Subject,Date,Contact",
        "Phone call,Called about lunch,2024-06-01 09:00,siu man chan",
        "Visit,Visited Ann,2024-06-02 15:00,Ann Lee",
        "Visit,Visited nobody,2024-06-03 15:00,No Such Person");

    JsonNode done = imports.run(file, BY_NAME);

    assertThat(done.get("created").asInt()).isEqualTo(1);
    assertThat(done.get("failed").asInt()).isEqualTo(2);
    assertThat(kith.db().query("select source_contact, activity_type from activity where subject = 'Called about lunch'"))
        .containsExactly(Map.of("source_contact", siuMan, "activity_type", "phone_call"));
    List<CSVRecord> failed = parse(imports.failedCsv(done.get("id").asLong(), "Accept-Language", "zh-Hant"));
    assertThat(failed).extracting(r -> r.get(1)).containsExactly("Subject", "Visited Ann", "Visited nobody");
    assertThat(failed.get(0).get(4)).isEqualTo("錯誤");
    assertThat(failed.get(1).get(4)).isEqualTo("記錄人：有 2 項記錄與「Ann Lee」相符（按 display_name 配對）；請使該值不重複。");
    assertThat(failed.get(2).get(4)).isEqualTo("記錄人：找不到與「No Such Person」相符的記錄（按 display_name 配對）。");
  }

  @Test
  void previewShowsEachRowWithItsResultAndWritesNothing() {
    byte[] file = Imports.csv(StandardCharsets.UTF_8, false,
        "Activity Type,Subject,Date,Contact",
        "Meeting,Preview only,2024-07-01 10:00,tai.man@example.com",
        "Meeting,,2024-07-02 10:00,tai.man@example.com");

    Response preview = imports.upload(file, BY_EMAIL, true);

    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body().get("counts").toString())
        .isEqualTo("{\"rows\":2,\"create\":1,\"update\":0,\"skip\":0,\"invalid\":1}");
    JsonNode rows = preview.body().get("rows");
    assertThat(rows.get(0).get("action").asString()).isEqualTo("create");
    assertThat(rows.get(0).at("/record/target_contacts/0").asLong()).isEqualTo(taiMan);
    assertThat(rows.get(0).at("/record/activity_date_time").asString()).isEqualTo("2024-07-01T10:00");
    assertThat(rows.get(1).get("row").asInt()).isEqualTo(3);
    assertThat(rows.get(1).get("action").asString()).isEqualTo("fail");
    assertThat(rows.get(1).at("/errors/0/field").asString()).isEqualTo("subject");
    assertThat(rows.get(1).at("/errors/0/code").asString()).isEqualTo("required");
    assertThat(kith.db().query("select 1 from activity where subject = 'Preview only'")).isEmpty();
  }

  @Test
  void suggestsTheContactsOfAnActivityMatchedByEmailForAContactColumn() {
    byte[] file = Imports.csv(StandardCharsets.UTF_8, false,
        "Activity Type,Subject,Date and time,Contact,Added by",
        "Meeting,Suggested,2024-08-01 10:00,tai.man@example.com,Siu Man Chan");

    Response preview = imports.upload(file, "{\"name\": \"s\", \"entity\": \"activity\"}", true);

    assertThat(preview.status()).as(String.valueOf(preview.body())).isEqualTo(200);
    JsonNode columns = preview.body().at("/profile/columns");
    assertThat(columns.valueStream().map(c -> c.path("field").asString(null)).toList())
        .containsExactly("activity_type", "subject", "activity_date_time", "target_contacts", "source_contact");
    assertThat(columns.get(3).get("match").asString()).isEqualTo("emails.email");
    assertThat(columns.get(4).get("match").asString()).isEqualTo("display_name");
    assertThat(preview.body().at("/rows/0/record/source_contact").asLong()).isEqualTo(siuMan);
    assertThat(preview.body().at("/rows/0/record/target_contacts/0").asLong()).isEqualTo(taiMan);
  }

  @Test
  void findsContactsByIdAsNumbersAndRefusesIdsThatAreNotNumbers() {
    byte[] file = Imports.csv(StandardCharsets.UTF_8, false,
        "Activity Type,Subject,Date,Contact",
        "Meeting,By id,2024-09-01 10:00,00" + taiMan,
        "Meeting,By text id,2024-09-02 10:00,abc");
    String profile = BY_NAME.replace("\"display_name\"", "\"id\"");

    JsonNode done = imports.run(file, profile);

    assertThat(done.get("created").asInt()).isEqualTo(1);
    assertThat(kith.db().query("select source_contact from activity where subject = 'By id'"))
        .containsExactly(Map.of("source_contact", taiMan));
    assertThat(parse(imports.failedCsv(done.get("id").asLong())).get(1).get(4))
        .isEqualTo("Added by: no record matches \"abc\" (by id).");
  }

  private List<Long> targets(String subject) {
    return kith.db().query("""
        select l.target_id from activity a join activity__target_contacts l on l.source_id = a.id
         where a.subject = $1 order by l.position""", subject).stream()
        .map(r -> (Long) r.get("target_id")).toList();
  }

  private static List<CSVRecord> parse(String csv) {
    try {
      String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
      return new ArrayList<>(CSVFormat.RFC4180.parse(new StringReader(text)).getRecords());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void refusesARowThatBreaksACrossFieldRuleAndImportsTheRest() {
    byte[] file = Imports.csv(StandardCharsets.UTF_8, false,
        "Activity Type,Subject,Date,Ends,Contact",
        "Meeting,Rule kept,2024-06-01 10:00,2024-06-01 11:00,tai.man@example.com",
        "Meeting,Rule broken,2024-06-01 10:00,2024-06-01 09:00,tai.man@example.com");
    String profile = """
        {"name": "activity_rules", "entity": "activity", "columns": [
          {"column": "Activity Type", "field": "activity_type"}, {"column": "Subject", "field": "subject"},
          {"column": "Date", "field": "activity_date_time"}, {"column": "Ends", "field": "end_date_time"},
          {"column": "Contact", "field": "target_contacts", "match": "emails.email"}]}""";

    JsonNode done = imports.run(file, profile);

    assertThat(List.of(done.get("created").asInt(), done.get("failed").asInt())).containsExactly(1, 1);
    assertThat(kith.db().query("select subject from activity where subject like 'Rule %'"))
        .containsExactly(Map.of("subject", "Rule kept"));
    assertThat(parse(imports.failedCsv(done.get("id").asLong())).get(1).get(5))
        .isEqualTo("An activity cannot end before it starts.");
  }

  private long contact(String first, String last, String email) {
    String body = ApiClient.JSON.createObjectNode().put("subtype", "individual").put("first_name", first)
        .put("last_name", last).set("emails", ApiClient.JSON.createArrayNode().add(
            ApiClient.JSON.createObjectNode().put("email", email))).toString();
    Response created = kith.api().post("/api/v1/contact", body);
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    return created.body().get("id").asLong();
  }
}
