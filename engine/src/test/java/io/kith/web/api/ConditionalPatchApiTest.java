package io.kith.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Optimistic concurrency: the ETag is the record version and a PATCH with a stale If-Match changes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConditionalPatchApiTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();




  @Test
  void patchWithCurrentIfMatchSucceedsAndReturnsNextVersion() {
    long id = newContact("Kwok");

    Response patched = kith.api().patch("/api/v1/contact/" + id, "{\"last_name\": \"Kwan\"}", "If-Match", "\"1\"");

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.header("ETag")).isEqualTo("\"2\"");
    assertThat(row(id)).containsEntry("version", 2).containsEntry("last_name", "Kwan");
  }

  @Test
  void patchWithStaleIfMatchIsRefusedAndChangesNothing() {
    long id = newContact("Ho");
    assertThat(kith.api().patch("/api/v1/contact/" + id, "{\"last_name\": \"Ha\"}", "If-Match", "\"1\"").status())
        .isEqualTo(200);

    Response stale = kith.api().patch("/api/v1/contact/" + id,
        "{\"last_name\": \"Hui\", \"emails\": [{\"email\": \"hui@example.org\"}]}", "If-Match", "\"1\"");

    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.contentType().toString()).isEqualTo("application/problem+json");
    assertThat(stale.body().get("type").asString()).endsWith("/version-conflict");
    assertThat(stale.body().get("title").asString()).contains("1", "2");
    assertThat(row(id)).containsEntry("version", 2).containsEntry("last_name", "Ha");
    assertThat(kith.db().query("select 1 from contact__emails where parent_id = $1", id)).isEmpty();
  }

  @ParameterizedTest(name = "If-Match: {0}")
  @ValueSource(strings = {"\"7\"", "W/\"7\"", "\"not-a-version\""})
  void ifMatchThatIsNotTheCurrentVersionNeverMatches(String ifMatch) {
    long id = newContact("Yip");

    Response refused = kith.api().patch("/api/v1/contact/" + id, "{\"last_name\": \"Yeung\"}", "If-Match", ifMatch);

    assertThat(refused.status()).isEqualTo(412);
    assertThat(row(id)).containsEntry("version", 1).containsEntry("last_name", "Yip");
  }

  @Test
  void weakEtagOfCurrentVersionMatches() {
    long id = newContact("Lam");

    Response patched = kith.api().patch("/api/v1/contact/" + id, "{\"last_name\": \"Lum\"}", "If-Match", "W/\"1\"");

    assertThat(patched.status()).isEqualTo(200);
    assertThat(row(id)).containsEntry("version", 2).containsEntry("last_name", "Lum");
  }

  private long newContact(String lastName) {
    Response created = kith.api().post("/api/v1/contact",
        "{\"subtype\": \"individual\", \"first_name\": \"Test\", \"last_name\": \"%s\"}".formatted(lastName));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    return created.body().get("id").asLong();
  }

  private Map<String, Object> row(long id) {
    return kith.db().query("select version, last_name from contact where id = $1", id).get(0);
  }
}
