package io.kith.importing;

import io.kith.validation.FieldError;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One row turned into a record body, with the references still to look up and the problems found
 * so far (a value map or a match that failed). Mutable while its batch is being prepared.
 */
final class Converted {

  /**
   * A cell that names a record of another type.
   *
   * @param position the index in a multi-reference array, or -1 for a single reference
   * @param key the cell compared ignoring case and surrounding spaces
   */
  record Ref(String field, int position, String entity, String match, String key, String cell) {}

  final CsvRow row;
  final ObjectNode body;
  final List<Ref> refs = new ArrayList<>();
  final List<FieldError> errors = new ArrayList<>();
  /** The duplicate key, once references are resolved; null when a part is empty. */
  List<String> key;

  Converted(CsvRow row, ObjectNode body) {
    this.row = row;
    this.body = body;
  }
}
