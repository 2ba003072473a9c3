package io.kith.render;

import io.kith.fieldtype.FieldTypeSupport;
import io.kith.fieldtype.FieldTypes;
import io.kith.fieldtype.Json;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between a record's JSON and HTML form fields, both ways. Form names are field names;
 * collection rows are {@code emails[0].email}. A form that comes back with errors is re-rendered
 * from exactly what the user sent.
 */
public final class FormValues {

  private static final Pattern ROW_KEY = Pattern.compile("([a-z][a-z0-9_]*)\\[(\\d+)]\\.([a-z][a-z0-9_]*)");
  private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private final FieldTypes fieldTypes;
  private final ZoneId zone;

  public FormValues(FieldTypes fieldTypes, ZoneId zone) {
    this.fieldTypes = fieldTypes;
    this.zone = zone;
  }

  /** The JSON body the form represents: editable fields only; blank collection rows dropped. */
  public ObjectNode toJson(EntityDef entity, String subtype, Map<String, List<String>> form) {
    ObjectNode out = Json.object();
    if (subtype != null) {
      out.put("subtype", subtype);
    }
    for (FieldDef field : entity.fields()) {
      if (field.isComputed() || field.hidden() || !field.appliesTo(subtype)) {
        continue;
      }
      if (field.type() instanceof FieldType.Collection c) {
        if (form.containsKey(field.name() + "__present")) {
          out.set(field.name(), rows(field, c, form));
        }
        continue;
      }
      List<String> values = form.get(field.name());
      boolean multiple = field.type() instanceof FieldType.MultiOption
          || field.type() instanceof FieldType.MultiReference;
      // An empty multiple choice sends nothing; its "__present" marker says it was on the form.
      if (values == null && !(multiple && form.containsKey(field.name() + "__present"))) {
        continue;
      }
      JsonNode value = convert(field, values == null ? List.of() : values);
      out.set(field.name(), value == null ? Json.NODES.nullNode() : value);
    }
    return out;
  }

  private ArrayNode rows(FieldDef field, FieldType.Collection collection, Map<String, List<String>> form) {
    Map<Integer, Map<String, List<String>>> byIndex = new LinkedHashMap<>();
    TreeSet<Integer> indexes = new TreeSet<>();
    for (Map.Entry<String, List<String>> e : form.entrySet()) {
      Matcher m = ROW_KEY.matcher(e.getKey());
      if (m.matches() && m.group(1).equals(field.name())) {
        int index = Integer.parseInt(m.group(2));
        indexes.add(index);
        byIndex.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(m.group(3), e.getValue());
      }
    }
    ArrayNode rows = Json.array();
    for (int index : indexes) {
      Map<String, List<String>> cells = byIndex.get(index);
      if (isBlank(collection, cells)) {
        continue;
      }
      ObjectNode row = rows.addObject();
      for (FieldDef child : collection.fields()) {
        JsonNode value = convert(child, cells.getOrDefault(child.name(), List.of()));
        row.set(child.name(), value == null ? Json.NODES.nullNode() : value);
      }
    }
    return rows;
  }

  /** A row whose text inputs are all empty and whose checkboxes are all clear was never filled in. */
  private static boolean isBlank(FieldType.Collection collection, Map<String, List<String>> cells) {
    for (FieldDef child : collection.fields()) {
      List<String> values = cells.getOrDefault(child.name(), List.of());
      boolean filled = child.type() instanceof FieldType.Bool
          ? values.contains("true")
          : values.stream().anyMatch(v -> !v.isBlank());
      if (filled) {
        return false;
      }
    }
    return true;
  }

  private JsonNode convert(FieldDef field, List<String> values) {
    FieldTypeSupport<FieldType> support = fieldTypes.of(field.type());
    return support.fromForm(field.type(), values);
  }

  /** The form fields showing a stored record (or defaults for a new one). */
  public Map<String, List<String>> fromJson(EntityDef entity, JsonNode record) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (FieldDef field : entity.fields()) {
      JsonNode value = record.get(field.name());
      if (value == null || value.isNull()) {
        continue;
      }
      if (field.type() instanceof FieldType.Collection c) {
        for (int i = 0; i < value.size(); i++) {
          for (FieldDef child : c.fields()) {
            out.put(field.name() + "[" + i + "]." + child.name(), strings(child, value.get(i).get(child.name())));
          }
        }
      } else {
        out.put(field.name(), strings(field, value));
      }
    }
    return out;
  }

  private List<String> strings(FieldDef field, JsonNode value) {
    List<String> out = new ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (value.isArray()) {
      value.forEach(v -> out.add(v.asString()));
    } else if (field.type() instanceof FieldType.DateTime) {
      out.add(OffsetDateTime.parse(value.asString()).atZoneSameInstant(zone).format(LOCAL_MINUTES));
    } else {
      out.add(value.asString());
    }
    return out;
  }
}
