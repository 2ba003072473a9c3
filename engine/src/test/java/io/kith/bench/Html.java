package io.kith.bench;

/** Appends HTML-escaped text, the way a hand-written page would without a template engine. */
final class Html {

  private final StringBuilder out;

  Html(int capacity) {
    this.out = new StringBuilder(capacity);
  }

  /** Markup written as is: only ever literals of the page itself. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  Html text(String value) {
    if (value == null) {
      return this;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return this;
  }

  Html number(long value) {
    out.append(value);
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
