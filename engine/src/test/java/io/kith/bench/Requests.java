package io.kith.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** The requests the benchmark sends, all to the local server. */
final class Requests {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String base;
  private final String authorization;
  private final int contacts;
  private final AtomicLong created = new AtomicLong();

  /** Every request carries {@code token} (an administrator's access token), on both sides alike. */
  Requests(int port, String token, int contacts) {
    this.base = "http://127.0.0.1:" + port;
    this.authorization = "Bearer " + token;
    this.contacts = contacts;
  }

  HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Authorization", authorization)
        .GET().build();
  }

  /** A GET of {@code prefix + id} for a random one of the loaded contacts. */
  HttpRequest randomContact(String prefix) {
    return get(prefix + ThreadLocalRandom.current().nextLong(1, contacts + 1));
  }

  HttpRequest postJson(String path, String json) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Authorization", authorization)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(BodyPublishers.ofString(json)).build();
  }

  /** A new individual with one email; nothing in it is unique, so any number can be created. */
  HttpRequest newContact(String path) {
    return postJson(path, newContactJson(created.incrementAndGet()));
  }

  static String newContactJson(long n) {
    return """
        {"subtype": "individual", "prefix": "ms", "first_name": "Bench", "last_name": "Writer %d",
         "gender": "female", "birth_date": "1980-05-17", "source": "benchmark",
         "emails": [{"email": "writer%d@example.org", "location_type": "home", "is_primary": true}]}
        """.formatted(n, n);
  }
}
