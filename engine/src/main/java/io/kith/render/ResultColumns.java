package io.kith.render;

import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import java.util.ArrayList;
import java.util.List;

/** The columns of a list of records: chosen ones, or the entity type's list columns from metadata. */
public final class ResultColumns {

  private ResultColumns() {}

  /** The metadata's list columns (visible ones), or the first five fields with a column. */
  public static List<FieldDef> defaults(EntityDef entity) {
    List<FieldDef> out = new ArrayList<>();
    for (String name : entity.listColumns()) {
      entity.field(name).filter(f -> !f.hidden()).ifPresent(out::add);
    }
    if (out.isEmpty()) {
      entity.fields().stream().filter(f -> f.type().hasColumn() && !f.hidden()).limit(5).forEach(out::add);
    }
    return out;
  }

  /** The named fields in the order given (names already checked), or the defaults when none. */
  public static List<FieldDef> of(EntityDef entity, List<String> names) {
    if (names.isEmpty()) {
      return defaults(entity);
    }
    List<FieldDef> out = new ArrayList<>();
    names.forEach(name -> entity.field(name).ifPresent(out::add));
    return out;
  }

  /** Fields a person may pick as result columns: everything not hidden. */
  public static List<FieldDef> choosable(EntityDef entity) {
    return entity.fields().stream().filter(f -> !f.hidden()).toList();
  }
}
