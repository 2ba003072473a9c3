package io.kith.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithServer;
import io.kith.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Without KITH_ADMIN_PASSWORD the first administrator gets a generated one-time password, written
 * once to the log, which must be changed before anything else; there is no fixed default.
 */
class FirstAdministratorTest {

  @Test
  void aGeneratedOneTimePasswordMustBeChangedAtTheFirstSignIn() {
    PrintStream original = System.out;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (TestDatabase db = new TestDatabase()) {
      KithServer server;
      System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
      try {
        server = KithServer.start(db, null, "--kith.admin.password=");
      } finally {
        System.setOut(original);
      }
      try (server) {
        Matcher m = Pattern.compile("one-time password (\\S+)").matcher(log.toString(StandardCharsets.UTF_8));
        assertThat(m.find()).as("the password is in the log").isTrue();
        String oneTime = m.group(1);
        assertThat(oneTime).hasSize(16);
        new HtmlSession(server.baseUrl()).signIn("admin", "admin", 401);

        HtmlSession admin = new HtmlSession(server.baseUrl());
        admin.get("/login");
        Page signedIn = admin.post("/login", List.of(Map.entry("login", "admin"), Map.entry("password", oneTime)));
        assertThat(signedIn.location()).isEqualTo("/account/password");
        assertThat(admin.get("/app/contact").location()).as("nothing else first").isEqualTo("/account/password");
        assertThat(admin.sendJson("GET", "/api/v1/contact", null)).isEqualTo(403);

        Page form = admin.get("/account/password");
        assertThat(form.document().select("input[type=password]")).hasSize(3);
        Page mismatch = admin.post("/account/password", List.of(Map.entry("current_password", oneTime),
            Map.entry("new_password", "the new secret 1"), Map.entry("confirm_password", "something else")));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.document().selectFirst("#confirm_password-error").text()).contains("does not match");

        Page changed = admin.post("/account/password", List.of(Map.entry("current_password", oneTime),
            Map.entry("new_password", "the new secret 1"), Map.entry("confirm_password", "the new secret 1")));
        assertThat(changed.status()).isEqualTo(303);
        assertThat(admin.get("/app/contact").status()).isEqualTo(200);
        new HtmlSession(server.baseUrl()).signIn("admin", oneTime, 401);
        new HtmlSession(server.baseUrl()).signIn("admin", "the new secret 1");
      }
    }
  }
}
