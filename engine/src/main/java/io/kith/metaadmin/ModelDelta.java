package io.kith.metaadmin;

import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.schema.SchemaSync;
import io.kith.schema.SqlNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a change does to stored data, model against model: entity types and fields it retires
 * (their tables, columns and data stay) and columns whose type it converts. Widenings that keep
 * every value (longer text, more digits) are neither: the schema sync applies them by itself.
 */
record ModelDelta(List<String> retired, List<Conversion> conversions) {

  /**
   * One column changing type in a way that may not keep every value.
   *
   * @param field {@code entity.field} or {@code entity.collection.field}
   */
  record Conversion(String field, String table, String column, String from, String to) {

    String statement() {
      return "alter table " + SqlNames.table(table) + " alter column " + SqlNames.quote(column) + " type " + to
          + " using " + SqlNames.quote(column) + "::" + to;
    }
  }

  boolean destructive() {
    return !retired.isEmpty() || !conversions.isEmpty();
  }

  static ModelDelta between(MetadataSnapshot before, MetadataSnapshot after, SchemaSync sync) {
    List<String> retired = new ArrayList<>();
    List<Conversion> conversions = new ArrayList<>();
    for (EntityDef old : before.entities().values()) {
      EntityDef now = after.entities().get(old.name());
      if (now == null) {
        retired.add(old.name());
        continue;
      }
      compare(old.name(), old.name(), old.fields(), now.fields(), sync, retired, conversions);
    }
    return new ModelDelta(retired, conversions);
  }

  private static void compare(String owner, String table, List<FieldDef> before, List<FieldDef> after,
      SchemaSync sync, List<String> retired, List<Conversion> conversions) {
    Map<String, FieldDef> now = after.stream().collect(Collectors.toMap(FieldDef::name, Function.identity()));
    for (FieldDef old : before) {
      FieldDef field = now.get(old.name());
      String path = owner + "." + old.name();
      if (field == null) {
        retired.add(path);
        continue;
      }
      if (old.type() instanceof FieldType.Collection oc && field.type() instanceof FieldType.Collection nc) {
        compare(path, SqlNames.childTable(table, old.name()), oc.fields(), nc.fields(), sync, retired, conversions);
        continue;
      }
      String from = sync.columnType(old);
      String to = sync.columnType(field);
      boolean sameStorage = old.type().getClass() == field.type().getClass() || (from != null && to != null);
      if (!sameStorage || (from == null) != (to == null) || isLinkChange(old, field)) {
        retired.add(path);
      } else if (from != null && !from.equals(to) && !SchemaSync.isSafeWidening(from, to)) {
        conversions.add(new Conversion(path, table, old.name(), from, to));
      }
    }
  }

  /** A multi-reference pointing elsewhere keeps its link table but not its meaning. */
  private static boolean isLinkChange(FieldDef old, FieldDef now) {
    return old.type() instanceof FieldType.MultiReference o && now.type() instanceof FieldType.MultiReference n
        && !Objects.equals(o.entity(), n.entity());
  }
}
