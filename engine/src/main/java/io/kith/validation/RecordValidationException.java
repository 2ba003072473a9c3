package io.kith.validation;

import java.util.List;

/** Input was rejected; nothing was written. */
public final class RecordValidationException extends RuntimeException {

  private final List<FieldError> errors;

  public RecordValidationException(List<FieldError> errors) {
    super(errors.toString(), null, false, false);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
