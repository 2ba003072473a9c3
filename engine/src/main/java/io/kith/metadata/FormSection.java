package io.kith.metadata;

import java.util.List;

/** A titled group of fields on the generated form. */
public record FormSection(String name, LocalizedText label, List<String> fields) {
  public FormSection {
    fields = List.copyOf(fields);
  }
}
