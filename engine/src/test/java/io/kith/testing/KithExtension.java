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
  private final String[] args;
  private TestDatabase db;
  private KithServer server;
  private ApiClient api;

  private KithExtension(String metadataResource, String... args) {
    this.metadataResource = metadataResource;
    this.args = args.clone();
  }

  /** Kith with the shipped metadata pack. */
  public static KithExtension shipped() {
    return new KithExtension(null);
  }

  /** Kith with the shipped metadata pack and extra settings, e.g. {@code --kith.import.max-rows=10}. */
  public static KithExtension shippedWith(String... args) {
    return new KithExtension(null, args);
  }

  /** Kith with a metadata folder from the test resources, e.g. {@code /metadata-volunteer}. */
  public static KithExtension withMetadata(String resource) {
    return new KithExtension(resource);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws URISyntaxException {
    db = new TestDatabase();
    Path metadata = metadataResource == null ? null : Path.of(KithExtension.class.getResource(metadataResource).toURI());
    server = KithServer.start(db, metadata, args);
    api = new ApiClient(server.client());
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

  /** A new browser-like session (its own cookies). */
  public HtmlSession session() {
    return new HtmlSession(server.baseUrl());
  }
}
