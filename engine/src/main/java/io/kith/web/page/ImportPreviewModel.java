package io.kith.web.page;

import io.kith.i18n.KithLocale;
import io.kith.metadata.EntityDef;
import io.kith.render.ImportViews.Column;
import io.kith.render.ImportViews.Constant;
import io.kith.render.ImportViews.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Turns an import preview (the API's dry-run answer) into the wizard page's view model. */
final class ImportPreviewModel {

  private ImportPreviewModel() {}

  static Map<String, Object> fileFacts(JsonNode file) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("encoding", file.get("encoding").asString());
    out.put("certain", file.get("encodingCertain").asBoolean());
    String delimiter = file.get("delimiter").asString();
    out.put("delimiter", delimiter.equals("\t") ? "tab" : delimiter);
    out.put("rows", file.get("rows").asLong());
    return out;
  }

  static Map<String, Object> counts(JsonNode counts) {
    Map<String, Object> out = new LinkedHashMap<>();
    counts.properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
    return out;
  }

  static List<Column> columns(JsonNode columns) {
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      JsonNode c = columns.get(i);
      Map<String, String> row = new LinkedHashMap<>();
      c.path("row").properties().forEach(e -> row.put(e.getKey(), e.getValue().asString()));
      String header = c.has("column") ? c.get("column").asString() : "#" + c.path("index").asInt();
      List<String> values = new ArrayList<>();
      c.path("values").properties().forEach(e -> values.add(e.getKey() + "=" + e.getValue().asString()));
      out.add(new Column(i, header, c.path("skip").asBoolean(false) ? "" : ImportTargets.valueOf(c.path("field").asString(null), row),
          c.path("match").asString(""), String.join("; ", values)));
    }
    return out;
  }

  /** The profile's constants as typed values, then {@code blank} empty rows to add more. */
  static List<Constant> constants(JsonNode constants, int blank) {
    List<Constant> out = new ArrayList<>();
    constants.properties().forEach(e -> out.add(new Constant(out.size(), e.getKey(), typed(e.getValue()))));
    for (int i = 0; i < blank; i++) {
      out.add(new Constant(out.size(), "", ""));
    }
    return out;
  }

  /** A constant as one would type it: text as is, a list as its values separated by {@code ; }. */
  private static String typed(JsonNode value) {
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(v -> parts.add(v.asString()));
      return String.join("; ", parts);
    }
    return value.isString() ? value.asString() : value.toString();
  }

  static List<Row> rows(PageModel pages, EntityDef entity, JsonNode rows, KithLocale locale) {
    List<Row> out = new ArrayList<>();
    for (JsonNode row : rows) {
      List<String> values = new ArrayList<>();
      row.get("record").properties().forEach(e -> values.add(entity.field(e.getKey()).map(f -> f.label(locale))
          .orElse(e.getKey()) + ": " + (e.getValue().isString() ? e.getValue().asString() : e.getValue().toString())));
      List<String> errors = new ArrayList<>();
      row.get("errors").forEach(e -> errors.add(e.get("message").asString()));
      out.add(new Row(row.get("row").asLong(), pages.text(locale, "import.action." + row.get("action").asString()),
          values, errors));
    }
    return out;
  }
}
