package io.kith.metaadmin;

import io.kith.i18n.KithLocale;
import io.kith.i18n.Messages;

/**
 * The sentences a model change says to the administrator who asked for it (refusals, what needs
 * confirming, problems), in their language: {@code meta.problem.*} of the message bundles. Codes in
 * the API's answers stay as they are; only the sentences follow the language.
 */
final class Sentences {

  private final Messages messages;
  private final KithLocale locale;

  Sentences(Messages messages, KithLocale locale) {
    this.messages = messages;
    this.locale = locale;
  }

  /** The sentence {@code meta.problem.<key>}; arguments are shown as given (ids get no digit grouping). */
  String get(String key, Object... arguments) {
    Object[] texts = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      texts[i] = String.valueOf(arguments[i]);
    }
    return messages.get(locale, "meta.problem." + key, texts);
  }
}
