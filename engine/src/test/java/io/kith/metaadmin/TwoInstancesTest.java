package io.kith.metaadmin;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.metadata.MetadataRegistry;
import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithServer;
import io.kith.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, acceptance 7: two Kith instances on one database; a field added through the first is
 * accepted by the second's API within one second (LISTEN/NOTIFY, no restart, no polling).
 */
class TwoInstancesTest {

  @Test
  void fieldAddedOnOneInstanceIsAcceptedByTheOtherWithinOneSecond() throws Exception {
    try (TestDatabase db = new TestDatabase(); KithServer first = KithServer.start(db, null);
        KithServer second = KithServer.start(db, null)) {
      ApiClient one = first.api();
      ApiClient two = second.api();
      String record = "{\"subtype\": \"individual\", \"last_name\": \"Wong\", \"locker_number\": 12}";
      assertThat(two.post("/api/v1/contact", record).status()).isEqualTo(400);

      Response added = one.post("/api/v1/meta/entities/contact/fields", "{\"name\": \"locker_number\", \"type\": \"integer\"}");
      assertThat(added.status()).isEqualTo(201);
      long committed = System.nanoTime();
      long version = added.body().get("version").asLong();

      long acceptedAfterMs = -1;
      while (System.nanoTime() - committed < 3_000_000_000L) {
        Response created = two.post("/api/v1/contact", record);
        if (created.status() == 201) {
          acceptedAfterMs = (System.nanoTime() - committed) / 1_000_000;
          assertThat(created.body().get("locker_number").asLong()).isEqualTo(12);
          break;
        }
        Thread.sleep(20);
      }
      System.out.println("Second instance accepted the new field " + acceptedAfterMs + " ms after the change returned");
      assertThat(acceptedAfterMs).isBetween(0L, 999L);
      assertThat(second.bean(MetadataRegistry.class).snapshot().version()).isEqualTo(version);
      assertThat(second.bean(MetadataRegistry.class).snapshot().entity("contact").orElseThrow().fields())
          .anyMatch(f -> f.name().equals("locker_number"));
    }
  }
}
