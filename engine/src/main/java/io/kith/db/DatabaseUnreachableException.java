package io.kith.db;

/** PostgreSQL could not be reached (or the database could not be created) at start-up. */
public final class DatabaseUnreachableException extends RuntimeException {

  private final String url;
  private final String reason;

  public DatabaseUnreachableException(String url, String reason) {
    super("Could not reach PostgreSQL at " + url + ": " + reason);
    this.url = url;
    this.reason = reason;
  }

  public String url() {
    return url;
  }

  public String reason() {
    return reason;
  }
}
