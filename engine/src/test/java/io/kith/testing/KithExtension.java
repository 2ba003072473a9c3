package io.kith.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running Kith per test class, on its own throw-away database:
 * {@code @RegisterExtension static final KithExtension kith = KithExtension.shipped();}. Started
 * before the class's own {@code @BeforeAll} methods (which may load fixtures through it) and
 * stopped, with its database dropped, after the class.
 */
public final class KithExtension implements BeforeAllCallback, AfterAllCallback {

  private final String metadataResource;
  private final Class<?>[] extraSources;
  private final String[] args;
  private TestDatabase db;
  private KithServer server;
  private ApiClient api;

  private KithExtension(String metadataResource, Class<?>[] extraSources, String[] args) {
    this.metadataResource = metadataResource;
    this.extraSources = extraSources.clone();
    this.args = args.clone();
  }

  /** Kith with the shipped metadata pack. */
  public static KithExtension shipped() {
    return new KithExtension(null, new Class<?>[0], new String[0]);
  }

  /**
   * Kith with the shipped metadata and extra Spring sources beside it (classes with {@code @Bean}
   * methods that are not {@code @Configuration}, so the engine's component scan never finds them).
   */
  public static KithExtension shippedWith(Class<?>... extraSources) {
    return new KithExtension(null, extraSources, new String[0]);
  }

  /** Kith with the shipped metadata pack and extra settings, e.g. {@code --kith.import.max-rows=10}. */
  public static KithExtension shippedWith(String... args) {
    return new KithExtension(null, new Class<?>[0], args);
  }

  /** Kith with a metadata folder from the test resources, e.g. {@code /metadata-volunteer}. */
  public static KithExtension withMetadata(String resource) {
    return new KithExtension(resource, new Class<?>[0], new String[0]);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws URISyntaxException {
    db = new TestDatabase();
    Path metadata = metadataResource == null ? null : Path.of(KithExtension.class.getResource(metadataResource).toURI());
    server = KithServer.start(db, metadata, extraSources, args);
    api = server.api();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
    }
    db.close();
  }

  public TestDatabase db() {
    return db;
  }

  public KithServer server() {
    return server;
  }

  public ApiClient api() {
    return api;
  }

  /** A new browser-like session (its own cookies), signed in as the administrator. */
  public HtmlSession session() {
    return server.session();
  }

  /** A new browser-like session that has not signed in. */
  public HtmlSession anonymousSession() {
    return new HtmlSession(server.baseUrl());
  }

  /** The API as someone who sends no credentials. */
  public ApiClient anonymousApi() {
    return new ApiClient(server.client());
  }

  /** The API as whoever owns {@code token}. */
  public ApiClient api(String token) {
    return new ApiClient(server.client().mutate().defaultHeader("Authorization", "Bearer " + token).build());
  }
}
