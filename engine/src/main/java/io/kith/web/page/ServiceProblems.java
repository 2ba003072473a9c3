package io.kith.web.page;

import io.kith.metaadmin.ModelAdmin;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Puts the change service's problems beside the form input they concern. The service names each
 * problem by a JSON pointer into the item's body ({@code /fields/0/name}); a page says which body
 * part each of its inputs writes, and a problem goes to the input of the longest matching prefix,
 * or under {@code ""} (shown above the form) when it concerns none.
 */
final class ServiceProblems {

  private final Map<String, String> inputs = new LinkedHashMap<>();

  /** {@code pointer} (a body part, e.g. {@code /labelAToB}) is written by form input {@code input}. */
  ServiceProblems where(String pointer, String input) {
    inputs.put(pointer, input);
    return this;
  }

  /** The refusal's problems by input; a refusal without problems (a duplicate name ...) goes to {@code fallback}. */
  Map<String, String> place(ModelAdmin.Refused refused, String fallback) {
    Map<String, String> out = place(refused.problem().path("problems"));
    if (out.isEmpty()) {
      out.put(fallback, refused.getMessage());
    }
    return out;
  }

  /** The problems of a dry run's report (or a refusal) by input. */
  Map<String, String> place(JsonNode problems) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode problem : problems) {
      String pointer = problem.path("field").asString("");
      String message = problem.path("message").asString("");
      out.merge(input(pointer), message, (a, b) -> a + " " + b);
    }
    return out;
  }

  private String input(String pointer) {
    String best = null;
    for (String prefix : inputs.keySet()) {
      boolean matches = pointer.equals(prefix) || pointer.startsWith(prefix + "/");
      if (matches && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? "" : inputs.get(best);
  }
}
