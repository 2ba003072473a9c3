package io.kith.importing;

import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.util.List;

/** The errors about a file as a whole, each naming the part of the request at fault. */
final class CsvProblems {

  private CsvProblems() {}

  /** A quote left open or a similar break in the CSV syntax. */
  static RecordValidationException unreadable(RuntimeException e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new RecordValidationException(List.of(FieldError.of("file", "unreadable_csv", detail)));
  }

  static RecordValidationException tooLarge(long maxBytes) {
    return new RecordValidationException(List.of(FieldError.of("file", "file_too_large", maxBytes)));
  }

  static RecordValidationException tooManyRows(long maxRows) {
    return new RecordValidationException(List.of(FieldError.of("file", "too_many_rows", maxRows)));
  }

  static RecordValidationException empty() {
    return new RecordValidationException(List.of(FieldError.of("file", "empty_file")));
  }
}
