package io.kith.importing;

import io.kith.record.BulkRecords;
import io.kith.validation.FieldError;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What becomes of one row.
 *
 * @param body the record as it would be stored (a patch body for an update)
 * @param checked the checked draft to write (creates and updates only)
 */
record Outcome(CsvRow row, Action action, JsonNode body, BulkRecords.Checked checked, List<FieldError> errors) {

  enum Action { CREATE, UPDATE, SKIP, FAIL }

  Outcome {
    errors = List.copyOf(errors);
  }

  Outcome failed(List<FieldError> why) {
    return new Outcome(row, Action.FAIL, body, null, why);
  }
}
