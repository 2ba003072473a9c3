package io.kith.testing;

import io.kith.KithApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real Kith on a random port against a {@link TestDatabase}, started the way {@code java -jar}
 * starts it, with a metadata folder of the test's choosing.
 */
public final class KithServer implements AutoCloseable {

  /** The first administrator's password in tests (login {@code admin}). */
  public static final String ADMIN_PASSWORD = "test-admin-password-1";

  private static final List<String> NO_PROXY = List.of(
      "org.springframework.boot.r2dbc.autoconfigure.R2dbcProxyAutoConfiguration",
      "org.springframework.boot.r2dbc.autoconfigure.observation.R2dbcObservationAutoConfiguration");

  private final ConfigurableApplicationContext context;
  private final int port;
  private String adminToken;

  private KithServer(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** Starts Kith; {@code metadata} null means the shipped pack. */
  public static KithServer start(TestDatabase db, Path metadata, String... extraArgs) {
    return start(db, metadata, new Class<?>[0], extraArgs);
  }

  /** Starts Kith with extra Spring configuration classes (for example a benchmark's routes) beside it. */
  public static KithServer start(TestDatabase db, Path metadata, Class<?>[] extraSources, String... extraArgs) {
    SpringApplication app = new SpringApplication(KithApplication.class);
    app.addPrimarySources(List.of(extraSources));
    return new KithServer(app.run(arguments(db, metadata, 0, extraArgs).toArray(String[]::new)));
  }

  /**
   * The command-line arguments a test Kith starts with: {@code port} (0 for any free one), the
   * database, quiet logs, no r2dbc-proxy, the test administrator's password unless {@code extraArgs}
   * sets one, and {@code metadata} (null: the shipped pack).
   */
  public static List<String> arguments(TestDatabase db, Path metadata, int port, String... extraArgs) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + port,
        "--spring.r2dbc.url=" + db.url(),
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN",
        "--logging.level.io.kith=WARN",
        // r2dbc-proxy is on the test class path (the search benchmark records SQL with it), and Spring
        // Boot would wrap every connection in it; the jar has no r2dbc-proxy, and tests run Kith as the
        // jar does.
        "--spring.autoconfigure.exclude=" + String.join(",", NO_PROXY)));
    if (java.util.Arrays.stream(extraArgs).noneMatch(a -> a.startsWith("--kith.admin.password="))) {
      args.add("--kith.admin.password=" + ADMIN_PASSWORD);
    }
    if (metadata != null) {
      args.add("--kith.metadata.path=" + metadata.toAbsolutePath());
    }
    args.addAll(List.of(extraArgs));
    return args;
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public WebTestClient client() {
    return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(30)).build();
  }

  /** An access token of the first administrator, made once per server. */
  public synchronized String adminToken() {
    if (adminToken == null) {
      long admin = bean(io.kith.users.UserService.class).byLogin("admin").block().id();
      adminToken = bean(io.kith.security.SignIns.class).createToken(admin, "tests").block().secret();
    }
    return adminToken;
  }

  /** The API as the first administrator. */
  public ApiClient api() {
    return new ApiClient(client().mutate().defaultHeader("Authorization", "Bearer " + adminToken()).build());
  }

  /** A new browser-like session signed in as the first administrator. */
  public HtmlSession session() {
    return new HtmlSession(baseUrl()).signIn("admin", ADMIN_PASSWORD);
  }

  /** A new user with {@code roles} and an access token of theirs: the token. */
  public String userWithToken(String login, String... roles) {
    io.kith.users.User user = bean(io.kith.users.UserService.class).create(new io.kith.users.UserDraft(login,
        login, null, null, null, true, "password-of-" + login, java.util.List.of(roles)), false).block();
    return bean(io.kith.security.SignIns.class).createToken(user.id(), "tests").block().secret();
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
