package io.kith.fieldtype;

import java.util.List;

/** A value that passed the JSON Schema but cannot be stored (an impossible date, too many decimals). */
public final class InvalidValueException extends Exception {

  private final String code;
  private final List<Object> arguments;

  public InvalidValueException(String code, Object... arguments) {
    super(code, null, false, false);
    this.code = code;
    this.arguments = List.of(arguments);
  }

  public String code() {
    return code;
  }

  public List<Object> arguments() {
    return arguments;
  }
}
