package io.kith.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.Imports;
import io.kith.testing.KithExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3, acceptance 4: a cross-field rule of the shipped metadata (an activity cannot end before
 * it starts; a deceased date needs a contact marked deceased) refuses a bad write from the API, the
 * HTML form and a CSV import, with the rule's own message on the rule's field, in English and
 * Traditional Chinese; and computed expression fields (activity duration_hours) are stored on
 * every write and never accepted as input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossFieldRulesTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final String ENDS_EARLY_EN = "An activity cannot end before it starts.";
  private static final String ENDS_EARLY_ZH = "活動的結束時間不可早於開始時間。";

  private static String activity(String subject, String starts, String ends) {
    return """
        {"activity_type": "meeting", "subject": "%s", "activity_date_time": "%s", "end_date_time": "%s"}"""
        .formatted(subject, starts, ends);
  }

  @Test
  void apiRefusesAnActivityEndingBeforeItStartsWithTheRuleMessageOnItsField() {
    long before = kith.db().count("activity");

    Response en = kith.api().post("/api/v1/activity", activity("Too early", "2024-05-01T10:00:00+08:00", "2024-05-01T09:00:00+08:00"));
    Response zh = kith.api().post("/api/v1/activity", activity("Too early", "2024-05-01T10:00:00+08:00", "2024-05-01T09:00:00+08:00"),
        "Accept-Language", "zh-Hant");

    assertThat(en.status()).isEqualTo(400);
    assertThat(en.body().get("errors")).hasSize(1);
    assertThat(en.body().at("/errors/0/field").asString()).isEqualTo("end_date_time");
    assertThat(en.body().at("/errors/0/code").asString()).isEqualTo("rule_failed");
    assertThat(en.body().at("/errors/0/message").asString()).isEqualTo(ENDS_EARLY_EN);
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body().at("/errors/0/message").asString()).isEqualTo(ENDS_EARLY_ZH);
    assertThat(kith.db().count("activity")).isEqualTo(before);
  }

  @Test
  void ruleHoldsOrIsNotAppliedWhenAFieldItNeedsHasNoValue() {
    Response ok = kith.api().post("/api/v1/activity", activity("On time", "2024-05-01T10:00:00+08:00", "2024-05-01T11:00:00+08:00"));
    Response noEnd = kith.api().post("/api/v1/activity", """
        {"activity_type": "meeting", "subject": "Open ended", "activity_date_time": "2024-05-01T10:00:00+08:00"}""");

    assertThat(ok.status()).isEqualTo(201);
    assertThat(noEnd.status()).isEqualTo(201);
  }

  @Test
  void patchIsCheckedOnTheWholeRecordSoMovingTheStartPastTheEndIsRefused() {
    long id = kith.api().post("/api/v1/activity", activity("Moved", "2024-05-01T10:00:00+08:00", "2024-05-01T11:00:00+08:00"))
        .body().get("id").asLong();

    Response moved = kith.api().patch("/api/v1/activity/" + id, """
        {"activity_date_time": "2024-05-01T12:00:00+08:00"}""");

    assertThat(moved.status()).isEqualTo(400);
    assertThat(moved.body().at("/errors/0/field").asString()).isEqualTo("end_date_time");
    assertThat(kith.db().query("select activity_date_time from activity where id = " + id).get(0).get("activity_date_time").toString())
        .startsWith("2024-05-01T02:00");
  }

  @Test
  void deceasedDateNeedsAContactMarkedDeceased() {
    Response refused = kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "first_name": "Ah", "last_name": "Wong", "deceased_date": "2020-03-01"}""",
        "Accept-Language", "zh-Hant");
    Response beforeBirth = kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "first_name": "Ah", "last_name": "Wong", "is_deceased": true,
         "birth_date": "1940-01-01", "deceased_date": "1939-12-31"}""");
    Response accepted = kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "first_name": "Ah", "last_name": "Wong", "is_deceased": true,
         "birth_date": "1940-01-01", "deceased_date": "2020-03-01"}""");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().at("/errors/0/field").asString()).isEqualTo("deceased_date");
    assertThat(refused.body().at("/errors/0/message").asString()).isEqualTo("只有已標記為已故的聯絡人才可填寫逝世日期。");
    assertThat(beforeBirth.status()).isEqualTo(400);
    assertThat(beforeBirth.body().at("/errors/0/message").asString()).isEqualTo("The deceased date cannot be before the birth date.");
    assertThat(accepted.status()).isEqualTo(201);
  }

  @Test
  void formShowsTheRuleMessageBesideTheFieldInEnglishAndChinese() {
    long before = kith.db().count("activity");
    for (String[] lang : List.of(new String[] {"en", ENDS_EARLY_EN}, new String[] {"zh-Hant", ENDS_EARLY_ZH})) {
      HtmlSession session = kith.session();
      session.get("/app/activity/new?lang=" + lang[0]);

      Page page = session.post("/app/activity", List.of(
          Map.entry("activity_type", "meeting"),
          Map.entry("subject", "Form too early"),
          Map.entry("activity_date_time", "2024-05-01T10:00"),
          Map.entry("end_date_time", "2024-05-01T09:30")));

      assertThat(page.status()).isEqualTo(400);
      Element ends = page.document().selectFirst("input[name=end_date_time]");
      assertThat(ends.attr("value")).isEqualTo("2024-05-01T09:30");
      assertThat(ends.parent().selectFirst("p.error").text()).isEqualTo(lang[1]);
      assertThat(page.document().selectFirst("input[name=activity_date_time]").parent().selectFirst("p.error")).isNull();
    }
    assertThat(kith.db().count("activity")).isEqualTo(before);
  }

  @Test
  void importReportsTheRowThatBreaksTheRuleWithItsMessageAndImportsTheOthers() {
    Imports imports = new Imports(kith.api());
    byte[] file = Imports.csv(StandardCharsets.UTF_8, false,
        "Activity Type,Subject,Starts,Ends",
        "Meeting,Imported on time,2024-06-01 10:00,2024-06-01 11:00",
        "Meeting,Imported too early,2024-06-01 10:00,2024-06-01 08:00");

    JsonNode done = imports.run(file, """
        {"name": "activities_with_ends", "entity": "activity", "columns": [
          {"column": "Activity Type", "field": "activity_type"},
          {"column": "Subject", "field": "subject"},
          {"column": "Starts", "field": "activity_date_time"},
          {"column": "Ends", "field": "end_date_time"}]}""");

    assertThat(done.get("created").asInt()).isEqualTo(1);
    assertThat(done.get("failed").asInt()).isEqualTo(1);
    assertThat(kith.db().query("select subject from activity where subject like 'Imported%'"))
        .containsExactly(Map.of("subject", "Imported on time"));
    String en = imports.failedCsv(done.get("id").asLong());
    String zh = imports.failedCsv(done.get("id").asLong(), "Accept-Language", "zh-Hant");
    assertThat(en).contains("Imported too early").contains(ENDS_EARLY_EN);
    assertThat(zh).contains(ENDS_EARLY_ZH);
  }

  @Test
  void computedExpressionIsStoredOnEveryWriteAndRefusedAsInput() {
    Response created = kith.api().post("/api/v1/activity", """
        {"activity_type": "visit", "subject": "Long visit", "activity_date_time": "2024-05-01T10:00:00+08:00", "duration": 90}""");
    long id = created.body().get("id").asLong();
    Response patched = kith.api().patch("/api/v1/activity/" + id, """
        {"duration": 45}""");
    Response sent = kith.api().post("/api/v1/activity", """
        {"activity_type": "visit", "subject": "Sneaky", "activity_date_time": "2024-05-01T10:00:00+08:00", "duration_hours": 9}""");
    Response noDuration = kith.api().post("/api/v1/activity", """
        {"activity_type": "visit", "subject": "Untimed", "activity_date_time": "2024-05-01T10:00:00+08:00"}""");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("duration_hours").decimalValue()).isEqualByComparingTo("1.5");
    assertThat(patched.body().get("duration_hours").decimalValue()).isEqualByComparingTo("0.75");
    assertThat((BigDecimal) kith.db().query("select duration_hours from activity where id = " + id).get(0).get("duration_hours"))
        .isEqualByComparingTo("0.75");
    assertThat(sent.status()).isEqualTo(400);
    assertThat(sent.body().at("/errors/0/field").asString()).isEqualTo("duration_hours");
    assertThat(sent.body().at("/errors/0/code").asString()).isEqualTo("read_only");
    assertThat(noDuration.body().get("duration_hours").isNull()).isTrue();
    assertThat(kith.session().get("/app/activity/" + id).document().select("dd").eachText()).contains("0.75");
    Response sorted = kith.api().get("/api/v1/activity?sort=-duration_hours&size=1");
    assertThat(sorted.body().at("/items/0/id").asLong()).isEqualTo(id);
  }
}
