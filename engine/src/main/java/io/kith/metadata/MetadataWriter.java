package io.kith.metadata;

import io.kith.fieldtype.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes metadata records back in the file format, so what the API shows and what a file says
 * have one shape.
 */
public final class MetadataWriter {

  private MetadataWriter() {}

  public static ObjectNode entity(EntityDef e) {
    ObjectNode out = Json.object();
    out.put("name", e.name());
    out.set("label", text(e.label()));
    out.set("pluralLabel", text(e.pluralLabel()));
    if (!e.description().isEmpty()) {
      out.set("description", text(e.description()));
    }
    out.set("displayName", template(e.displayName()));
    if (!e.subtypes().isEmpty()) {
      ArrayNode subtypes = out.putArray("subtypes");
      for (SubtypeDef s : e.subtypes()) {
        ObjectNode node = subtypes.addObject().put("name", s.name());
        node.set("label", text(s.label()));
        node.set("pluralLabel", text(s.pluralLabel()));
      }
    }
    out.set("fields", fields(e.fields()));
    if (!e.uniqueTogether().isEmpty()) {
      ArrayNode unique = out.putArray("unique");
      e.uniqueTogether().forEach(group -> unique.add(strings(group)));
    }
    if (!e.listColumns().isEmpty()) {
      ObjectNode list = out.putObject("list");
      list.set("columns", strings(e.listColumns()));
      if (e.defaultSort() != null) {
        list.put("sort", e.defaultSort().toString());
      }
    }
    if (!e.formSections().isEmpty()) {
      ArrayNode sections = out.putObject("form").putArray("sections");
      for (FormSection s : e.formSections()) {
        ObjectNode node = sections.addObject().put("name", s.name());
        node.set("label", text(s.label()));
        node.set("fields", strings(s.fields()));
      }
    }
    if (e.isSearchable()) {
      out.putObject("search").set("fields", strings(e.searchFields()));
    }
    if (!e.dedupeRules().isEmpty()) {
      ArrayNode rules = out.putArray("dedupe");
      for (DedupeRule r : e.dedupeRules()) {
        ObjectNode rule = rules.addObject().put("name", r.name());
        if (!r.label().isEmpty()) {
          rule.set("label", text(r.label()));
        }
        rule.set("fields", strings(r.fields()));
      }
    }
    if (e.relationship() != null) {
      out.putObject("relationship").put("type", e.relationship().type())
          .put("sideA", e.relationship().sideA()).put("sideB", e.relationship().sideB());
    }
    if (e.seed() != null) {
      ObjectNode seed = out.putObject("seed").put("key", e.seed().key());
      e.seed().records().forEach(seed.putArray("records")::add);
    }
    return out;
  }

  private static void derivation(ObjectNode out, Derivation derivation) {
    if (derivation instanceof Derivation.PeriodEnd p) {
      ObjectNode node = out.putObject("period");
      node.set("start", strings(p.start()));
      node.put("from", p.from()).put("interval", p.interval()).put("unit", p.unit());
      putIfPresent(node, "type", p.periodType());
      putIfPresent(node, "fixedStart", p.fixedStart());
    } else if (derivation instanceof Derivation.Status st) {
      ObjectNode node = out.putObject("status").put("list", st.list());
      putIfPresent(node, "override", st.override());
      ArrayNode rules = node.putArray("rules");
      for (Derivation.StatusRule r : st.rules()) {
        ObjectNode rule = rules.addObject().put("status", r.status());
        bound(rule, "from", r.from());
        bound(rule, "until", r.until());
      }
    }
  }

  private static void bound(ObjectNode rule, String name, Derivation.Bound b) {
    if (b == null) {
      return;
    }
    ObjectNode node = rule.putObject(name).put("field", b.field());
    if (b.years() != 0 || b.months() != 0 || b.days() != 0) {
      ObjectNode add = node.putObject("add");
      if (b.years() != 0) {
        add.put("years", b.years());
      }
      if (b.months() != 0) {
        add.put("months", b.months());
      }
      if (b.days() != 0) {
        add.put("days", b.days());
      }
    }
  }

  /** A template as written: one string, or an object with one per subtype. */
  public static JsonNode template(DisplayNameTemplate template) {
    if (template.template() != null) {
      return Json.NODES.stringNode(template.template());
    }
    ObjectNode out = Json.object();
    template.templates().forEach(out::put);
    return out;
  }

  public static ArrayNode fields(List<FieldDef> fields) {
    ArrayNode out = Json.array();
    fields.forEach(f -> out.add(field(f)));
    return out;
  }

  public static ObjectNode field(FieldDef f) {
    ObjectNode out = Json.object().put("name", f.name()).put("type", f.type().typeName());
    FieldType type = f.type();
    if (type instanceof FieldType.Text t) {
      out.put("maxLength", t.maxLength());
    } else if (type instanceof FieldType.DecimalNumber d) {
      out.put("precision", d.precision()).put("scale", d.scale());
    } else if (type instanceof FieldType.Option o) {
      out.put("list", o.list());
    } else if (type instanceof FieldType.MultiOption o) {
      out.put("list", o.list());
    } else if (type instanceof FieldType.Reference r) {
      out.put("entity", r.entity());
      putIfPresent(out, "subtype", r.subtype());
      putFlag(out, "acyclic", r.acyclic());
    } else if (type instanceof FieldType.MultiReference r) {
      out.put("entity", r.entity());
      putIfPresent(out, "subtype", r.subtype());
      putFlag(out, "acyclic", r.acyclic());
    } else if (type instanceof FieldType.Collection c) {
      out.set("fields", fields(c.fields()));
    } else if (type instanceof FieldType.Computed c) {
      out.put("formula", c.formula().name().toLowerCase(java.util.Locale.ROOT));
      putIfPresent(out, "source", c.source());
      if (c.template() != null) {
        out.set("template", template(c.template()));
      }
      derivation(out, c.derivation());
    }
    if (!f.label().isEmpty()) {
      out.set("label", text(f.label()));
    }
    if (!f.help().isEmpty()) {
      out.set("help", text(f.help()));
    }
    putFlag(out, "required", f.required());
    putFlag(out, "unique", f.unique());
    putFlag(out, "readOnly", f.readOnly());
    putFlag(out, "hidden", f.hidden());
    putNode(out, "default", f.defaultValue());
    putNode(out, "min", f.min());
    putNode(out, "max", f.max());
    putIfPresent(out, "pattern", f.pattern());
    if (!f.subtypes().isEmpty()) {
      out.set("subtypes", strings(f.subtypes().stream().sorted().toList()));
    }
    return out;
  }

  public static ObjectNode optionList(OptionList list) {
    ObjectNode out = Json.object().put("name", list.name());
    out.set("label", text(list.label()));
    if (!list.description().isEmpty()) {
      out.set("description", text(list.description()));
    }
    ArrayNode options = out.putArray("options");
    for (OptionDef o : list.options()) {
      ObjectNode node = options.addObject().put("code", o.code());
      node.set("label", text(o.label()));
      node.put("active", o.active()).put("order", o.order());
      putIfPresent(node, "color", o.color());
    }
    return out;
  }

  public static ObjectNode relationshipType(RelationshipTypeDef r) {
    ObjectNode out = Json.object().put("name", r.name());
    out.set("labelAToB", text(r.labelAToB()));
    out.set("labelBToA", text(r.labelBToA()));
    out.set("sideA", side(r.sideA()));
    out.set("sideB", side(r.sideB()));
    if (!r.description().isEmpty()) {
      out.set("description", text(r.description()));
    }
    out.put("active", r.active());
    return out;
  }

  private static ObjectNode side(RelationshipTypeDef.Side side) {
    ObjectNode out = Json.object().put("entity", side.entity());
    if (side.subtypes().size() == 1) {
      out.put("subtype", side.subtypes().iterator().next());
    } else if (!side.subtypes().isEmpty()) {
      out.set("subtypes", strings(List.copyOf(side.subtypes())));
    }
    return out;
  }

  public static ObjectNode text(LocalizedText text) {
    ObjectNode out = Json.object();
    text.values().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode out = Json.array();
    values.forEach(out::add);
    return out;
  }

  private static void putFlag(ObjectNode out, String name, boolean value) {
    if (value) {
      out.put(name, true);
    }
  }

  private static void putNode(ObjectNode out, String name, JsonNode value) {
    if (value != null) {
      out.set(name, value);
    }
  }

  private static void putIfPresent(ObjectNode out, String name, String value) {
    if (value != null) {
      out.put(name, value);
    }
  }
}
