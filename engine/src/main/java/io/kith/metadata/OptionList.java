package io.kith.metadata;

import io.kith.i18n.KithLocale;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A named list of options (a picklist), sorted by each option's order. */
public record OptionList(
    String name, LocalizedText label, LocalizedText description, List<OptionDef> options) {

  public OptionList {
    options = options.stream().sorted(Comparator.comparingInt(OptionDef::order)).toList();
  }

  public Optional<OptionDef> option(String code) {
    return options.stream().filter(o -> o.code().equals(code)).findFirst();
  }

  public String label(KithLocale locale) {
    return label.resolve(locale, Identifiers.humanize(name));
  }
}
