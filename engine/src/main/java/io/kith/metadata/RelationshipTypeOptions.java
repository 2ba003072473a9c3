package io.kith.metadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The option list {@value RelationshipSpec#TYPE_LIST}, made from the relationship-type files so a
 * relationship's type is an ordinary option field: forms offer a select, lists show the label,
 * queries filter by it, and an inactive type stays on the relationships that have it. An option's
 * label reads both ways, "Employee of / Employer of".
 */
final class RelationshipTypeOptions {

  private RelationshipTypeOptions() {}

  static OptionList of(Collection<RelationshipTypeDef> types) {
    List<OptionDef> options = new ArrayList<>();
    int order = 0;
    // By name, so the list is the same whatever order the types were loaded in (files, then revisions).
    for (RelationshipTypeDef type : types.stream().sorted(java.util.Comparator.comparing(RelationshipTypeDef::name)).toList()) {
      order += 10;
      options.add(new OptionDef(type.name(), bothWays(type), type.active(), null, order));
    }
    return new OptionList(RelationshipSpec.TYPE_LIST,
        new LocalizedText(Map.of("en", "Relationship types", "zh-Hant", "關係類別", "zh-Hans", "关系类别")),
        LocalizedText.EMPTY, options);
  }

  private static LocalizedText bothWays(RelationshipTypeDef type) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String tag : List.of("en", "zh-Hant", "zh-Hans")) {
      String a = type.labelAToB().values().get(tag);
      String b = type.labelBToA().values().get(tag);
      if (a != null && b != null) {
        out.put(tag, a.equals(b) ? a : a + " / " + b);
      }
    }
    return new LocalizedText(out);
  }
}
