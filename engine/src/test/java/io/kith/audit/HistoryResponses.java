package io.kith.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reading history responses in tests. */
final class HistoryResponses {

  private HistoryResponses() {}

  /** The items of the first history page of a contact. */
  static JsonNode items(ApiClient api, long contactId) {
    ApiClient.Response history = api.get("/api/v1/contact/" + contactId + "/history");
    assertThat(history.status()).isEqualTo(200);
    return history.body().get("items");
  }

  /** One text member of each object in a JSON array. */
  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.get(field).asString()));
    return out;
  }
}
