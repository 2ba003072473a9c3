package io.kith.access;

import java.util.Locale;

/** What a role may do with records of an entity type; named in role documents in lower case. */
public enum Action {
  VIEW, CREATE, EDIT, DELETE, DEACTIVATE, IMPORT, EXPORT, ADMINISTER;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The action named {@code code}, or null. */
  public static Action of(String code) {
    for (Action a : values()) {
      if (a.code().equals(code)) {
        return a;
      }
    }
    return null;
  }
}
