package io.kith.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import io.kith.testing.KithServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signing in and out: strangers are sent to the sign-in page (pages) or told to sign in (API); a
 * wrong password and an unknown login read the same; repeated failures are throttled; sessions are
 * HttpOnly SameSite cookies that end at sign-out; passwords follow the rules and can be changed.
 */
class SignInTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/app", "/app/contact", "/app/contact/new?subtype=individual", "/app/search?q=chan"})
  void pagesSendStrangersToSignInAndBackAfterwards(String path) {
    HtmlSession stranger = kith.anonymousSession();
    Page page = stranger.get(path);
    assertThat(page.status()).isEqualTo(303);
    assertThat(page.location()).startsWith("/login?next=");

    String next = java.net.URLDecoder.decode(page.location().substring("/login?next=".length()),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(next).isEqualTo(path);
    stranger.get(page.location());
    Page signedIn = stranger.post("/login", List.of(Map.entry("login", "admin"),
        Map.entry("password", KithServer.ADMIN_PASSWORD), Map.entry("next", next)));
    assertThat(signedIn.status()).isEqualTo(303);
    assertThat(signedIn.location()).isEqualTo(path);
    assertThat(stranger.get(path).status()).isEqualTo(200);
  }

  @Test
  void theApiAsksStrangersToSignInWithAProblem() {
    for (Response r : List.of(kith.anonymousApi().get("/api/v1/contact"),
        kith.anonymousApi().post("/api/v1/contact", "{\"subtype\": \"individual\", \"first_name\": \"X\"}"),
        kith.anonymousApi().get("/api/v1/search?q=chan"),
        kith.anonymousApi().get("/api/v1/contact", "Authorization", "Bearer kith_not-a-real-token"))) {
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.contentType().toString()).startsWith("application/problem+json");
      assertThat(r.body().get("title").asString()).contains("Sign in");
    }
    assertThat(kith.db().count("contact")).isZero();
  }

  @Test
  void aSessionCookieIsHttpOnlyAndSameSiteAndEndsAtSignOut() {
    HtmlSession session = kith.anonymousSession().signIn("admin", KithServer.ADMIN_PASSWORD);
    String cookie = session.lastSetCookies().stream().filter(c -> c.startsWith(SignIns.SESSION_COOKIE + "="))
        .findFirst().orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax").contains("Path=/").doesNotContain("Secure");
    assertThat(kith.db().count("kith.user_session")).isPositive();

    Page home = session.get("/app");
    assertThat(home.document().selectFirst("header .me").text()).isEqualTo("Administrator");
    Page out = session.post("/logout", List.of());
    assertThat(out.status()).isEqualTo(303);
    assertThat(out.location()).isEqualTo("/login");
    assertThat(session.get("/app").status()).as("signed out").isEqualTo(303);
  }

  @Test
  void wrongPasswordAndUnknownLoginReadTheSame() {
    Page wrong = kith.anonymousSession().signIn("admin", "nope", 401);
    Page unknown = kith.anonymousSession().signIn("nobody-here", "nope", 401);
    assertThat(wrong.document().selectFirst("p.error").text()).isEqualTo("The login name or password is not right.")
        .isEqualTo(unknown.document().selectFirst("p.error").text());
    assertThat(wrong.document().selectFirst("input[name=password]").attr("value")).isEmpty();
    assertThat(wrong.document().selectFirst("input[name=login]").attr("value")).isEqualTo("admin");
  }

  @Test
  void repeatedFailuresForOneLoginAreThrottledEvenWithTheRightPasswordThen() {
    kith.server().userWithToken("throttled", "staff");
    for (int i = 0; i < SignIns.MAX_FAILURES_PER_LOGIN; i++) {
      kith.anonymousSession().signIn("throttled", "wrong-" + i, 401);
    }
    Page refused = kith.anonymousSession().signIn("throttled", "password-of-throttled", 429);
    assertThat(refused.document().selectFirst("p.error").text()).contains("Too many failed sign-ins");
    Page unknown = kith.anonymousSession().signIn("ghost", "x", 401);
    assertThat(unknown.status()).as("other logins are not affected").isEqualTo(401);
  }

  @Test
  void accessTokensAreCreatedUsedAndRevoked() {
    Response created = kith.api().post("/api/v1/me/tokens", "{\"name\": \"Nightly sync\"}");
    assertThat(created.status()).isEqualTo(201);
    String secret = created.body().get("token").asString();
    assertThat(secret).startsWith("kith_");
    long id = created.body().get("id").asLong();
    assertThat(kith.db().query("select count(*) as n from kith.access_token where token_hash::text like '%' || $1 || '%'",
        secret).get(0).get("n")).as("only a hash is stored").isEqualTo(0L);

    ApiClient integration = kith.api(secret);
    assertThat(integration.get("/api/v1/contact").status()).isEqualTo(200);
    Response listed = kith.api().get("/api/v1/me/tokens");
    assertThat(listed.body().get("items").valueStream().map(t -> t.get("name").asString())).contains("Nightly sync");
    assertThat(listed.body().toString()).doesNotContain(secret);

    assertThat(kith.api().delete("/api/v1/me/tokens/" + id).status()).isEqualTo(204);
    assertThat(integration.get("/api/v1/contact").status()).as("revoked").isEqualTo(401);
    assertThat(kith.api().post("/api/v1/me/tokens", "{\"name\": \"\"}").body().get("errors").get(0).get("field").asString())
        .isEqualTo("name");
  }

  @Test
  void anApiWriteWithASessionCookieNeedsTheCsrfToken() {
    HtmlSession session = kith.session();
    assertThat(session.sendJson("POST", "/api/v1/contact", "{\"subtype\": \"organization\", \"organization_name\": \"Forged\"}"))
        .isEqualTo(403);
    assertThat(kith.db().query("select count(*) as n from contact where organization_name = 'Forged'").get(0).get("n"))
        .isEqualTo(0L);
  }

  @Test
  void passwordChangeChecksTheCurrentPasswordAndTheRules() {
    String token = kith.server().userWithToken("changer", "staff");
    ApiClient changer = kith.api(token);
    Response wrong = changer.post("/api/v1/me/password",
        "{\"current_password\": \"not-it\", \"new_password\": \"short\"}");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.body().get("errors").valueStream().map(e -> e.get("field").asString() + ":" + e.get("code").asString()))
        .containsExactly("current_password:wrong_password", "new_password:password_too_short");

    Response ok = changer.post("/api/v1/me/password",
        "{\"current_password\": \"password-of-changer\", \"new_password\": \"a much longer secret\"}");
    assertThat(ok.status()).isEqualTo(204);
    kith.anonymousSession().signIn("changer", "a much longer secret");
    kith.anonymousSession().signIn("changer", "password-of-changer", 401);
  }

  @Test
  void theSignInPageIsEscapedAndOnlyReturnsToPathsOnThisSite() {
    for (String next : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example")) {
      HtmlSession s = kith.anonymousSession();
      s.get("/login");
      Page page = s.post("/login", List.of(Map.entry("login", "admin"), Map.entry("password", KithServer.ADMIN_PASSWORD),
          Map.entry("next", next)));
      assertThat(page.location()).as(next).isEqualTo("/app");
    }
    Page page = kith.anonymousSession().signIn("<script>alert(1)</script>", "x", 401);
    assertThat(page.body()).doesNotContain("<script>alert(1)</script>");
  }
}
