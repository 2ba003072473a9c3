package io.kith.access;

import java.util.Locale;

/** Which records of an entity type a role reaches, narrowest first. */
public enum Scope {
  /** Records the user owns. */
  OWN,
  /** Records the user owns or that were shared with them. */
  OWN_SHARED,
  /** Every record. */
  ALL;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The scope named {@code code}, or null. */
  public static Scope of(String code) {
    for (Scope s : values()) {
      if (s.code().equals(code)) {
        return s;
      }
    }
    return null;
  }

  /** The wider of two scopes. */
  Scope widest(Scope other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
