package io.kith.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A cross-field rule can look into a collection's rows: "a confirmed shift needs a slot with
 * places" (slots.exists(...)) refuses a confirmed shift without one, on the collection's field,
 * and a patch that does not send the collection is checked against the stored rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectionRulesTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.withMetadata("/metadata-rules");

  private long volunteer;

  @BeforeAll
  void volunteer() {
    volunteer = kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "first_name": "Mei", "last_name": "Chan"}""").body().get("id").asLong();
  }

  private String shift(boolean confirmed, String slots) {
    return """
        {"title": "Front desk", "volunteer": %d, "shift_date": "2024-06-01", "confirmed": %s, "slots": %s}"""
        .formatted(volunteer, confirmed, slots);
  }

  @Test
  void confirmedShiftWithoutASlotWithPlacesIsRefusedOnTheSlotsField() {
    Response none = kith.api().post("/api/v1/volunteer_shift", shift(true, "[]"));
    Response full = kith.api().post("/api/v1/volunteer_shift", shift(true, "[{\"station\": \"Desk\"}]"),
        "Accept-Language", "zh-Hant");

    assertThat(none.status()).isEqualTo(400);
    assertThat(none.body().at("/errors/0/field").asString()).isEqualTo("slots");
    assertThat(none.body().at("/errors/0/code").asString()).isEqualTo("rule_failed");
    assertThat(none.body().at("/errors/0/message").asString()).isEqualTo("A confirmed shift needs a slot with places.");
    assertThat(full.status()).isEqualTo(400);
    assertThat(full.body().at("/errors/0/message").asString()).isEqualTo("已確認的更次須有尚有名額的時段。");
  }

  @Test
  void shiftWithASlotWithPlacesOrNotConfirmedIsAccepted() {
    assertThat(kith.api().post("/api/v1/volunteer_shift",
        shift(true, "[{\"station\": \"Desk\"}, {\"station\": \"Door\", \"capacity\": 2}]")).status()).isEqualTo(201);
    assertThat(kith.api().post("/api/v1/volunteer_shift", shift(false, "[]")).status()).isEqualTo(201);
  }

  @Test
  void patchWithoutTheCollectionIsCheckedAgainstTheStoredRows() {
    long withSlot = kith.api().post("/api/v1/volunteer_shift",
        shift(false, "[{\"station\": \"Door\", \"capacity\": 3}]")).body().get("id").asLong();
    long withoutSlot = kith.api().post("/api/v1/volunteer_shift", shift(false, "[]")).body().get("id").asLong();

    Response confirmed = kith.api().patch("/api/v1/volunteer_shift/" + withSlot, "{\"confirmed\": true}");
    Response refused = kith.api().patch("/api/v1/volunteer_shift/" + withoutSlot, "{\"confirmed\": true}");
    Response emptied = kith.api().patch("/api/v1/volunteer_shift/" + withSlot, "{\"slots\": []}");

    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().at("/errors/0/field").asString()).isEqualTo("slots");
    assertThat(emptied.status()).isEqualTo(400);
    assertThat(emptied.body().at("/errors/0/code").asString()).isEqualTo("rule_failed");
  }
}
