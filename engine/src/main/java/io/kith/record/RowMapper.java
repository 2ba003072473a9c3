package io.kith.record;

import io.kith.fieldtype.FieldTypeSupport;
import io.kith.fieldtype.FieldTypes;
import io.kith.fieldtype.Json;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** Turns database rows into the JSON shape of a record, computing read-time values (age). */
final class RowMapper {

  private final FieldTypes fieldTypes;
  private final Clock clock;
  private final ZoneId zone;

  RowMapper(FieldTypes fieldTypes, Clock clock) {
    this.fieldTypes = fieldTypes;
    this.clock = clock;
    this.zone = clock.getZone();
  }

  ObjectNode record(EntityTable table, Readable row) {
    ObjectNode out = Json.object();
    out.put("id", row.get("id", Long.class));
    if (table.entity.hasSubtypes()) {
      out.put("subtype", row.get("subtype", String.class));
    }
    out.put("version", row.get("version", Integer.class));
    out.put("created_at", timestamp(row.get("created_at", OffsetDateTime.class)));
    putLong(out, "created_by", row.get("created_by", Long.class));
    out.put("updated_at", timestamp(row.get("updated_at", OffsetDateTime.class)));
    putLong(out, "updated_by", row.get("updated_by", Long.class));
    putLong(out, "owner", row.get("owner", Long.class));
    out.put("active", row.get("active", Boolean.class));
    for (FieldDef field : table.entity.fields()) {
      if (field.type().hasColumn()) {
        out.set(field.name(), value(field, row, field.name()));
      } else if (field.type() instanceof FieldType.Computed) {
        out.putNull(field.name());
      } else {
        out.set(field.name(), Json.array());
      }
    }
    computeOnRead(table, out);
    return out;
  }

  /**
   * A record written from {@code input} in its API shape, without reading it back: on
   * {@code base} (a stored record, for changes; null for a new record with {@code id}) the sent
   * columns, collections and links. Bulk writes record history from it, so a new record holds only
   * the fields the input gives (the history of a creation names the fields that have a value).
   */
  ObjectNode written(EntityTable table, ObjectNode base, long id, RecordInput input) {
    ObjectNode out = base == null ? Json.object() : base.deepCopy();
    out.put("id", id);
    if (base == null && table.entity.hasSubtypes()) {
      out.put("subtype", input.subtype());
    }
    for (FieldDef field : table.columnFields) {
      if (input.columns().containsKey(field.name())) {
        Object value = input.columns().get(field.name());
        out.set(field.name(), value == null ? Json.NODES.nullNode() : fieldTypes.of(field.type()).fromColumn(field.type(), value));
      }
    }
    for (FieldDef field : table.collectionFields) {
      if (input.collections().containsKey(field.name())) {
        out.set(field.name(), childRows(field, input));
      }
    }
    for (FieldDef field : table.linkFields) {
      if (input.links().containsKey(field.name())) {
        tools.jackson.databind.node.ArrayNode ids = out.putArray(field.name());
        input.links().getOrDefault(field.name(), List.of()).forEach(ids::add);
      }
    }
    return out;
  }

  private tools.jackson.databind.node.ArrayNode childRows(FieldDef field, RecordInput input) {
    tools.jackson.databind.node.ArrayNode rowsOut = Json.array();
    List<FieldDef> children = ((FieldType.Collection) field.type()).fields();
    for (java.util.Map<String, Object> row : input.collections().getOrDefault(field.name(), List.of())) {
      ObjectNode out = rowsOut.addObject();
      for (FieldDef child : children) {
        Object value = row.get(child.name());
        out.set(child.name(), value == null ? Json.NODES.nullNode() : fieldTypes.of(child.type()).fromColumn(child.type(), value));
      }
    }
    return rowsOut;
  }

  /** Fills a new record's collections and links from the input just written, in order. */
  ObjectNode withInput(EntityTable table, ObjectNode record, RecordInput input) {
    for (FieldDef field : table.collectionFields) {
      record.set(field.name(), childRows(field, input));
    }
    for (FieldDef field : table.linkFields) {
      tools.jackson.databind.node.ArrayNode ids = record.putArray(field.name());
      input.links().getOrDefault(field.name(), List.of()).forEach(ids::add);
    }
    return record;
  }

  /** A row of {@link EntityTable#labelSelect}: id, subtype and the display-name columns. */
  ObjectNode labelRow(EntityTable table, Readable row) {
    ObjectNode out = Json.object();
    out.put("id", row.get("id", Long.class));
    if (table.entity.hasSubtypes()) {
      out.put("subtype", row.get("subtype", String.class));
    }
    for (String name : table.labelColumns) {
      out.set(name, value(table.entity.field(name).orElseThrow(), row, name));
    }
    return out;
  }

  ObjectNode childRow(List<FieldDef> fields, Readable row) {
    ObjectNode out = Json.object();
    for (FieldDef field : fields) {
      out.set(field.name(), value(field, row, field.name()));
    }
    return out;
  }

  private tools.jackson.databind.JsonNode value(FieldDef field, Readable row, String column) {
    FieldTypeSupport<FieldType> support = fieldTypes.of(field.type());
    Object value = row.get(column, support.columnClass(field.type()));
    return value == null ? Json.NODES.nullNode() : support.fromColumn(field.type(), value);
  }

  private void computeOnRead(EntityTable table, ObjectNode out) {
    for (FieldDef field : table.entity.fields()) {
      if (field.type() instanceof FieldType.Computed c && c.formula() == FieldType.Formula.AGE) {
        String birth = out.path(c.source()).asString(null);
        if (birth != null) {
          out.put(field.name(), Period.between(LocalDate.parse(birth), LocalDate.now(clock)).getYears());
        }
      } else if (field.type() instanceof FieldType.Computed c && c.derivation() instanceof io.kith.metadata.Derivation.Status rules) {
        String override = rules.override() == null ? null : out.path(rules.override()).asString(null);
        String status = DateDerivations.status(rules, name -> {
          String date = out.path(name).asString(null);
          return date == null ? null : LocalDate.parse(date);
        }, override, LocalDate.now(clock));
        if (status == null) {
          out.putNull(field.name());
        } else {
          out.put(field.name(), status);
        }
      }
    }
  }

  private String timestamp(OffsetDateTime value) {
    return value.atZoneSameInstant(zone).toOffsetDateTime().toString();
  }

  private static void putLong(ObjectNode out, String name, Long value) {
    if (value == null) {
      out.putNull(name);
    } else {
      out.put(name, value);
    }
  }
}
