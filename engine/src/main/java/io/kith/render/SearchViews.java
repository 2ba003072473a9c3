package io.kith.render;

import io.kith.i18n.KithLocale;
import io.kith.i18n.Messages;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.OptionDef;
import io.kith.metadata.SubtypeDef;
import io.kith.query.Operator;
import io.kith.render.FieldView.OptionView;
import io.kith.render.FieldView.RefItem;
import io.kith.render.SearchFields.Input;
import io.kith.render.SearchFields.Target;
import io.kith.render.SearchForm.Row;
import io.kith.render.SearchView.Builder;
import io.kith.render.SearchView.ColumnChoice;
import io.kith.render.SearchView.ConditionRow;
import io.kith.render.SearchView.FieldChoice;
import io.kith.render.SearchView.GroupView;
import io.kith.render.SearchView.OperatorChoice;
import io.kith.render.SearchView.ValueTemplate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the condition builder of the advanced search page from metadata and the submitted form:
 * field choices, each row's operators limited to its field's, and a value input of the field's
 * kind (text, number, date, a select of options or subtypes, Yes/No, a record lookup).
 */
public final class SearchViews {

  /** Name placeholder in value templates; the script replaces it with {@code c7.value}. */
  public static final String PLACEHOLDER = "__NAME__";

  private final Messages messages;

  public SearchViews(Messages messages) {
    this.messages = messages;
  }

  /** Ids of records that reference conditions point at, by target entity type (for their labels). */
  public static Map<String, Set<Long>> referencedIds(SearchFields fields, SearchForm.Parsed form) {
    Map<String, Set<Long>> out = new HashMap<>();
    for (Row row : form.rows()) {
      Target target = fields.get(row.field());
      if (target == null || target.input() != Input.REFERENCE) {
        continue;
      }
      String entity = referencedEntity(target.field());
      for (String value : row.values()) {
        for (String part : value.split(",")) {
          try {
            out.computeIfAbsent(entity, e -> new HashSet<>()).add(Long.parseLong(part.strip()));
          } catch (NumberFormatException ignored) {
            // not an id: the query reader reports it beside the row
          }
        }
      }
    }
    return out;
  }

  public Builder builder(MetadataSnapshot snapshot, SearchFields fields, SearchForm.Parsed form,
      Map<String, String> rowErrors, Map<String, Map<Long, String>> labels, KithLocale locale) {
    Map<Operator, OperatorChoice> ops = new HashMap<>();
    List<OperatorChoice> allOps = new ArrayList<>();
    for (Operator op : Operator.values()) {
      if (op != Operator.ANY) {
        OperatorChoice choice = new OperatorChoice(op.jsonName(), messages.get(locale, "op." + op.jsonName()),
            op.arity().name().toLowerCase(java.util.Locale.ROOT));
        ops.put(op, choice);
        allOps.add(choice);
      }
    }
    List<FieldChoice> choices = fields.all().stream()
        .map(t -> new FieldChoice(t.key(), label(t, locale),
            t.operators().stream().map(Operator::jsonName).collect(Collectors.joining(" "))))
        .toList();
    Context context = new Context(snapshot, fields, ops, allOps, rowErrors, labels, locale);
    int next = form.rows().stream().mapToInt(Row::index).max().orElse(-1) + 1;
    List<ConditionRow> top = new ArrayList<>();
    form.rows().stream().filter(r -> r.group() == null && !r.blank()).forEach(r -> top.add(row(context, r, null)));
    int blanks = Math.max(1, 3 - top.size());
    for (int i = 0; i < blanks; i++) {
      top.add(row(context, blankRow(next++, null), null));
    }
    List<GroupView> groups = new ArrayList<>();
    Set<Integer> groupNumbers = new java.util.TreeSet<>(form.groups().keySet());
    form.rows().stream().filter(r -> r.group() != null && !r.blank()).forEach(r -> groupNumbers.add(r.group()));
    int nextGroup = 1;
    for (int group : groupNumbers) {
      List<ConditionRow> rows = new ArrayList<>();
      for (Row r : form.rows()) {
        if (r.group() != null && r.group() == group && !r.blank()) {
          rows.add(row(context, r, String.valueOf(group)));
        }
      }
      if (rows.isEmpty()) {
        continue;
      }
      rows.add(row(context, blankRow(next++, group), String.valueOf(group)));
      groups.add(new GroupView(String.valueOf(group), "or".equals(form.groups().get(group)) ? "or" : "and", rows));
      nextGroup = Math.max(nextGroup, group + 1);
    }
    // One empty group, so a nested AND/OR can be built without script.
    List<ConditionRow> blankGroup = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      blankGroup.add(row(context, blankRow(next++, nextGroup), String.valueOf(nextGroup)));
    }
    groups.add(new GroupView(String.valueOf(nextGroup), "or", blankGroup));
    nextGroup++;
    return new Builder("or".equals(form.match()) ? "or" : "and", choices, allOps, top, groups, next, nextGroup,
        templates(context), columns(fields.entity(), form, locale), sortFields(fields.entity(), form, locale),
        "desc".equals(form.dir()) ? "desc" : "asc", form.size() == null ? "" : form.size());
  }

  /** The label of a target: the field's, "Collection › field" for child fields, or a system column's. */
  public String label(Target target, KithLocale locale) {
    if (target.field() == null) {
      return messages.get(locale, "label." + target.key());
    }
    String label = target.field().label(locale);
    return target.collection() == null ? label : target.collection().label(locale) + " › " + label;
  }

  private record Context(MetadataSnapshot snapshot, SearchFields fields, Map<Operator, OperatorChoice> ops,
      List<OperatorChoice> allOps, Map<String, String> errors, Map<String, Map<Long, String>> labels,
      KithLocale locale) {}

  private static Row blankRow(int index, Integer group) {
    return new Row(index, group, "", "", List.of(), null);
  }

  private ConditionRow row(Context c, Row row, String group) {
    Target target = c.fields().get(row.field());
    Operator op = Operator.ofJson(row.op() == null ? "" : row.op());
    if (target != null && (op == null || !target.operators().contains(op))) {
      op = target.defaultOperator();
    }
    List<OperatorChoice> operators = target == null ? c.allOps()
        : target.operators().stream().map(c.ops()::get).toList();
    FieldView value;
    FieldView to = null;
    if (target == null) {
      value = input(c, null, "single", row.key() + ".value", row.values());
    } else {
      value = input(c, target, variant(op), row.key() + ".value", row.values());
      if (target.operators().contains(Operator.BETWEEN)) {
        to = input(c, target, "single", row.key() + ".to", row.to() == null ? List.of() : List.of(row.to()));
      }
    }
    return new ConditionRow(row.key(), group, row.blank() ? "" : row.field(), op == null ? "" : op.jsonName(),
        operators, value, to, op == Operator.BETWEEN, c.errors().get(row.key()));
  }

  private static String variant(Operator op) {
    return switch (op.arity()) {
      case NONE, FILTER -> "none";
      case MANY -> "multi";
      case DAYS -> "days";
      default -> "single";
    };
  }

  /** The value input of {@code target} for one variant; null for operators without a value. */
  private FieldView input(Context c, Target target, String variant, String name, List<String> values) {
    if (variant.equals("none")) {
      return null;
    }
    String label = messages.get(c.locale(), "search.value");
    String value = values.isEmpty() ? "" : values.get(values.size() - 1);
    if (target == null || variant.equals("days")) {
      return view(name, label, variant.equals("days") ? "integer" : "text", value, values, List.of(), List.of(), null);
    }
    boolean multi = variant.equals("multi");
    return switch (target.input()) {
      case INTEGER -> view(name, label, multi ? "text" : "integer", value, values, List.of(), List.of(), null);
      case DECIMAL -> view(name, label, multi ? "text" : "decimal", value, values, List.of(), List.of(), null);
      case DATE -> view(name, label, multi ? "text" : "date", value, values, List.of(), List.of(), null);
      case BOOLEAN -> view(name, label, "select", value, values, List.of(
          new OptionView("true", messages.get(c.locale(), "label.yes"), value.equals("true"), null),
          new OptionView("false", messages.get(c.locale(), "label.no"), value.equals("false"), null)), List.of(), null);
      case OPTION -> view(name, label, multi ? "multiselect" : "select", value, values,
          options(c, target.field(), values), List.of(), null);
      case SUBTYPE -> view(name, label, multi ? "multiselect" : "select", value, values,
          subtypes(c, values), List.of(), null);
      case REFERENCE -> {
        String entity = referencedEntity(target.field());
        yield view(name, label, multi ? "multireference" : "reference", value, values, List.of(),
            refs(c, entity, multi ? values : values.isEmpty() ? List.of() : List.of(value)),
            "/api/v1/" + entity + "/autocomplete");
      }
      default -> view(name, label, "text", value, values, List.of(), List.of(), null);
    };
  }

  private static FieldView view(String name, String label, String widget, String value, List<String> values,
      List<OptionView> options, List<RefItem> references, String lookupUrl) {
    return new FieldView(name, name, "f-" + name.replaceAll("[^A-Za-z0-9_-]", "-"), label, null, false, false, widget, value, values, options, references,
        lookupUrl, null, List.of(), null, null);
  }

  private static List<OptionView> options(Context c, FieldDef field, List<String> selected) {
    String list = field.type() instanceof FieldType.Option o ? o.list() : ((FieldType.MultiOption) field.type()).list();
    List<OptionView> out = new ArrayList<>();
    for (OptionDef option : c.snapshot().optionList(list).options()) {
      out.add(new OptionView(option.code(), option.label(c.locale()), selected.contains(option.code()), option.color()));
    }
    return out;
  }

  private static List<OptionView> subtypes(Context c, List<String> selected) {
    List<OptionView> out = new ArrayList<>();
    for (SubtypeDef s : c.fields().entity().subtypes()) {
      out.add(new OptionView(s.name(), s.label().resolve(c.locale(), s.name()), selected.contains(s.name()), null));
    }
    return out;
  }

  private static List<RefItem> refs(Context c, String entity, List<String> values) {
    Map<Long, String> known = c.labels().getOrDefault(entity, Map.of());
    List<RefItem> out = new ArrayList<>();
    for (String value : values) {
      for (String part : value.split(",")) {
        try {
          long id = Long.parseLong(part.strip());
          out.add(new RefItem(id, known.getOrDefault(id, "#" + id)));
        } catch (NumberFormatException ignored) {
          // shown empty; the reader reports the value
        }
      }
    }
    return out;
  }

  private static String referencedEntity(FieldDef field) {
    return field.type() instanceof FieldType.Reference r ? r.entity() : ((FieldType.MultiReference) field.type()).entity();
  }

  /** Value inputs for the script to swap in when a row's field or operator changes. */
  private List<ValueTemplate> templates(Context c) {
    List<ValueTemplate> out = new ArrayList<>();
    out.add(new ValueTemplate("", "days", input(c, null, "days", PLACEHOLDER, List.of())));
    for (Target target : c.fields().all()) {
      Set<String> variants = new java.util.LinkedHashSet<>();
      target.operators().forEach(op -> variants.add(variant(op)));
      for (String variant : Arrays.asList("single", "multi")) {
        if (variants.contains(variant) || variant.equals("single") && target.operators().contains(Operator.BETWEEN)) {
          out.add(new ValueTemplate(target.key(), variant, input(c, target, variant, PLACEHOLDER, List.of())));
        }
      }
    }
    return out;
  }

  private static List<ColumnChoice> columns(EntityDef entity, SearchForm.Parsed form, KithLocale locale) {
    Set<String> chosen = new HashSet<>(form.columns());
    if (chosen.isEmpty()) {
      ResultColumns.defaults(entity).forEach(f -> chosen.add(f.name()));
    }
    return ResultColumns.choosable(entity).stream()
        .map(f -> new ColumnChoice(f.name(), f.label(locale), chosen.contains(f.name())))
        .toList();
  }

  private List<OptionView> sortFields(EntityDef entity, SearchForm.Parsed form, KithLocale locale) {
    String sort = form.sort() == null ? "" : form.sort();
    List<OptionView> out = new ArrayList<>();
    out.add(new OptionView("", messages.get(locale, "search.default_order"), sort.isEmpty(), null));
    for (FieldDef f : entity.fields()) {
      if (f.type().hasColumn() && !f.hidden()) {
        out.add(new OptionView(f.name(), f.label(locale), f.name().equals(sort), null));
      }
    }
    for (String system : List.of("created_at", "updated_at")) {
      out.add(new OptionView(system, messages.get(locale, "label." + system), system.equals(sort), null));
    }
    return out;
  }
}
