package io.kith.metadata;

/** The kinds of metadata file, each in its own folder and with its own JSON Schema. */
public enum MetadataKind {
  ENTITY("entities", "entity.schema.json"),
  OPTION_LIST("option-lists", "option-list.schema.json"),
  RELATIONSHIP_TYPE("relationship-types", "relationship-type.schema.json");

  private final String folder;
  private final String schemaFile;

  MetadataKind(String folder, String schemaFile) {
    this.folder = folder;
    this.schemaFile = schemaFile;
  }

  public String folder() {
    return folder;
  }

  public String schemaFile() {
    return schemaFile;
  }
}
