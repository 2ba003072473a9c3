package io.kith.metadata;

/** The text of one metadata file, with the path used in error messages. */
public record MetadataFile(String path, MetadataKind kind, String content) {

  public boolean isJson() {
    return path.endsWith(".json");
  }

  /** The file name without folder and extension; must equal the {@code name} inside. */
  public String baseName() {
    String file = path.substring(path.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    return dot < 0 ? file : file.substring(0, dot);
  }
}
