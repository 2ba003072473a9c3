package io.kith.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.KithServer;
import io.kith.testing.TestDatabase;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Sign-ins kept in memory (see {@link SignInCache}) follow every change on every instance: two Kith
 * instances on one database; a token is used on both, then revoked through one, or its user changed
 * directly in the database. The instance that made a change refuses the token at once; the other
 * as soon as the notification reaches it (asserted within one second, and printed).
 */
class SignInChangesTest {

  @Test
  void aTokenRevokedOnOneInstanceIsRefusedOnBoth() throws Exception {
    try (TestDatabase db = new TestDatabase(); KithServer first = KithServer.start(db, null);
        KithServer second = KithServer.start(db, null)) {
      ApiClient[] clients = usedOnBoth(first, second, "revoker");
      ApiClient one = clients[0];
      ApiClient two = clients[1];
      assertThat(second.bean(SignInCache.class).size()).isEqualTo(1);

      long id = one.get("/api/v1/me/tokens").body().get("items").get(0).get("id").asLong();
      assertThat(one.delete("/api/v1/me/tokens/" + id).status()).isEqualTo(204);
      long revoked = System.nanoTime();
      assertThat(one.get("/api/v1/contact").status()).isEqualTo(401);
      long refusedAfterMs = refusedWithinOneSecond(() -> two.get("/api/v1/contact").status(), revoked);
      System.out.println("The other instance refused the revoked token " + refusedAfterMs + " ms after the revocation"
          + " was answered");
      assertThat(refusedAfterMs).isBetween(0L, 999L);
    }
  }

  @Test
  void signInsAreKeptInMemoryAndLetGoWhenTheDatabaseNotifiesAChange() throws Exception {
    try (TestDatabase db = new TestDatabase(); KithServer first = KithServer.start(db, null);
        KithServer second = KithServer.start(db, null)) {
      ApiClient[] clients = usedOnBoth(first, second, "kept");
      ApiClient one = clients[0];
      ApiClient two = clients[1];

      // Without a notification the kept sign-in is what answers: proof that no look-up was made.
      db.execute("alter table kith.access_token disable trigger access_token_sign_ins");
      db.execute("update kith.access_token set revoked_at = now() where name = 'tests'"
          + " and user_id = (select id from kith.app_user where login = 'kept')");
      assertThat(one.get("/api/v1/contact").status()).isEqualTo(200);
      assertThat(two.get("/api/v1/contact").status()).isEqualTo(200);
      db.execute("alter table kith.access_token enable trigger access_token_sign_ins");

      // Any change to the user, made by any tool, reaches both instances.
      db.execute("update kith.app_user set active = false where login = 'kept'");
      long changed = System.nanoTime();
      long firstAfterMs = refusedWithinOneSecond(() -> one.get("/api/v1/contact").status(), changed);
      long secondAfterMs = refusedWithinOneSecond(() -> two.get("/api/v1/contact").status(), changed);
      assertThat(firstAfterMs).isBetween(0L, 999L);
      assertThat(secondAfterMs).isBetween(0L, 999L);
    }
  }

  @Test
  void aRoleChangedThroughTheApiAppliesToTheHoldersNextRequest() {
    try (TestDatabase db = new TestDatabase(); KithServer server = KithServer.start(db, null)) {
      awaitListening(server);
      ApiClient admin = server.api();
      var created = admin.post("/api/v1/roles", """
          {"name": "contact_readers", "label": "Contact readers", "permissions": {"contact": {"actions": ["view"]}}}""");
      assertThat(created.status()).isEqualTo(201);
      long role = created.body().get("id").asLong();
      ApiClient reader = as(server, server.userWithToken("reader", "contact_readers"));
      assertThat(reader.get("/api/v1/contact").status()).isEqualTo(200);

      assertThat(admin.send(org.springframework.http.HttpMethod.PUT, "/api/v1/roles/" + role,
          "{\"name\": \"contact_readers\", \"label\": \"Contact readers\", \"permissions\": {}}").status())
          .isEqualTo(200);
      assertThat(reader.get("/api/v1/contact").status()).isEqualTo(403);
    }
  }

  /** A new staff member's token, used once on each instance (so each keeps it): a client for each. */
  private static ApiClient[] usedOnBoth(KithServer first, KithServer second, String login) {
    awaitListening(first, second);
    String token = first.userWithToken(login, "staff");
    ApiClient[] clients = {as(first, token), as(second, token)};
    for (ApiClient client : clients) {
      assertThat(client.get("/api/v1/contact").status()).isEqualTo(200);
    }
    return clients;
  }

  private static ApiClient as(KithServer server, String token) {
    return new ApiClient(server.client().mutate().defaultHeader("Authorization", "Bearer " + token).build());
  }

  private static void awaitListening(KithServer... servers) {
    long until = System.nanoTime() + 10_000_000_000L;
    for (KithServer server : servers) {
      while (!server.bean(SignInCache.class).listening()) {
        assertThat(System.nanoTime()).as("sign-in listener in place within 10 s").isLessThan(until);
        Thread.onSpinWait();
      }
    }
  }

  /** Milliseconds from {@code since} until {@code status} answers 401, failing after a second. */
  private static long refusedWithinOneSecond(Supplier<Integer> status, long since) throws InterruptedException {
    while (System.nanoTime() - since < 1_000_000_000L) {
      if (status.get() == 401) {
        return (System.nanoTime() - since) / 1_000_000;
      }
      Thread.sleep(5);
    }
    return -1;
  }
}
