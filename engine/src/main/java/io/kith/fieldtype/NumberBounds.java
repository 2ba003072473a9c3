package io.kith.fieldtype;

import io.kith.metadata.FieldDef;
import tools.jackson.databind.node.ObjectNode;

/** Adds a field's numeric {@code min}/{@code max} to a value schema. */
final class NumberBounds {
  private NumberBounds() {}

  static ObjectNode apply(ObjectNode schema, FieldDef field) {
    if (field.min() != null && field.min().isNumber()) {
      schema.set("minimum", field.min());
    }
    if (field.max() != null && field.max().isNumber()) {
      schema.set("maximum", field.max());
    }
    return schema;
  }
}
