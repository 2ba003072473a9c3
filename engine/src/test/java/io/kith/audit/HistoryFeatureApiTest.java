package io.kith.audit;

import static io.kith.audit.HistoryResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The Java API other features use: reading with fields hidden from the viewer, and recording owner
 * changes and shares inside their own transactions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryFeatureApiTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  @Test
  void changesOfHiddenFieldsAreLeftOutEntirely() {
    long id = create("{\"subtype\": \"individual\", \"last_name\": \"Yip\", \"gender\": \"male\"}");
    patch(id, "{\"gender\": \"female\"}");
    patch(id, "{\"gender\": \"other\", \"last_name\": \"Yeung\"}");
    HistoryReader reader = kith.server().bean(HistoryReader.class);

    HistoryPage hidden = reader.page("contact", id, 1, 20, field -> !field.equals("gender")).block();

    assertThat(hidden.total()).isEqualTo(3);
    assertThat(hidden.items()).extracting(HistoryEntry::action)
        .containsExactly(Action.UPDATE, Action.UPDATE, Action.CREATE);
    assertThat(hidden.items()).flatExtracting(HistoryEntry::changes).extracting(Change::field)
        .doesNotContain("gender").contains("last_name");
    assertThat(hidden.items().get(0).changes()).extracting(Change::field).containsExactly("last_name");
    assertThat(hidden.items().get(1).changes()).isEmpty();
    assertThat(hidden.items().get(0).changes().toString()).doesNotContain("other", "female", "male");

    HistoryPage all = reader.page("contact", id, 1, 20).block();
    assertThat(all.items().get(0).changes()).extracting(Change::field).containsExactly("last_name", "gender");
    assertThat(all.items().get(1).changes()).extracting(Change::field).containsExactly("gender");
  }

  @Test
  void ownerChangeIsRecordedWithTheActorForEachRecordWhoseOwnerChanged() {
    long a = create("{\"subtype\": \"individual\", \"last_name\": \"Owner A\"}");
    long b = create("{\"subtype\": \"individual\", \"last_name\": \"Owner B\"}");
    long c = create("{\"subtype\": \"individual\", \"last_name\": \"Owner C\"}");
    Map<Long, Long> previous = new HashMap<>();
    previous.put(a, null);
    previous.put(b, 3L);
    previous.put(c, 5L);

    inTransaction(writer().ownerChanged("contact", previous, 5L), 2L).block();

    JsonNode entryA = historyItems(a).get(0);
    assertThat(entryA.get("action").asString()).isEqualTo("owner_change");
    assertThat(entryA.get("user").get("id").asLong()).isEqualTo(2);
    assertThat(entryA.get("changes")).containsExactly(ApiClient.parse(
        "{\"field\": \"owner\", \"label\": \"Owner\", \"old\": null, \"new\": 5}"));
    assertThat(historyItems(b).get(0).get("changes").get(0).get("old").asLong()).isEqualTo(3);
    assertThat(texts(historyItems(c), "action")).containsExactly("create");
  }

  @Test
  void shareIsRecordedAsTheUsersBeforeAndAfterWithLocalizedLabel() {
    long id = create("{\"subtype\": \"individual\", \"last_name\": \"Shared\"}");

    inTransaction(writer().shared("contact", id, List.of(), List.of(5L, 3L)), 2L).block();
    inTransaction(writer().shared("contact", id, List.of(3L, 5L), List.of(5L, 3L)), 2L).block();

    Response history = kith.api().get("/api/v1/contact/" + id + "/history", "Accept-Language", "zh-Hant");
    assertThat(texts(history.body().get("items"), "action")).containsExactly("share", "create");
    assertThat(history.body().get("items").get(0).get("changes")).containsExactly(ApiClient.parse(
        "{\"field\": \"shared_with\", \"label\": \"共享給\", \"old\": [], \"new\": [3, 5]}"));
  }

  @Test
  void tellsWhetherAUserAppearsInHistory() {
    long id = create("{\"subtype\": \"individual\", \"last_name\": \"Mentions\"}");
    HistoryReader reader = kith.server().bean(HistoryReader.class);
    assertThat(reader.mentions(41L).block()).isFalse();

    inTransaction(writer().shared("contact", id, List.of(), List.of(7L)), 41L).block();

    assertThat(reader.mentions(41L).block()).isTrue();
    assertThat(reader.mentions(7L).block()).as("a user shared with is not an author").isFalse();
  }

  @Test
  void historyWrittenInsideAFailedTransactionIsRolledBack() {
    long id = create("{\"subtype\": \"individual\", \"last_name\": \"Rollback\"}");
    Map<Long, Long> previous = new HashMap<>();
    previous.put(id, null);

    Mono<Void> failing = writer().ownerChanged("contact", previous, 9L)
        .then(Mono.error(new IllegalStateException("the owner change itself failed")));

    assertThatThrownBy(() -> inTransaction(failing, 2L).block()).hasMessageContaining("owner change itself failed");
    assertThat(texts(historyItems(id), "action")).containsExactly("create");
  }

  private static JsonNode historyItems(long id) {
    return HistoryResponses.items(kith.api(), id);
  }

  private static HistoryWriter writer() {
    return kith.server().bean(HistoryWriter.class);
  }

  private static <T> Mono<T> inTransaction(Mono<T> work, long user) {
    return kith.server().bean(TransactionalOperator.class).transactional(work)
        .contextWrite(Actor.as(Optional.of(user)));
  }

  private static long create(String json) {
    Response created = kith.api().post("/api/v1/contact", json);
    assertThat(created.status()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private static void patch(long id, String json) {
    assertThat(kith.api().patch("/api/v1/contact/" + id, json).status()).isEqualTo(200);
  }
}
