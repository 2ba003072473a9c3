package io.kith.metaadmin;

import io.kith.metadata.MetadataKind;
import java.util.Locale;

/** One metadata file of the effective model: an entity type, an option list or a relationship type. */
public record ModelItem(MetadataKind kind, String name) {

  /** The kind as stored in {@code kith.metadata_revision.kind}: entity, option_list, relationship_type. */
  public String kindCode() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  public static MetadataKind kindOf(String code) {
    return MetadataKind.valueOf(code.toUpperCase(Locale.ROOT));
  }

  /** Where a body that came through the API is said to be, in problems: {@code entities/shift.json}. */
  String jsonPath() {
    return kind.folder() + "/" + name + ".json";
  }

  String yamlPath() {
    return kind.folder() + "/" + name + ".yaml";
  }

  @Override
  public String toString() {
    return kind.folder() + "/" + name;
  }
}
