package io.kith.validation;

import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.OptionDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Option fields that depend on another option field ({@code dependsOn}): a child's code must be one
 * that belongs under the parent's current code. Checked on the whole record (sent values over the
 * stored ones), so changing the parent alone also reports a child that no longer fits.
 */
public final class DependentOptions {

  /** The code of the error; arguments: the child's code and the parent field's name. */
  public static final String CODE = "dependent_option";

  private DependentOptions() {}

  /**
   * Errors for the dependent fields of {@code entity} whose value does not go with their parent's.
   *
   * @param values the record's column values by field name (codes for option fields), null or absent for none
   * @param changed whether a field was sent in this write (only then is its pair checked)
   */
  public static List<FieldError> check(MetadataSnapshot snapshot, EntityDef entity, Map<String, Object> values,
      java.util.function.Predicate<String> changed) {
    List<FieldError> errors = new ArrayList<>();
    for (FieldDef field : entity.fields()) {
      if (!(field.type() instanceof FieldType.Option o) || o.dependsOn() == null
          || !(changed.test(field.name()) || changed.test(o.dependsOn()))) {
        continue;
      }
      Object code = values.get(field.name());
      if (!(code instanceof String child)) {
        continue;
      }
      Object parent = values.get(o.dependsOn());
      Optional<OptionDef> option = snapshot.optionList(o.list()).option(child);
      if (option.isPresent() && !option.get().belongsTo(parent instanceof String p ? p : null)) {
        errors.add(FieldError.of(field.name(), CODE, child, o.dependsOn()));
      }
    }
    return errors;
  }

  /** The options of a dependent {@code field} that go with {@code parentCode} (all options for other fields). */
  public static List<OptionDef> choices(MetadataSnapshot snapshot, FieldDef field, String parentCode) {
    if (!(field.type() instanceof FieldType.Option o)) {
      return List.of();
    }
    List<OptionDef> all = snapshot.optionList(o.list()).options();
    if (o.dependsOn() == null) {
      return all;
    }
    return all.stream().filter(option -> option.belongsTo(parentCode)).toList();
  }
}
