package io.kith.schema;

import io.kith.metadata.DedupeRule;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The case-insensitive indexes an entity type's duplicate rules need, so an import's once-per-batch
 * look-up of existing keys ({@code lower(column::text) = key}) reads an index instead of scanning a
 * table that grows with every batch. Each single-field rule's field is indexed; a rule of several
 * fields is served by one of them (an index another rule already brings, else its first text
 * field), since one selective condition narrows the join to a handful of rows. Whole-number fields
 * (integers, references) are compared as numbers and left to their own indexes.
 */
public final class DedupeIndexes {

  private DedupeIndexes() {}

  /**
   * Whether the field at {@code path} ({@code external_identifier}, {@code emails.email}) has such
   * an index, so that looking one key up by {@code lower(column::text)} is an index probe.
   */
  public static boolean covers(EntityDef entity, String path) {
    int dot = path.indexOf('.');
    String table = dot < 0 ? entity.name() : SqlNames.childTable(entity.name(), path.substring(0, dot));
    return of(entity).getOrDefault(table, Set.of()).contains(dot < 0 ? path : path.substring(dot + 1));
  }

  /** Table name ({@code contact}, {@code contact__emails}) to the columns to index as {@code lower(column)}. */
  static Map<String, Set<String>> of(EntityDef entity) {
    Set<String> paths = new LinkedHashSet<>();
    List<DedupeRule> several = new ArrayList<>();
    for (DedupeRule rule : entity.dedupeRules()) {
      List<String> text = rule.fields().stream().filter(path -> isText(entity, path)).toList();
      if (rule.fields().size() == 1) {
        paths.addAll(text);
      } else if (!text.isEmpty()) {
        several.add(rule);
      }
    }
    for (DedupeRule rule : several) {
      if (rule.fields().stream().noneMatch(paths::contains)) {
        rule.fields().stream().filter(path -> isText(entity, path)).findFirst().ifPresent(paths::add);
      }
    }
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (String path : paths) {
      int dot = path.indexOf('.');
      String table = dot < 0 ? entity.name() : SqlNames.childTable(entity.name(), path.substring(0, dot));
      out.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(dot < 0 ? path : path.substring(dot + 1));
    }
    return out;
  }

  private static boolean isText(EntityDef entity, String path) {
    int dot = path.indexOf('.');
    FieldDef field = entity.field(dot < 0 ? path : path.substring(0, dot)).orElse(null);
    if (field != null && dot >= 0 && field.type() instanceof FieldType.Collection c) {
      String child = path.substring(dot + 1);
      field = c.fields().stream().filter(f -> f.name().equals(child)).findFirst().orElse(null);
    }
    return field != null && field.type().hasColumn() && !(field.type() instanceof FieldType.IntegerNumber)
        && !(field.type() instanceof FieldType.Reference);
  }
}
