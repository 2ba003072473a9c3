package io.kith.audit;

import io.kith.i18n.KithLocale;
import io.kith.i18n.Messages;
import io.kith.metadata.EntityDef;
import io.kith.metadata.Identifiers;

/**
 * The label of a changed field in a language: the field's own label, the UI string
 * {@code history.field.<name>} for the pseudo-fields (owner, shares), else the name made readable
 * (a field since removed from the metadata).
 */
public final class HistoryLabels {

  private final Messages messages;

  public HistoryLabels(Messages messages) {
    this.messages = messages;
  }

  public String of(EntityDef entity, String field, KithLocale locale) {
    return entity.field(field).map(f -> f.label(locale)).orElseGet(() -> {
      String key = "history.field." + field;
      return messages.has(key) ? messages.get(locale, key) : Identifiers.humanize(field);
    });
  }

}
