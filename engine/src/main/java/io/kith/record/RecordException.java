package io.kith.record;

/** A request about a record that cannot be carried out, with the HTTP status it maps to. */
public class RecordException extends RuntimeException {

  /** Why the request failed. */
  public enum Reason {
    NOT_FOUND(404),
    FORBIDDEN(403),
    VERSION_CONFLICT(412),
    INACTIVE(409),
    REFERENCED(409),
    BAD_QUERY(400);

    private final int status;

    Reason(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Reason reason;
  private final String messageKey;
  private final Object[] arguments;

  public RecordException(Reason reason, String messageKey, Object... arguments) {
    super(messageKey, null, false, false);
    this.reason = reason;
    this.messageKey = messageKey;
    this.arguments = arguments.clone();
  }

  public Reason reason() {
    return reason;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
