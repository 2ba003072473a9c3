package io.kith.web.api;

import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the plain fields of a small JSON request body (users, roles, tokens), collecting every
 * problem: a body that is not an object, unknown fields, values of the wrong kind.
 */
final class JsonFields {

  private final JsonNode body;
  private final List<FieldError> errors = new ArrayList<>();

  JsonFields(JsonNode body, Set<String> known) {
    this.body = body;
    if (body == null || !body.isObject()) {
      errors.add(FieldError.of("", "not_an_object"));
      return;
    }
    for (String name : body.propertyNames()) {
      if (!known.contains(name)) {
        errors.add(FieldError.of(name, "unknown_field"));
      }
    }
  }

  boolean has(String name) {
    return body != null && body.isObject() && body.has(name);
  }

  /** The text of {@code name}, or {@code fallback} when it is absent; null when it is JSON null. */
  String text(String name, String fallback) {
    if (!has(name)) {
      return fallback;
    }
    JsonNode value = body.get(name);
    if (value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      errors.add(FieldError.of(name, "wrong_type"));
      return null;
    }
    return value.asString();
  }

  Boolean bool(String name, Boolean fallback) {
    if (!has(name) || body.get(name).isNull()) {
      return fallback;
    }
    if (!body.get(name).isBoolean()) {
      errors.add(FieldError.of(name, "wrong_type"));
      return fallback;
    }
    return body.get(name).asBoolean();
  }

  List<String> texts(String name, List<String> fallback) {
    if (!has(name) || body.get(name).isNull()) {
      return fallback;
    }
    JsonNode value = body.get(name);
    if (!value.isArray()) {
      errors.add(FieldError.of(name, "wrong_type"));
      return fallback;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (value.get(i).isString()) {
        out.add(value.get(i).asString());
      } else {
        errors.add(FieldError.of(name + "[" + i + "]", "wrong_type"));
      }
    }
    return out;
  }

  JsonNode node(String name) {
    return has(name) ? body.get(name) : null;
  }

  /** Throws the problems found so far, if any. */
  void check() {
    if (!errors.isEmpty()) {
      throw new RecordValidationException(errors);
    }
  }
}
