package io.kith.importing;

/**
 * A field of the target entity type ({@code first_name}) or a field of one of its collections
 * ({@code emails.email}).
 *
 * @param child the collection's field, or null for a top-level field
 */
record FieldPath(String field, String child) {

  static FieldPath parse(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? new FieldPath(path, null) : new FieldPath(path.substring(0, dot), path.substring(dot + 1));
  }

  boolean inCollection() {
    return child != null;
  }

  @Override
  public String toString() {
    return child == null ? field : field + "." + child;
  }
}
