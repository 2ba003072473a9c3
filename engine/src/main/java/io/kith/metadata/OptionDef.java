package io.kith.metadata;

import io.kith.i18n.KithLocale;

/**
 * One choice of an option list. Records store the stable {@code code}; labels may change freely.
 * Inactive options stay valid on records that have them but are not offered for new input.
 * {@code parents} are the codes of the parent field's options this option belongs under, for option
 * fields that depend on another ({@code dependsOn}); empty means under every parent.
 */
public record OptionDef(
    String code, LocalizedText label, boolean active, String color, int order, java.util.List<String> parents) {

  /** An option that belongs under every value of a parent field (or has no parent field). */
  public OptionDef(String code, LocalizedText label, boolean active, String color, int order) {
    this(code, label, active, color, order, java.util.List.of());
  }

  public OptionDef {
    parents = parents == null ? java.util.List.of() : java.util.List.copyOf(parents);
  }

  /**
   * Whether this option may be chosen while the parent field (of a dependent option field) has
   * {@code parentCode}: options without parents always may, the others only under a listed parent.
   */
  public boolean belongsTo(String parentCode) {
    return parents.isEmpty() || parentCode != null && parents.contains(parentCode);
  }

  public String label(KithLocale locale) {
    return label.resolve(locale, code);
  }
}
