package io.kith.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import io.kith.testing.TestDatabase;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The old values in history are the ones the update replaced, even when another write got there first. */
class ConcurrentEditHistoryTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  @Test
  void patchWaitingForAConcurrentWriteRecordsTheValueThatWriteLeft() throws Exception {
    Response created = kith.api().post("/api/v1/contact", "{\"subtype\": \"individual\", \"last_name\": \"Before\"}");
    long id = created.body().get("id").asLong();
    Connection other = Mono.from(ConnectionFactories.get(
        "r2dbc:postgresql://postgres@" + TestDatabase.HOST + ":5432/" + kith.db().name()).create()).block();
    try {
      Mono.from(other.beginTransaction()).block();
      Flux.from(other.createStatement("update contact set last_name = 'Concurrent', version = version + 1 where id = $1")
          .bind(0, id).execute()).flatMap(r -> r.getRowsUpdated()).blockLast();

      CompletableFuture<Response> patch = CompletableFuture.supplyAsync(
          () -> kith.api().patch("/api/v1/contact/" + id, "{\"last_name\": \"Mine\"}"));
      awaitABlockedQuery();
      Mono.from(other.commitTransaction()).block();

      assertThat(patch.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
    } finally {
      Mono.from(other.close()).block();
    }

    JsonNode change = HistoryResponses.items(kith.api(), id).get(0).get("changes");
    assertThat(change).containsExactly(ApiClient.parse(
        "{\"field\": \"last_name\", \"label\": \"Last name\", \"old\": \"Concurrent\", \"new\": \"Mine\"}"));
  }

  /** Waits until some statement of the test database waits for a lock (the PATCH, on the row). */
  private static void awaitABlockedQuery() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      Number waiting = (Number) kith.db().query("select count(*) as n from pg_stat_activity"
          + " where datname = current_database() and wait_event_type = 'Lock'").get(0).get("n");
      if (waiting.longValue() > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the PATCH never waited for the row lock");
  }
}
