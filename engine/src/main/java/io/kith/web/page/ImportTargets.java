package io.kith.web.page;

import io.kith.i18n.KithLocale;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.OptionDef;
import io.kith.render.ImportViews.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * The choices of the import wizard's mapping step: every field a column can fill, as
 * {@code value} (a profile's {@code field}, plus {@code |location_type=home} for a qualified
 * collection row) and a label in the page's language.
 */
final class ImportTargets {

  private ImportTargets() {}

  static List<Target> of(MetadataSnapshot snapshot, EntityDef entity, KithLocale locale) {
    List<Target> out = new ArrayList<>();
    for (FieldDef field : entity.fields()) {
      if (field.isComputed()) {
        continue;
      }
      if (field.type() instanceof FieldType.Collection c) {
        FieldDef location = c.fields().stream()
            .filter(f -> f.type() instanceof FieldType.Option o && o.list().equals("location_type")).findFirst().orElse(null);
        for (FieldDef child : c.fields()) {
          String value = field.name() + "." + child.name();
          String label = field.label(locale) + ": " + child.label(locale);
          out.add(new Target(value, label, false));
          if (location != null && child != location) {
            for (OptionDef option : snapshot.optionList(((FieldType.Option) location.type()).list()).options()) {
              out.add(new Target(value + "|" + location.name() + "=" + option.code(),
                  label + " (" + option.label(locale) + ")", false));
            }
          }
        }
      } else {
        boolean reference = field.type() instanceof FieldType.Reference || field.type() instanceof FieldType.MultiReference;
        out.add(new Target(field.name(), field.label(locale), reference));
      }
    }
    return out;
  }

  /** The targets a constant can fill: the record's own fields, not child rows nor references. */
  static List<Target> forConstants(List<Target> targets) {
    return targets.stream().filter(t -> !t.reference() && !t.value().contains(".")).toList();
  }

  /** The choice's value for a profile column: its field and fixed row values. */
  static String valueOf(String field, java.util.Map<String, String> row) {
    if (field == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(field);
    row.forEach((k, v) -> out.append('|').append(k).append('=').append(v));
    return out.toString();
  }
}
