package io.kith.importing;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes a mapping back in the profile format (for suggestions and for jobs, which keep theirs). */
final class ProfileJson {

  private ProfileJson() {}

  static ArrayNode columns(List<ColumnMap> columns) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (ColumnMap c : columns) {
      ObjectNode item = out.addObject();
      if (c.column() != null) {
        item.put("column", c.column());
      } else {
        item.put("index", c.index());
      }
      if (c.skipped()) {
        item.put("skip", true);
        continue;
      }
      item.put("field", c.target().toString());
      if (!c.row().isEmpty()) {
        ObjectNode row = item.putObject("row");
        c.row().forEach(row::set);
      }
      if (c.match() != null) {
        item.put("match", c.match());
      }
      if (!c.values().isEmpty()) {
        ObjectNode values = item.putObject("values");
        c.values().forEach(values::put);
      }
      if (!c.separator().equals(";")) {
        item.put("separator", c.separator());
      }
    }
    return out;
  }

  /** The profile document with its columns replaced by {@code columns}. */
  static ObjectNode withColumns(ImportProfile profile, List<ColumnMap> columns) {
    ObjectNode out = profile.json().deepCopy() instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    out.set("columns", columns(columns));
    return out;
  }
}
