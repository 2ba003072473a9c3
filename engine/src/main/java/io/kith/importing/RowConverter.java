package io.kith.importing;

import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns rows into record bodies by a profile's mapping: value maps, cell conversion, collection
 * rows grouped by their fixed values (all "Home" columns fill one email row), references left for
 * a lookup per batch, then constants and the subtype. Built once per file.
 */
final class RowConverter {

  private record Column(ColumnMap map, int index, FieldDef field, FieldDef child) {}

  private final MetadataSnapshot snapshot;
  private final EntityDef entity;
  private final ImportProfile profile;
  private final CellValues values;
  private final List<Column> columns = new ArrayList<>();
  private final ObjectNode constants;

  RowConverter(MetadataSnapshot snapshot, EntityDef entity, ImportProfile profile, List<String> header, CellValues values) {
    this.snapshot = snapshot;
    this.entity = entity;
    this.profile = profile;
    this.values = values;
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < profile.columns().size(); i++) {
      ColumnMap map = profile.columns().get(i);
      int index = indexOf(map, header);
      if (index < 0) {
        errors.add(FieldError.of("columns[" + i + "]." + (map.column() != null ? "column" : "index"), "no_such_column",
            map.describe()));
        continue;
      }
      if (map.skipped()) {
        continue;
      }
      FieldDef field = entity.field(map.target().field()).orElseThrow();
      FieldDef child = field.type() instanceof FieldType.Collection c
          ? c.fields().stream().filter(f -> f.name().equals(map.target().child())).findFirst().orElseThrow() : null;
      columns.add(new Column(map, index, field, child));
    }
    if (!errors.isEmpty()) {
      throw new RecordValidationException(errors);
    }
    this.constants = converted(profile.constants());
  }

  /**
   * The constants as the record API takes them. A text constant of a field whose cells are
   * converted (yes/no, an option's label, a date written the local way) is converted as such a cell
   * would be, so a wizard's typed constant means what the same text in the file would mean.
   */
  private ObjectNode converted(ObjectNode given) {
    ObjectNode out = given.objectNode();
    given.properties().forEach(e -> {
      FieldDef field = entity.field(e.getKey()).orElseThrow();
      JsonNode value = e.getValue();
      boolean asCell = value.isString() && !value.asString().isBlank()
          && !(field.type() instanceof FieldType.Reference) && !(field.type() instanceof FieldType.MultiReference)
          && !(field.type() instanceof FieldType.Collection);
      out.set(e.getKey(), asCell ? values.convert(snapshot, field, value.asString(), ";") : value);
    });
    return out;
  }

  private static int indexOf(ColumnMap map, List<String> header) {
    if (map.index() != null) {
      return map.index() <= header.size() ? map.index() - 1 : -1;
    }
    int exact = header.indexOf(map.column().strip());
    if (exact >= 0) {
      return exact;
    }
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equalsIgnoreCase(map.column().strip())) {
        return i;
      }
    }
    return -1;
  }

  Converted convert(CsvRow row) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    Converted out = new Converted(row, body);
    Map<String, ObjectNode> childRows = new LinkedHashMap<>();
    for (Column c : columns) {
      String cell = c.index() < row.cells().size() ? row.cells().get(c.index()) : "";
      if (cell.isBlank()) {
        continue;
      }
      String text = c.map().mapped(cell);
      if (c.child() != null) {
        String group = c.field().name() + c.map().row();
        ObjectNode child = childRows.computeIfAbsent(group, g -> {
          ObjectNode r = JsonNodeFactory.instance.objectNode();
          c.map().row().forEach(r::set);
          body.withArray(c.field().name()).add(r);
          return r;
        });
        child.set(c.child().name(), values.convert(snapshot, c.child(), text, c.map().separator()));
      } else if (c.field().type() instanceof FieldType.Reference r) {
        out.refs.add(new Converted.Ref(c.field().name(), -1, r.entity(), c.map().match(), key(text), text));
      } else if (c.field().type() instanceof FieldType.MultiReference r) {
        ArrayNode ids = body.withArray(c.field().name());
        for (String part : CellValues.split(text, c.map().separator())) {
          ids.addNull();
          out.refs.add(new Converted.Ref(c.field().name(), ids.size() - 1, r.entity(), c.map().match(), key(part), part));
        }
      } else {
        body.set(c.field().name(), values.convert(snapshot, c.field(), text, c.map().separator()));
      }
    }
    constants.properties().forEach(e -> {
      if (!body.has(e.getKey())) {
        body.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    if (profile.subtype() != null) {
      body.put("subtype", profile.subtype());
    }
    return out;
  }

  static String key(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }

  /** The duplicate key of a converted body: each part as text, or null when one is empty. */
  static List<String> duplicateKey(ObjectNode body, List<FieldPath> key) {
    List<String> parts = new ArrayList<>();
    for (FieldPath path : key) {
      JsonNode value = null;
      if (path.inCollection()) {
        for (JsonNode childRow : body.path(path.field())) {
          if (childRow.hasNonNull(path.child())) {
            value = childRow.get(path.child());
            break;
          }
        }
      } else {
        value = body.get(path.field());
      }
      if (value == null || value.isNull() || value.isContainer() || value.asString().isBlank()) {
        return null;
      }
      parts.add(key(value.asString()));
    }
    return parts;
  }

  EntityDef entity() {
    return entity;
  }
}
