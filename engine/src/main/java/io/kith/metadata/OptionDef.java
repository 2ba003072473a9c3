package io.kith.metadata;

import io.kith.i18n.KithLocale;

/**
 * One choice of an option list. Records store the stable {@code code}; labels may change freely.
 * Inactive options stay valid on records that have them but are not offered for new input.
 */
public record OptionDef(String code, LocalizedText label, boolean active, String color, int order) {

  public String label(KithLocale locale) {
    return label.resolve(locale, code);
  }
}
