package io.kith.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;

/**
 * List queries only accept names the metadata knows: an unknown or hostile sort or filter name is a
 * 400 naming it, and no SQL runs. Unknown entity types are 404 problems.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListQueryApiTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();


  @BeforeAll
  void start() {
    assertThat(kith.api().post("/api/v1/contact", "{\"subtype\": \"individual\", \"first_name\": \"Chan\"}").status())
        .isEqualTo(201);
    // The table an injection would drop: it must survive every request below.
    kith.db().execute("create table x (id integer)");
  }


  @ParameterizedTest(name = "sort={0}")
  @CsvSource(delimiter = '|', textBlock = """
      nope                                 | nope
      -nope                                | nope
      name;drop table x                    | name;drop table x
      -name;drop table x                   | name;drop table x
      first_name,last_name;drop table x    | last_name;drop table x
      first_name"; drop table x; --        | first_name"; drop table x; --
      """)
  void rejectsUnknownSortNamingIt(String sort, String named) {
    Response response = kith.api().send(HttpMethod.GET, "/api/v1/contact?sort={sort}", Map.of("sort", sort), null);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType().toString()).isEqualTo("application/problem+json");
    assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo(named);
    assertThat(response.body().get("errors").get(0).get("code").asString()).isEqualTo("unknown_sort");
    assertNothingRan();
  }

  @ParameterizedTest(name = "{0}=1")
  @ValueSource(strings = {"nope", "name;drop table x", "first_name\"; drop table x; --", "contact.id", "emails"})
  void rejectsUnknownFilterNamingIt(String name) {
    Response response = kith.api().send(HttpMethod.GET, "/api/v1/contact?{name}=1", Map.of("name", name), null);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType().toString()).isEqualTo("application/problem+json");
    assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo(name);
    assertThat(response.body().get("errors").get(0).get("code").asString()).isEqualTo("unknown_filter");
    assertNothingRan();
  }

  @Test
  void filterValueIsBoundNotSpliced() {
    Response response = kith.api().send(HttpMethod.GET, "/api/v1/contact?first_name={value}",
        Map.of("value", "x'; drop table x; --"), null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("total").asLong()).isZero();
    assertNothingRan();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"page, 0", "size, 0", "size, 100000", "page, one"})
  void rejectsBadPaging(String name, String value) {
    Response response = kith.api().send(HttpMethod.GET, "/api/v1/contact?{name}={value}",
        Map.of("name", name, "value", value), null);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "GET, /api/v1/no_such_entity",
      "GET, /api/v1/no_such_entity/1",
      "POST, /api/v1/no_such_entity",
      "GET, /api/v1/meta/entities/no_such_entity",
      "GET, /api/v1/meta/entities/no_such_entity/schema"})
  void unknownEntityTypeIsNotFoundProblem(HttpMethod method, String uri) {
    Response response = kith.api().send(method, uri, method == HttpMethod.POST ? "{}" : null);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType().toString()).isEqualTo("application/problem+json");
    assertThat(response.body().get("type").asString()).endsWith("/unknown-entity");
    assertThat(response.body().get("title").asString()).contains("no_such_entity");
  }

  @Test
  void unknownRecordIsNotFoundProblem() {
    Response response = kith.api().get("/api/v1/contact/999999");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body().get("type").asString()).endsWith("/record-not-found");
  }

  private void assertNothingRan() {
    assertThat(kith.db().count("x")).isZero();
    assertThat(kith.db().count("contact")).isEqualTo(1);
  }
}
