package io.kith.audit;

/** What happened to a record; {@link #code()} is what is stored and what the API shows. */
public enum Action {
  CREATE("create"),
  UPDATE("update"),
  DEACTIVATE("deactivate"),
  REACTIVATE("reactivate"),
  DELETE("delete"),
  OWNER_CHANGE("owner_change"),
  SHARE("share");

  private final String code;

  Action(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The action stored as {@code code}. */
  public static Action ofCode(String code) {
    for (Action a : values()) {
      if (a.code.equals(code)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown history action: " + code);
  }
}
