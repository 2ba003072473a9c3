package io.kith.validation;

import java.util.List;

/**
 * One problem with one input value.
 *
 * @param field the field path: {@code first_name}, or {@code emails[0].email} inside a collection
 * @param code a stable machine-readable code ({@code required}, {@code too_long}, ...)
 * @param arguments values for the message (limits, the offending value)
 */
public record FieldError(String field, String code, List<Object> arguments) {
  public FieldError {
    arguments = List.copyOf(arguments);
  }

  public static FieldError of(String field, String code, Object... arguments) {
    return new FieldError(field, code, List.of(arguments));
  }
}
