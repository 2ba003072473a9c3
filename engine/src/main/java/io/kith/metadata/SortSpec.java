package io.kith.metadata;

/** A sort key: a field or system column name, ascending or descending ({@code -name}). */
public record SortSpec(String name, boolean descending) {

  public static SortSpec parse(String text) {
    return text.startsWith("-") ? new SortSpec(text.substring(1), true) : new SortSpec(text, false);
  }

  @Override
  public String toString() {
    return descending ? "-" + name : name;
  }
}
