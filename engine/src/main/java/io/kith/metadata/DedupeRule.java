package io.kith.metadata;

import java.util.List;

/**
 * A duplicate rule of an entity type: the fields that make two records the same (imports use it
 * to find existing records).
 *
 * @param fields field names, or {@code collection.field} paths such as {@code emails.email}
 */
public record DedupeRule(String name, LocalizedText label, List<String> fields) {

  public DedupeRule {
    Identifiers.requireValid(name);
    fields = List.copyOf(fields);
  }
}
