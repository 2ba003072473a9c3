package io.kith.metadata;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic checks that a JSON Schema cannot express: names that must be unique, references
 * between files, reserved words and subtype consistency. Collects every problem; never stops at
 * the first.
 */
final class MetadataChecker {

  /** Column names a collection's child table uses itself. */
  private static final Set<String> CHILD_SYSTEM_COLUMNS = Set.of("id", "parent_id", "position");

  private final Map<String, EntityDef> entities;
  private final Map<String, OptionList> optionLists;
  private final Map<String, String> entityFiles;
  private final List<MetadataProblem> problems;

  MetadataChecker(
      Map<String, EntityDef> entities,
      Map<String, OptionList> optionLists,
      Map<String, String> entityFiles,
      List<MetadataProblem> problems) {
    this.entities = entities;
    this.optionLists = optionLists;
    this.entityFiles = entityFiles;
    this.problems = problems;
  }

  void checkEntity(EntityDef entity) {
    String file = entityFiles.get(entity.name());
    // Entity names may be SQL key words ("group"): every table name reaches SQL quoted.
    String kithReserved = Identifiers.kithReservedReason(entity.name());
    if (kithReserved != null) {
      problem(file, "/name", "The entity type name " + kithReserved);
    }
    Set<String> subtypeNames = new HashSet<>();
    for (int i = 0; i < entity.subtypes().size(); i++) {
      String name = entity.subtypes().get(i).name();
      if (!subtypeNames.add(name)) {
        problem(file, "/subtypes/" + i + "/name", "Subtype \"" + name + "\" is defined twice.");
      }
    }
    checkFields(file, "/fields", entity, entity.fields(), false);
    checkDisplayName(file, entity);
    checkUnique(file, entity);
    checkListAndForm(file, entity);
    checkSearch(file, entity);
    checkDedupe(file, entity);
    new DerivedFieldChecker(entities, optionLists, (at, message) -> problem(file, at, message)).check(entity);
  }

  private void checkFields(
      String file, String base, EntityDef entity, List<FieldDef> fields, boolean child) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < fields.size(); i++) {
      FieldDef field = fields.get(i);
      String at = base + "/" + i;
      if (!seen.add(field.name())) {
        problem(file, at + "/name", "Field \"" + field.name() + "\" is defined twice.");
      }
      checkName(file, at + "/name", field.name(), "field");
      if (!child && Identifiers.SYSTEM_COLUMNS.contains(field.name())) {
        problem(file, at + "/name",
            "\"" + field.name() + "\" is a system column every record has; choose another name.");
      }
      if (!child && Identifiers.SEARCH_COLUMNS.contains(field.name())) {
        problem(file, at + "/name",
            "\"" + field.name() + "\" is a column Kith keeps for quick search; choose another name.");
      }
      if (child && CHILD_SYSTEM_COLUMNS.contains(field.name())) {
        problem(file, at + "/name",
            "\"" + field.name() + "\" is used by Kith in every collection row; choose another name.");
      }
      for (String subtype : field.subtypes()) {
        if (entity.subtype(subtype).isEmpty()) {
          problem(file, at + "/subtypes",
              "Field \"" + field.name() + "\" names subtype \"" + subtype + "\", but entity type \""
                  + entity.name() + "\" has no such subtype.");
        }
      }
      checkType(file, at, entity, field, fields);
    }
  }

  private void checkType(
      String file, String at, EntityDef entity, FieldDef field, List<FieldDef> siblings) {
    FieldType type = field.type();
    if (type instanceof FieldType.Option o) {
      checkOptionField(file, at, field, o.list());
    } else if (type instanceof FieldType.MultiOption o) {
      checkOptionField(file, at, field, o.list());
    } else if (type instanceof FieldType.Reference r) {
      checkTarget(file, at, r.entity(), r.subtype());
      checkAcyclic(file, at, entity, field, r.acyclic(), r.entity());
    } else if (type instanceof FieldType.MultiReference r) {
      checkTarget(file, at, r.entity(), r.subtype());
      checkAcyclic(file, at, entity, field, r.acyclic(), r.entity());
    } else if (type instanceof FieldType.Collection c) {
      checkFields(file, at + "/fields", entity, c.fields(), true);
    } else if (type instanceof FieldType.Computed c && c.formula() == FieldType.Formula.TEMPLATE) {
      checkTemplate(file, at + "/template", entity, c.template(),
          "The template of computed field \"" + field.name() + "\"");
    } else if (type instanceof FieldType.Computed c && c.formula() == FieldType.Formula.AGE) {
      boolean dateSource = siblings.stream()
          .anyMatch(f -> f.name().equals(c.source()) && f.type() instanceof FieldType.Date);
      if (!dateSource) {
        problem(file, at + "/source",
            "Computed field \"" + field.name() + "\" counts age from \"" + c.source()
                + "\", which is not a date field of this entity type.");
      }
    }
  }

  private void checkAcyclic(String file, String at, EntityDef entity, FieldDef field, boolean acyclic, String target) {
    if (acyclic && !target.equals(entity.name())) {
      problem(file, at + "/acyclic", "Field \"" + field.name() + "\" refers to \"" + target
          + "\"; acyclic applies only to references to the same entity type (parents).");
    }
  }

  private void checkOptionField(String file, String at, FieldDef field, String list) {
    OptionList options = optionLists.get(list);
    if (options == null) {
      problem(file, at + "/list", "Option list \"" + list + "\" does not exist.");
      return;
    }
    if (field.defaultValue() != null && field.defaultValue().isString()
        && options.option(field.defaultValue().asString()).isEmpty()) {
      problem(file, at + "/default",
          "Default \"" + field.defaultValue().asString() + "\" is not an option of list \"" + list
              + "\".");
    }
  }

  private void checkTarget(String file, String at, String target, String subtype) {
    EntityDef targetEntity = entities.get(target);
    if (targetEntity == null) {
      problem(file, at + "/entity", "Entity type \"" + target + "\" does not exist.");
    } else if (subtype != null && targetEntity.subtype(subtype).isEmpty()) {
      problem(file, at + "/subtype",
          "Entity type \"" + target + "\" has no subtype \"" + subtype + "\".");
    }
  }

  private void checkDisplayName(String file, EntityDef entity) {
    checkTemplate(file, "/displayName", entity, entity.displayName(), "The display name");
  }

  private void checkTemplate(String file, String at, EntityDef entity, DisplayNameTemplate template, String what) {
    Map<String, FieldDef> fields = entity.fieldsByName();
    for (String name : template.fieldNames()) {
      FieldDef f = fields.get(name);
      if (f == null || !hasColumn(f) || f.isComputed()) {
        problem(file, at,
            what + " uses \"" + name + "\", which is not a plain field of this entity type.");
      }
    }
    for (String subtype : template.subtypes()) {
      if (entity.subtype(subtype).isEmpty()) {
        problem(file, at + "/" + subtype, "There is no subtype \"" + subtype + "\".");
      }
    }
  }

  /** Quick search looks at text: names, emails, phones, web addresses and stored computed text. */
  private void checkSearch(String file, EntityDef entity) {
    for (int i = 0; i < entity.searchFields().size(); i++) {
      String path = entity.searchFields().get(i);
      String at = "/search/fields/" + i;
      String[] parts = path.split("\\.", -1);
      FieldDef field = entity.field(parts[0]).orElse(null);
      if (parts.length == 2 && field != null && field.type() instanceof FieldType.Collection c) {
        field = c.fields().stream().filter(f -> f.name().equals(parts[1])).findFirst().orElse(null);
      } else if (parts.length == 2) {
        field = null;
      }
      if (field == null) {
        problem(file, at, "Search field \"" + path + "\" is not a field of this entity type"
            + (parts.length == 2 ? " (a collection and one of its fields, such as emails.email)." : "."));
      } else if (!isSearchableText(field.type())) {
        problem(file, at, "Search field \"" + path + "\" has type " + field.type().typeName()
            + "; quick search only looks at text, long_text, email, phone, url and stored computed fields.");
      }
    }
  }

  /** Duplicate rules name fields with a column of their own, or collection fields; names are unique. */
  private void checkDedupe(String file, EntityDef entity) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < entity.dedupeRules().size(); i++) {
      DedupeRule rule = entity.dedupeRules().get(i);
      if (!names.add(rule.name())) {
        problem(file, "/dedupe/" + i + "/name", "There is already a duplicate rule named \"" + rule.name() + "\".");
      }
      for (int f = 0; f < rule.fields().size(); f++) {
        String path = rule.fields().get(f);
        String[] parts = path.split("\\.", -1);
        FieldDef field = entity.field(parts[0]).orElse(null);
        if (parts.length == 2 && field != null && field.type() instanceof FieldType.Collection c) {
          field = c.fields().stream().filter(x -> x.name().equals(parts[1])).findFirst().orElse(null);
        } else if (parts.length == 2 || (field != null && !field.type().hasColumn())) {
          field = null;
        }
        if (field == null) {
          problem(file, "/dedupe/" + i + "/fields/" + f, "Duplicate rule \"" + rule.name() + "\" names \"" + path
              + "\", which is not a plain field or a collection's field (such as emails.email) of this entity type.");
        }
      }
    }
  }

  private static boolean isSearchableText(FieldType type) {
    return type instanceof FieldType.Text || type instanceof FieldType.LongText
        || type instanceof FieldType.Email || type instanceof FieldType.Phone || type instanceof FieldType.Url
        || type instanceof FieldType.Computed c && c.isStored();
  }

  private void checkUnique(String file, EntityDef entity) {
    Map<String, FieldDef> fields = entity.fieldsByName();
    for (int i = 0; i < entity.uniqueTogether().size(); i++) {
      for (String name : entity.uniqueTogether().get(i)) {
        FieldDef f = fields.get(name);
        if (f == null || !hasColumn(f) || f.isComputed()) {
          problem(file, "/unique/" + i,
              "Unique constraint names \"" + name + "\", which is not a plain field of this entity type.");
        }
      }
    }
  }

  private void checkListAndForm(String file, EntityDef entity) {
    Map<String, FieldDef> fields = entity.fieldsByName();
    for (int i = 0; i < entity.listColumns().size(); i++) {
      String name = entity.listColumns().get(i);
      FieldDef f = fields.get(name);
      if (f == null || f.type() instanceof FieldType.Collection) {
        problem(file, "/list/columns/" + i,
            "List column \"" + name + "\" is not a field that can be shown in a column.");
      }
    }
    SortSpec sort = entity.defaultSort();
    if (sort != null && !Identifiers.SYSTEM_COLUMNS.contains(sort.name())) {
      FieldDef f = fields.get(sort.name());
      if (f == null || !hasColumn(f)) {
        problem(file, "/list/sort", "Cannot sort by \"" + sort.name() + "\": no such sortable field.");
      }
    }
    Set<String> placed = new HashSet<>();
    for (int s = 0; s < entity.formSections().size(); s++) {
      List<String> names = entity.formSections().get(s).fields();
      for (int i = 0; i < names.size(); i++) {
        String at = "/form/sections/" + s + "/fields/" + i;
        FieldDef f = fields.get(names.get(i));
        if (f == null) {
          problem(file, at, "Form field \"" + names.get(i) + "\" is not a field of this entity type.");
        } else if (f.isComputed()) {
          problem(file, at, "Computed field \"" + f.name() + "\" cannot be edited in a form.");
        } else if (!placed.add(f.name())) {
          problem(file, at, "Field \"" + f.name() + "\" appears twice in the form.");
        }
      }
    }
  }

  void checkOptionList(String file, OptionList list) {
    checkName(file, "/name", list.name(), "option list");
    Set<String> codes = new HashSet<>();
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < list.options().size(); i++) {
      positions.putIfAbsent(list.options().get(i).code(), i);
    }
    for (OptionDef option : list.options()) {
      if (!codes.add(option.code())) {
        problem(file, "/options", "Option code \"" + option.code() + "\" is used twice.");
      }
    }
  }

  void checkRelationshipType(String file, RelationshipTypeDef type) {
    checkName(file, "/name", type.name(), "relationship type");
    checkSide(file, "/sideA", type.sideA());
    checkSide(file, "/sideB", type.sideB());
  }

  private void checkSide(String file, String at, RelationshipTypeDef.Side side) {
    if (side.subtypes().isEmpty()) {
      checkTarget(file, at, side.entity(), null);
    }
    for (String subtype : side.subtypes()) {
      checkTarget(file, at, side.entity(), subtype);
    }
  }

  private void checkName(String file, String at, String name, String what) {
    String reason = Identifiers.reservedReason(name);
    if (reason != null) {
      problem(file, at, "The " + what + " name " + reason);
    }
  }

  /** Whether the field is stored in a column of the entity's own table. */
  static boolean hasColumn(FieldDef f) {
    return f.type().hasColumn();
  }

  private void problem(String file, String pointer, String message) {
    problems.add(new MetadataProblem(file, pointer, message));
  }
}
