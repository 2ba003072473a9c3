package io.kith.importing;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A checked import profile: everything needed to read a file and turn its rows into records.
 *
 * @param columns the mapping, or null to use the suggested one
 * @param constants field to JSON value for fields no column fills
 * @param key the duplicate key (empty with {@link DuplicateMode#NONE})
 * @param json the profile document as given (what is stored)
 */
record ImportProfile(String name, String entity, String subtype, FileOptions file, List<ColumnMap> columns,
    ObjectNode constants, DuplicateMode mode, List<FieldPath> key, JsonNode json) {

  ImportProfile {
    columns = columns == null ? null : List.copyOf(columns);
    key = List.copyOf(key);
  }

  ImportProfile withColumns(List<ColumnMap> chosen) {
    return new ImportProfile(name, entity, subtype, file, chosen, constants, mode, key, json);
  }
}
