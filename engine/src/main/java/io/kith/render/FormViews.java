package io.kith.render;

import io.kith.fieldtype.FieldTypes;
import io.kith.i18n.KithLocale;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.FormSection;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.OptionDef;
import io.kith.render.FieldView.OptionView;
import io.kith.render.FieldView.RefItem;
import io.kith.render.FieldView.RowView;
import io.kith.render.FormView.SectionView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the widgets of a generated form from metadata, form values and errors. */
public final class FormViews {

  private static final Pattern ROW_KEY = Pattern.compile("([a-z][a-z0-9_]*)\\[(\\d+)]\\..*");

  /** The widget of a field the user may read but not write: its value as text, no input. */
  public static final String DISPLAY = "display";

  private final FieldTypes fieldTypes;

  public FormViews(FieldTypes fieldTypes) {
    this.fieldTypes = fieldTypes;
  }

  /** What a form needs besides metadata: values, errors by field path, labels of references. */
  public record Input(
      Map<String, List<String>> values,
      Map<String, String> errors,
      Map<String, Map<Long, String>> referenceLabels) {}

  /** Ids of referenced records in the form values, by target entity type. */
  public Map<String, Set<Long>> referencedIds(EntityDef entity, Map<String, List<String>> values) {
    Map<String, Set<Long>> out = new HashMap<>();
    for (FieldDef field : entity.fields()) {
      if (field.type() instanceof FieldType.Reference r) {
        addIds(out, r.entity(), values.get(field.name()));
      } else if (field.type() instanceof FieldType.MultiReference r) {
        addIds(out, r.entity(), values.get(field.name()));
      } else if (field.type() instanceof FieldType.Collection c) {
        for (FieldDef child : c.fields()) {
          if (child.type() instanceof FieldType.Reference r) {
            values.forEach((key, v) -> {
              if (key.startsWith(field.name() + "[") && key.endsWith("]." + child.name())) {
                addIds(out, r.entity(), v);
              }
            });
          }
        }
      }
    }
    return out;
  }

  /** The form's sections; fields {@code shown} rejects (hidden from the user) are left out. */
  public List<SectionView> sections(MetadataSnapshot snapshot, EntityDef entity, String subtype,
      Input input, KithLocale locale, String otherLabel, java.util.function.Predicate<String> shown) {
    return sections(snapshot, entity, subtype, input, locale, otherLabel, shown, field -> null);
  }

  /**
   * The form's sections; fields {@code shown} rejects (hidden from the user) are left out, and a
   * field for which {@code readOnly} gives display texts (read-only to the user) is shown as those
   * texts, not as an input: its value is visible, and the form does not send it.
   */
  public List<SectionView> sections(MetadataSnapshot snapshot, EntityDef entity, String subtype,
      Input input, KithLocale locale, String otherLabel, java.util.function.Predicate<String> shown,
      java.util.function.Function<FieldDef, List<String>> readOnly) {
    List<SectionView> sections = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    for (FormSection section : entity.formSections()) {
      List<FieldView> fields = new ArrayList<>();
      for (String name : section.fields()) {
        FieldDef field = entity.field(name).orElseThrow();
        placed.add(name);
        if (isOnForm(field, subtype) && shown.test(name)) {
          fields.add(widget(snapshot, entity, field, input, locale, readOnly));
        }
      }
      if (!fields.isEmpty()) {
        sections.add(new SectionView(section.label().resolve(locale, section.name()), fields));
      }
    }
    List<FieldView> rest = new ArrayList<>();
    for (FieldDef field : entity.fields()) {
      if (!placed.contains(field.name()) && isOnForm(field, subtype) && shown.test(field.name())) {
        rest.add(widget(snapshot, entity, field, input, locale, readOnly));
      }
    }
    if (!rest.isEmpty()) {
      sections.add(new SectionView(sections.isEmpty() ? "" : otherLabel, rest));
    }
    return sections;
  }

  private static boolean isOnForm(FieldDef field, String subtype) {
    return !field.isComputed() && !field.hidden() && field.appliesTo(subtype);
  }

  private FieldView widget(MetadataSnapshot snapshot, EntityDef owner, FieldDef field, Input input,
      KithLocale locale, java.util.function.Function<FieldDef, List<String>> readOnly) {
    List<String> shownAs = readOnly.apply(field);
    if (shownAs == null) {
      return widget(snapshot, owner, field, field.name(), input, locale);
    }
    return new FieldView(field.name(), field.name(), elementId(field.name()), field.label(locale),
        field.help().isEmpty() ? null : field.help().resolve(locale, null), false, true, DISPLAY,
        String.join(", ", shownAs), List.copyOf(shownAs), List.of(), List.of(), null,
        input.errors().get(field.name()), List.of(), null, null);
  }

  /** One widget; {@code owner} is the entity type of a top-level field, null inside a collection. */
  private FieldView widget(MetadataSnapshot snapshot, EntityDef owner, FieldDef field, String inputName, Input input,
      KithLocale locale) {
    List<String> values = input.values().getOrDefault(inputName, List.of());
    String value = values.isEmpty() ? "" : values.get(values.size() - 1);
    String widget = fieldTypes.of(field.type()).widget(field.type());
    List<OptionView> options = List.of();
    List<RefItem> references = List.of();
    String lookupUrl = null;
    List<RowView> rows = List.of();
    RowView blankRow = null;
    Integer maxLength = null;
    String dependsOn = null;
    String optionsUrl = null;
    FieldType type = field.type();
    if (type instanceof FieldType.Option o && o.dependsOn() != null && owner != null) {
      List<String> parent = input.values().getOrDefault(o.dependsOn(), List.of());
      options = choices(snapshot, field, parent.isEmpty() ? null : parent.get(parent.size() - 1), values, locale);
      dependsOn = o.dependsOn();
      optionsUrl = optionsUrl(owner, field);
    } else if (type instanceof FieldType.Option o) {
      options = options(snapshot, o.list(), values, locale);
    } else if (type instanceof FieldType.MultiOption m) {
      options = options(snapshot, m.list(), values, locale);
    } else if (type instanceof FieldType.Reference r) {
      references = refs(r.entity(), values, input);
      lookupUrl = "/api/v1/" + r.entity() + "/autocomplete";
    } else if (type instanceof FieldType.MultiReference r) {
      references = refs(r.entity(), values, input);
      lookupUrl = "/api/v1/" + r.entity() + "/autocomplete";
    } else if (type instanceof FieldType.Collection c) {
      rows = rows(snapshot, field, c, input, locale);
      blankRow = row(snapshot, field, c, "__INDEX__", input, locale);
    } else if (type instanceof FieldType.Text t) {
      maxLength = t.maxLength();
    }
    if (type instanceof FieldType.Bool) {
      value = values.contains("true") ? "true" : "false";
    }
    return new FieldView(field.name(), inputName, elementId(inputName), field.label(locale),
        field.help().isEmpty() ? null : field.help().resolve(locale, null),
        field.required(), field.readOnly(), widget, value, values, options, references, lookupUrl,
        input.errors().get(inputName), rows, blankRow, maxLength, dependsOn, optionsUrl);
  }

  /** Where the form's script fetches a dependent field's choices for another parent value. */
  public static String optionsUrl(EntityDef entity, FieldDef field) {
    return "/app/" + entity.name() + "/options/" + field.name();
  }

  /**
   * The choices of a dependent option field under {@code parentCode}: active options that belong
   * under it, plus the selected ones (shown so nothing is lost; the server reports a misfit).
   */
  public static List<OptionView> choices(MetadataSnapshot snapshot, FieldDef field, String parentCode,
      List<String> selected, KithLocale locale) {
    List<OptionView> out = new ArrayList<>();
    for (OptionDef option : snapshot.optionList(((FieldType.Option) field.type()).list()).options()) {
      boolean isSelected = selected.contains(option.code());
      if (isSelected || option.active() && option.belongsTo(parentCode)) {
        out.add(new OptionView(option.code(), option.label(locale), isSelected, option.color()));
      }
    }
    return out;
  }

  private List<RowView> rows(MetadataSnapshot snapshot, FieldDef field, FieldType.Collection c, Input input, KithLocale locale) {
    TreeSet<Integer> indexes = new TreeSet<>();
    for (String key : input.values().keySet()) {
      Matcher m = ROW_KEY.matcher(key);
      if (m.matches() && m.group(1).equals(field.name())) {
        indexes.add(Integer.parseInt(m.group(2)));
      }
    }
    List<RowView> rows = new ArrayList<>();
    int next = 0;
    for (int index : indexes) {
      rows.add(row(snapshot, field, c, String.valueOf(index), input, locale));
      next = index + 1;
    }
    // One blank row so a new entry can be added without script.
    rows.add(row(snapshot, field, c, String.valueOf(next), input, locale));
    return rows;
  }

  private RowView row(MetadataSnapshot snapshot, FieldDef field, FieldType.Collection c, String index, Input input, KithLocale locale) {
    List<FieldView> cells = new ArrayList<>();
    for (FieldDef child : c.fields()) {
      cells.add(widget(snapshot, null, child, field.name() + "[" + index + "]." + child.name(), input, locale));
    }
    return new RowView(index, cells);
  }

  /** Active options, plus inactive ones the record already has (shown so nothing is lost). */
  private static List<OptionView> options(MetadataSnapshot snapshot, String list, List<String> selected, KithLocale locale) {
    List<OptionView> out = new ArrayList<>();
    for (OptionDef option : snapshot.optionList(list).options()) {
      boolean isSelected = selected.contains(option.code());
      if (option.active() || isSelected) {
        out.add(new OptionView(option.code(), option.label(locale), isSelected, option.color()));
      }
    }
    return out;
  }

  private static List<RefItem> refs(String target, List<String> values, Input input) {
    Map<Long, String> labels = input.referenceLabels().getOrDefault(target, Map.of());
    List<RefItem> out = new ArrayList<>();
    for (String value : new LinkedHashSet<>(values)) {
      for (String part : value.split(",")) {
        try {
          long id = Long.parseLong(part.strip());
          out.add(new RefItem(id, labels.getOrDefault(id, "#" + id)));
        } catch (NumberFormatException ignored) {
          // not an id: nothing to show; the server reports the bad value on save
        }
      }
    }
    return out;
  }

  /** {@code emails[0].email} → {@code f-emails-0--email}: a valid, unique element id. */
  private static String elementId(String inputName) {
    StringBuilder id = new StringBuilder("f-");
    for (int i = 0; i < inputName.length(); i++) {
      char c = inputName.charAt(i);
      id.append(Character.isLetterOrDigit(c) || c == '_' || c == '-' ? c : '-');
    }
    return id.toString();
  }

  private static void addIds(Map<String, Set<Long>> out, String entity, List<String> values) {
    if (values == null) {
      return;
    }
    for (String value : values) {
      for (String part : value.split(",")) {
        try {
          out.computeIfAbsent(entity, e -> new HashSet<>()).add(Long.parseLong(part.strip()));
        } catch (NumberFormatException ignored) {
          // not an id
        }
      }
    }
  }
}
