package io.kith.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns a schema-valid metadata tree into immutable records. Runs only on trees that passed the
 * JSON Schema, so shapes can be trusted here; cross-references are checked later.
 */
final class MetadataBinder {

  private MetadataBinder() {}

  static EntityDef entity(JsonNode node) {
    List<SubtypeDef> subtypes = new ArrayList<>();
    for (JsonNode s : node.path("subtypes")) {
      subtypes.add(
          new SubtypeDef(s.get("name").asString(), text(s.get("label")), text(s.get("pluralLabel"))));
    }
    List<List<String>> unique = new ArrayList<>();
    for (JsonNode group : node.path("unique")) {
      unique.add(strings(group));
    }
    JsonNode list = node.path("list");
    List<FormSection> sections = new ArrayList<>();
    for (JsonNode s : node.path("form").path("sections")) {
      sections.add(new FormSection(s.get("name").asString(), text(s.get("label")), strings(s.get("fields"))));
    }
    return new EntityDef(
        node.get("name").asString(),
        text(node.get("label")),
        text(node.get("pluralLabel")),
        text(node.get("description")),
        displayName(node.get("displayName")),
        subtypes,
        fields(node.get("fields")),
        unique,
        strings(list.get("columns")),
        list.has("sort") ? SortSpec.parse(list.get("sort").asString()) : null,
        sections,
        strings(node.path("search").get("fields")),
        dedupe(node.get("dedupe")),
        relationship(node.get("relationship")),
        seed(node.get("seed")));
  }

  private static RelationshipSpec relationship(JsonNode node) {
    return node == null ? null
        : new RelationshipSpec(node.get("type").asString(), node.get("sideA").asString(), node.get("sideB").asString());
  }

  private static SeedRecords seed(JsonNode node) {
    if (node == null) {
      return null;
    }
    List<JsonNode> records = new ArrayList<>();
    node.get("records").forEach(records::add);
    return new SeedRecords(node.get("key").asString(), records);
  }

  private static List<DedupeRule> dedupe(JsonNode rules) {
    List<DedupeRule> out = new ArrayList<>();
    if (rules != null) {
      for (JsonNode rule : rules) {
        out.add(new DedupeRule(rule.get("name").asString(), text(rule.get("label")), strings(rule.get("fields"))));
      }
    }
    return out;
  }

  static OptionList optionList(JsonNode node) {
    List<OptionDef> options = new ArrayList<>();
    int position = 0;
    for (JsonNode o : node.get("options")) {
      position += 10;
      options.add(
          new OptionDef(
              o.get("code").asString(),
              text(o.get("label")),
              o.path("active").asBoolean(true),
              o.has("color") ? o.get("color").asString() : null,
              o.has("order") ? o.get("order").asInt() : position));
    }
    return new OptionList(
        node.get("name").asString(), text(node.get("label")), text(node.get("description")), options);
  }

  static RelationshipTypeDef relationshipType(JsonNode node) {
    return new RelationshipTypeDef(
        node.get("name").asString(),
        text(node.get("labelAToB")),
        text(node.get("labelBToA")),
        side(node.get("sideA")),
        side(node.get("sideB")),
        text(node.get("description")),
        node.path("active").asBoolean(true));
  }

  private static RelationshipTypeDef.Side side(JsonNode node) {
    Set<String> subtypes = new LinkedHashSet<>(strings(node.get("subtypes")));
    if (node.has("subtype")) {
      subtypes.add(node.get("subtype").asString());
    }
    return new RelationshipTypeDef.Side(node.get("entity").asString(), subtypes);
  }

  private static List<FieldDef> fields(JsonNode array) {
    List<FieldDef> fields = new ArrayList<>();
    for (JsonNode f : array) {
      fields.add(field(f));
    }
    return fields;
  }

  private static FieldDef field(JsonNode f) {
    Set<String> subtypes = new LinkedHashSet<>(strings(f.get("subtypes")));
    return new FieldDef(
        f.get("name").asString(),
        type(f),
        text(f.get("label")),
        text(f.get("help")),
        f.path("required").asBoolean(false),
        f.path("unique").asBoolean(false),
        f.get("default"),
        f.get("min"),
        f.get("max"),
        f.has("pattern") ? f.get("pattern").asString() : null,
        f.path("readOnly").asBoolean(false),
        f.path("hidden").asBoolean(false),
        subtypes);
  }

  private static FieldType type(JsonNode f) {
    String type = f.get("type").asString();
    return switch (type) {
      case "text" -> new FieldType.Text(f.path("maxLength").asInt(FieldType.Text.DEFAULT_MAX_LENGTH));
      case "long_text" -> new FieldType.LongText();
      case "email" -> new FieldType.Email();
      case "phone" -> new FieldType.Phone();
      case "url" -> new FieldType.Url();
      case "integer" -> new FieldType.IntegerNumber();
      case "decimal" -> new FieldType.DecimalNumber(f.get("precision").asInt(), f.get("scale").asInt());
      case "money" -> new FieldType.Money();
      case "boolean" -> new FieldType.Bool();
      case "date" -> new FieldType.Date();
      case "datetime" -> new FieldType.DateTime();
      case "file" -> new FieldType.File();
      case "option" -> new FieldType.Option(f.get("list").asString());
      case "multi_option" -> new FieldType.MultiOption(f.get("list").asString());
      case "reference" -> new FieldType.Reference(f.get("entity").asString(), optional(f, "subtype"),
          f.path("acyclic").asBoolean(false));
      case "multi_reference" -> new FieldType.MultiReference(f.get("entity").asString(), optional(f, "subtype"),
          f.path("acyclic").asBoolean(false));
      case "collection" -> new FieldType.Collection(fields(f.get("fields")));
      case "computed" ->
          new FieldType.Computed(
              FieldType.Formula.valueOf(f.get("formula").asString().toUpperCase(java.util.Locale.ROOT)),
              optional(f, "source"),
              f.has("template") ? displayName(f.get("template")) : null,
              derivation(f));
      default -> throw new IllegalArgumentException("schema let through unknown type " + type);
    };
  }

  private static Derivation derivation(JsonNode f) {
    JsonNode period = f.get("period");
    if (period != null) {
      List<String> start = period.get("start").isArray() ? strings(period.get("start")) : List.of(period.get("start").asString());
      return new Derivation.PeriodEnd(start, period.get("from").asString(), period.get("interval").asString(),
          period.get("unit").asString(), optional(period, "type"), optional(period, "fixedStart"));
    }
    JsonNode status = f.get("status");
    if (status != null) {
      List<Derivation.StatusRule> rules = new ArrayList<>();
      for (JsonNode rule : status.get("rules")) {
        rules.add(new Derivation.StatusRule(rule.get("status").asString(), bound(rule.get("from")), bound(rule.get("until"))));
      }
      return new Derivation.Status(status.get("list").asString(), optional(status, "override"), rules);
    }
    return null;
  }

  private static Derivation.Bound bound(JsonNode node) {
    if (node == null) {
      return null;
    }
    JsonNode add = node.path("add");
    return new Derivation.Bound(node.get("field").asString(), add.path("years").asInt(0), add.path("months").asInt(0),
        add.path("days").asInt(0));
  }

  private static DisplayNameTemplate displayName(JsonNode node) {
    if (node.isString()) {
      return DisplayNameTemplate.of(node.asString());
    }
    Map<String, String> templates = new LinkedHashMap<>();
    node.properties().forEach(e -> templates.put(e.getKey(), e.getValue().asString()));
    return DisplayNameTemplate.perSubtype(templates);
  }

  private static String optional(JsonNode node, String property) {
    return node.has(property) ? node.get(property).asString() : null;
  }

  static LocalizedText text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return LocalizedText.EMPTY;
    }
    Map<String, String> values = new LinkedHashMap<>();
    node.properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
    return new LocalizedText(values);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asString()));
    }
    return out;
  }
}
