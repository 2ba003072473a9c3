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

  private final ConfigurableApplicationContext context;
  private final int port;

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
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.r2dbc.url=" + db.url(),
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN",
        "--logging.level.io.kith=WARN"));
    if (metadata != null) {
      args.add("--kith.metadata.path=" + metadata.toAbsolutePath());
    }
    args.addAll(List.of(extraArgs));
    SpringApplication app = new SpringApplication(KithApplication.class);
    app.addPrimarySources(List.of(extraSources));
    return new KithServer(app.run(args.toArray(String[]::new)));
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

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
