package io.kith.metadata;

import io.kith.i18n.KithLocale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An entity type: its fields, subtypes and how it is listed, edited and found.
 *
 * @param searchFields what quick search looks in: field names, or {@code collection.child} paths
 *     such as {@code emails.email}; empty means the type is not in quick search
 * @param dedupeRules the duplicate rules imports match existing records by, first one the default
 * @param relationship for a relationship entity type: its type and side fields; otherwise null
 * @param seed records shipped with the type, or null
 */
public record EntityDef(
    String name,
    LocalizedText label,
    LocalizedText pluralLabel,
    LocalizedText description,
    DisplayNameTemplate displayName,
    List<SubtypeDef> subtypes,
    List<FieldDef> fields,
    List<List<String>> uniqueTogether,
    List<String> listColumns,
    SortSpec defaultSort,
    List<FormSection> formSections,
    List<String> searchFields,
    List<DedupeRule> dedupeRules,
    RelationshipSpec relationship,
    SeedRecords seed) {

  public EntityDef(String name, LocalizedText label, LocalizedText pluralLabel, LocalizedText description,
      DisplayNameTemplate displayName, List<SubtypeDef> subtypes, List<FieldDef> fields,
      List<List<String>> uniqueTogether, List<String> listColumns, SortSpec defaultSort,
      List<FormSection> formSections, List<String> searchFields, List<DedupeRule> dedupeRules) {
    this(name, label, pluralLabel, description, displayName, subtypes, fields, uniqueTogether, listColumns,
        defaultSort, formSections, searchFields, dedupeRules, null, null);
  }

  public EntityDef {
    Identifiers.requireValid(name);
    subtypes = List.copyOf(subtypes);
    fields = List.copyOf(fields);
    uniqueTogether = uniqueTogether.stream().map(List::copyOf).toList();
    listColumns = List.copyOf(listColumns);
    formSections = List.copyOf(formSections);
    searchFields = List.copyOf(searchFields);
    dedupeRules = List.copyOf(dedupeRules);
  }

  public Optional<DedupeRule> dedupeRule(String ruleName) {
    return dedupeRules.stream().filter(r -> r.name().equals(ruleName)).findFirst();
  }

  /** Whether quick search looks at records of this type. */
  public boolean isSearchable() {
    return !searchFields.isEmpty();
  }

  public Optional<FieldDef> field(String fieldName) {
    for (FieldDef f : fields) {
      if (f.name().equals(fieldName)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  public Map<String, FieldDef> fieldsByName() {
    Map<String, FieldDef> map = new LinkedHashMap<>();
    fields.forEach(f -> map.put(f.name(), f));
    return map;
  }

  public boolean hasSubtypes() {
    return !subtypes.isEmpty();
  }

  public Optional<SubtypeDef> subtype(String subtypeName) {
    return subtypes.stream().filter(s -> s.name().equals(subtypeName)).findFirst();
  }

  public String label(KithLocale locale) {
    return label.resolve(locale, Identifiers.humanize(name));
  }

  public String pluralLabel(KithLocale locale) {
    return pluralLabel.resolve(locale, label(locale));
  }
}
