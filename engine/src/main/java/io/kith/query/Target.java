package io.kith.query;

import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a condition tests: a metadata field, or one of the system columns every record has. Knows
 * its operators and the Java class of its column.
 *
 * @param field the field, or null for a system column
 * @param column the column name
 * @param subtypes the allowed values of the subtype column; empty otherwise
 */
record Target(FieldDef field, String column, Kind kind, Set<String> subtypes) {

  /** The shape of a system column. */
  enum Kind {
    FIELD,
    ID,
    BOOLEAN,
    SUBTYPE,
    TIMESTAMP
  }

  static final Set<Operator> ID_OPS = Set.copyOf(EnumSet.of(Operator.EQ, Operator.NE, Operator.IN,
      Operator.NOT_IN, Operator.EMPTY, Operator.NOT_EMPTY, Operator.LT, Operator.GT));
  static final Set<Operator> SUBTYPE_OPS = Operators.OPTION;

  /** The target named {@code name} among {@code fields} (and the system columns at entity level), or null. */
  static Target of(EntityDef entity, List<FieldDef> fields, String name) {
    for (FieldDef f : fields) {
      if (f.name().equals(name)) {
        return new Target(f, name, Kind.FIELD, Set.of());
      }
    }
    if (entity == null) {
      return null;
    }
    return switch (name) {
      case "id", "version", "created_by", "updated_by", "owner" -> new Target(null, name, Kind.ID, Set.of());
      case "active" -> new Target(null, name, Kind.BOOLEAN, Set.of());
      case "created_at", "updated_at" -> new Target(null, name, Kind.TIMESTAMP, Set.of());
      case "subtype" -> entity.hasSubtypes()
          ? new Target(null, name, Kind.SUBTYPE,
              entity.subtypes().stream().map(io.kith.metadata.SubtypeDef::name).collect(java.util.stream.Collectors.toSet()))
          : null;
      default -> null;
    };
  }

  boolean isDateTime() {
    return kind == Kind.TIMESTAMP || (field != null && field.type() instanceof FieldType.DateTime);
  }
}
