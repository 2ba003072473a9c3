package io.kith.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithServer;
import io.kith.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances starting at once against a database that does not exist yet: both come up, the
 * database is created once and the schema plan runs once (the advisory lock serialises them and the
 * second finds nothing left to do).
 */
class ConcurrentStartupTest {

  /**
   * Two Spring Boot applications initialising Logback at the same moment in one JVM race inside
   * Logback's property map (ConcurrentModificationException in LoggerContext.putProperty). That is a
   * property of running two apps in one test JVM, not of Kith (instances are separate processes), so
   * this test keeps Boot's hands off the logging system while the two start.
   */
  private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

  private final TestDatabase db = new TestDatabase();
  private final List<KithServer> servers = new ArrayList<>();

  @BeforeEach
  void leaveLoggingAlone() {
    System.setProperty(LOGGING_SYSTEM, "none");
  }

  @AfterEach
  void stop() {
    servers.forEach(KithServer::close);
    db.close();
    System.clearProperty(LOGGING_SYSTEM);
  }

  @Test
  void twoInstancesStartingTogetherCreateTheSchemaOnce() throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<KithServer>> starts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        starts.add(pool.submit(() -> {
          go.await();
          return KithServer.start(db, null);
        }));
      }
      go.countDown();
      for (Future<KithServer> start : starts) {
        servers.add(start.get(240, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(db.count("kith.ddl_log")).isEqualTo(1);
    int migrations = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
        .getResources("classpath*:db/kith/V*__*.sql").length;
    assertThat(db.count("kith.schema_migration")).as("each migration applied once").isEqualTo(migrations);
    List<String> statements = db.query("select unnest(statements) as s from kith.ddl_log").stream()
        .map(r -> (String) r.get("s")).toList();
    assertThat(statements.stream().filter(s -> s.startsWith("create table \"public\".\"contact\" ")))
        .hasSize(1);
    assertThat(db.query("""
        select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind = 'r' order by 1"""))
        .extracting(r -> r.get("name"))
        .containsExactly("activity", "activity__assignees", "activity__attachments", "activity__target_contacts",
            "contact", "contact__addresses", "contact__emails", "contact__groups", "contact__phones", "contact__tags",
            "group", "group__parents", "membership", "membership_type", "relationship", "tag");
    for (KithServer server : servers) {
      Response entities = server.api().get("/api/v1/meta/entities");
      assertThat(entities.status()).isEqualTo(200);
      assertThat(entities.body().get("items").findValuesAsString("name"))
          .containsExactly("activity", "contact", "group", "membership", "membership_type", "relationship", "tag");
    }
  }
}
