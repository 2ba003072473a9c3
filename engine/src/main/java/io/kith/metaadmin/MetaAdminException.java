package io.kith.metaadmin;

import io.kith.fieldtype.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * A change that cannot be made: the HTTP status, a code, a sentence and the details (problems,
 * offending values, what needs confirmation), rendered as {@code application/problem+json}.
 */
final class MetaAdminException extends RuntimeException {

  private final int status;
  private final String code;
  private final ObjectNode details;

  MetaAdminException(int status, String code, String message, ObjectNode details) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.details = details == null ? Json.object() : details;
  }

  MetaAdminException(int status, String code, String message) {
    this(status, code, message, null);
  }

  int status() {
    return status;
  }

  ObjectNode problem() {
    ObjectNode out = Json.object();
    out.put("type", "https://kith.io/problems/" + code.replace('_', '-'));
    out.put("title", getMessage());
    out.put("status", status);
    out.put("code", code);
    out.setAll(details);
    return out;
  }
}
