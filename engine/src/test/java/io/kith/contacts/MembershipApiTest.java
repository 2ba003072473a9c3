package io.kith.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Memberships of the shipped pack: the end date computed from the membership type (rolling, fixed,
 * lifetime) and the status computed by the status rules in the metadata, with the override winning.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembershipApiTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final AtomicInteger TYPES = new AtomicInteger();

  private long abc;
  private long chan;

  @BeforeAll
  void contacts() {
    abc = kith.api().post("/api/v1/contact", """
        {"subtype": "organization", "organization_name": "亞必思有限公司"}""").body().get("id").asLong();
    chan = kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "first_name": "陳", "last_name": "大文"}""").body().get("id").asLong();
  }

  private long type(int interval, String unit, String period, String fixedStart) {
    Response r = kith.api().post("/api/v1/membership_type", """
        {"name": "普通會員 %d", "member_of_organization": %d, "minimum_fee": 100.00,
         "duration_interval": %d, "duration_unit": "%s", "period_type": "%s"%s}""".formatted(
        TYPES.incrementAndGet(), abc, interval, unit, period,
        fixedStart == null ? "" : ", \"fixed_start_day\": \"" + fixedStart + "\""));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return r.body().get("id").asLong();
  }

  private JsonNode membership(long type, LocalDate join, LocalDate start, String override) {
    Response r = kith.api().post("/api/v1/membership", """
        {"contact": %d, "membership_type": %d, "join_date": "%s", "start_date": "%s"%s}""".formatted(
        chan, type, join, start, override == null ? "" : ", \"status_override\": \"" + override + "\""));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return r.body();
  }

  /** interval, unit, period type, fixed start day, start date, the end date expected (null: none). */
  static Stream<Arguments> periods() {
    return Stream.of(
        Arguments.of(1, "year", "rolling", null, "2026-03-15", "2027-03-14"),
        Arguments.of(2, "month", "rolling", null, "2026-01-31", "2026-03-30"),
        Arguments.of(30, "day", "rolling", null, "2026-01-01", "2026-01-30"),
        Arguments.of(1, "year", "fixed", "01-01", "2026-03-15", "2026-12-31"),
        Arguments.of(1, "year", "fixed", "07-01", "2026-03-15", "2026-06-30"),
        Arguments.of(1, "year", "fixed", "07-01", "2026-07-01", "2027-06-30"),
        Arguments.of(2, "year", "fixed", "01-01", "2026-03-15", "2027-12-31"),
        Arguments.of(1, "month", "fixed", "01-15", "2026-03-20", "2026-04-14"),
        Arguments.of(1, "month", "fixed", "01-15", "2026-03-10", "2026-03-14"),
        Arguments.of(1, "lifetime", "rolling", null, "2026-03-15", null));
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} from {4} ends {5}")
  @MethodSource("periods")
  void theEndDateIsComputedFromTheMembershipType(int interval, String unit, String period, String fixedStart,
      String start, String end) {
    long type = type(interval, unit, period, fixedStart);
    JsonNode m = membership(type, LocalDate.parse(start), LocalDate.parse(start), null);
    if (end == null) {
      assertThat(m.get("end_date").isNull()).isTrue();
    } else {
      assertThat(m.get("end_date").asString()).isEqualTo(end);
    }
    assertThat(kith.api().get("/api/v1/membership/" + m.get("id").asLong()).body().get("end_date"))
        .isEqualTo(m.get("end_date"));
  }

  /** Dates relative to today (join, start), the type's unit, the override, the status expected. */
  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of("starts in 10 days", 10, 10, "year", null, "pending"),
        Arguments.of("joined 10 days ago", -10, -10, "year", null, "new"),
        Arguments.of("joined 200 days ago", -200, -200, "year", null, "current"),
        Arguments.of("ended 11 days ago", -375 - 1, -376, "year", null, "grace"),
        Arguments.of("ended over a month ago", -800, -800, "year", null, "expired"),
        Arguments.of("lifetime, joined long ago", -4000, -4000, "lifetime", null, "current"),
        Arguments.of("cancelled by an administrator", -200, -200, "year", "cancelled", "cancelled"),
        Arguments.of("override wins over pending", 10, 10, "year", "current", "current"));
  }

  @ParameterizedTest(name = "{0}: {5}")
  @MethodSource("statuses")
  void theStatusFollowsTheRulesUnlessOverridden(String name, int joinDays, int startDays, String unit, String override,
      String status) {
    LocalDate today = LocalDate.now();
    long type = type(1, unit, "rolling", null);
    JsonNode m = membership(type, today.plusDays(joinDays), today.plusDays(startDays), override);
    assertThat(m.get("status").asString()).as(m.toString()).isEqualTo(status);
    assertThat(kith.api().get("/api/v1/membership/" + m.get("id").asLong()).body().get("status").asString())
        .isEqualTo(status);
  }

  @Test
  void changingTheTypeOrStartRecomputesTheEndButOtherChangesKeepIt() {
    long yearly = type(1, "year", "rolling", null);
    long monthly = type(1, "month", "rolling", null);
    long id = membership(yearly, LocalDate.parse("2026-03-15"), LocalDate.parse("2026-03-15"), null).get("id").asLong();

    JsonNode source = kith.api().patch("/api/v1/membership/" + id, """
        {"source": "Walk-in"}""").body();
    assertThat(source.get("end_date").asString()).isEqualTo("2027-03-14");
    JsonNode retyped = kith.api().patch("/api/v1/membership/" + id, """
        {"membership_type": %d}""".formatted(monthly)).body();
    assertThat(retyped.get("end_date").asString()).isEqualTo("2026-04-14");
    JsonNode moved = kith.api().patch("/api/v1/membership/" + id, """
        {"start_date": "2026-05-01"}""").body();
    assertThat(moved.get("end_date").asString()).isEqualTo("2026-05-31");
  }

  @Test
  void endDateAndStatusAreComputedNotInput() {
    long type = type(1, "year", "rolling", null);
    Response r = kith.api().post("/api/v1/membership", """
        {"contact": %d, "membership_type": %d, "join_date": "2026-01-01", "start_date": "2026-01-01",
         "end_date": "2030-01-01", "status": "current"}""".formatted(chan, type));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().get("errors")).extracting(e -> e.get("field").asString() + ":" + e.get("code").asString())
        .containsExactlyInAnyOrder("end_date:read_only", "status:read_only");
  }

  @Test
  void aMembershipTypeBelongsToAnOrganization() {
    Response r = kith.api().post("/api/v1/membership_type", """
        {"name": "Wrong owner", "member_of_organization": %d}""".formatted(chan));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().get("errors").get(0).get("code").asString()).isEqualTo("wrong_subtype");
  }

  @Test
  void theMembershipListShowsTheComputedColumns() {
    long type = type(1, "year", "rolling", null);
    membership(type, LocalDate.now().minusDays(200), LocalDate.now().minusDays(200), null);
    Response page = kith.api().get("/api/v1/membership?membership_type=" + type);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body().get("items").get(0).get("status").asString()).isEqualTo("current");
    String html = kith.session().get("/app/membership").body();
    assertThat(html).contains("Current");
  }
}
