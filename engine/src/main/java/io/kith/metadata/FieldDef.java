package io.kith.metadata;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One field of an entity type (or of a collection's sub-record).
 *
 * @param defaultValue the JSON default applied on create when the field is absent, or null
 * @param min lower bound (number or ISO date string), or null
 * @param max upper bound, or null
 * @param subtypes the subtypes this field belongs to; empty means all
 */
public record FieldDef(
    String name,
    FieldType type,
    LocalizedText label,
    LocalizedText help,
    boolean required,
    boolean unique,
    JsonNode defaultValue,
    JsonNode min,
    JsonNode max,
    String pattern,
    boolean readOnly,
    boolean hidden,
    Set<String> subtypes) {

  public FieldDef {
    Identifiers.requireValid(name);
    subtypes = Set.copyOf(subtypes);
  }

  public String label(io.kith.i18n.KithLocale locale) {
    return label.resolve(locale, Identifiers.humanize(name));
  }

  public boolean appliesTo(String subtype) {
    return subtypes.isEmpty() || subtype == null || subtypes.contains(subtype);
  }

  /** Whether values are plain text (text, long text, email, phone, url). */
  public boolean isText() {
    return type instanceof FieldType.Text || type instanceof FieldType.LongText
        || type instanceof FieldType.Email || type instanceof FieldType.Phone
        || type instanceof FieldType.Url;
  }

  public boolean isComputed() {
    return type instanceof FieldType.Computed;
  }
}
