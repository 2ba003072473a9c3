package io.kith.metadata;

import io.kith.i18n.KithLocale;

/**
 * A cross-field validation rule of an entity type, written in CEL over the record's fields.
 *
 * @param when an optional condition (CEL, boolean): the rule applies only when it holds; null for always
 * @param check the condition every record must meet (CEL, boolean)
 * @param field the field the message is shown beside
 * @param message what the user reads when the check fails
 */
public record RuleDef(String name, String when, String check, String field, LocalizedText message) {

  public RuleDef {
    Identifiers.requireValid(name);
  }

  public String message(KithLocale locale) {
    return message.resolve(locale, name);
  }
}
