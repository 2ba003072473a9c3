package io.kith.metadata;

/**
 * One thing wrong with the metadata: where (file and JSON pointer inside it) and a plain sentence.
 */
public record MetadataProblem(String file, String pointer, String message) {

  @Override
  public String toString() {
    return file + (pointer.isEmpty() ? "" : " at " + pointer) + ": " + message;
  }
}
