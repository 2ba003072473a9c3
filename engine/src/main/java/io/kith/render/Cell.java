package io.kith.render;

/** One displayed value: text, and a link when the value points somewhere (a record, mailto, web). */
public record Cell(String text, String href) {
  public static Cell plain(String text) {
    return new Cell(text, null);
  }
}
