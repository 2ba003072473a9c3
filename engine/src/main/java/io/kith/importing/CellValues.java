package io.kith.importing;

import io.kith.fieldtype.FieldTypes;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.OptionDef;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Turns one cell's text into the JSON value the record API takes for a field, the way a person
 * would read the cell: option labels in any language as well as codes, Yes/No/是/否 for booleans,
 * {@code 2024/1/5} for dates, {@code 2024-01-05 10:30} for date-times. What does not convert is
 * passed on as text, so the record checks report it with their usual code.
 */
final class CellValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "on", "x", "是", "有", "對", "对");
  private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "off", "否", "沒有", "没有", "無", "无");
  private static final Pattern DATE = Pattern.compile("(\\d{4})[/.-](\\d{1,2})[/.-](\\d{1,2})");
  private static final Pattern DATE_TIME = Pattern.compile("(\\d{4})[/.-](\\d{1,2})[/.-](\\d{1,2})[ T](\\d{1,2}):(\\d{2})(:\\d{2})?(.*)");

  private final FieldTypes fieldTypes;

  CellValues(FieldTypes fieldTypes) {
    this.fieldTypes = fieldTypes;
  }

  /** The value for a non-empty, value-mapped cell; references are resolved elsewhere. */
  JsonNode convert(MetadataSnapshot snapshot, FieldDef field, String cell, String separator) {
    String text = cell.strip();
    FieldType type = field.type();
    if (type instanceof FieldType.Option o) {
      return NODES.stringNode(optionCode(snapshot, o.list(), text));
    }
    if (type instanceof FieldType.MultiOption m) {
      ArrayNode codes = NODES.arrayNode();
      for (String part : split(text, separator)) {
        codes.add(optionCode(snapshot, m.list(), part));
      }
      return codes;
    }
    if (type instanceof FieldType.Bool) {
      String lower = text.toLowerCase(Locale.ROOT);
      return TRUE.contains(lower) ? NODES.booleanNode(true) : FALSE.contains(lower) ? NODES.booleanNode(false)
          : NODES.stringNode(text);
    }
    if (type instanceof FieldType.Date) {
      Matcher m = DATE.matcher(text);
      return NODES.stringNode(m.matches() ? date(m) : text);
    }
    if (type instanceof FieldType.DateTime) {
      Matcher m = DATE_TIME.matcher(text);
      return NODES.stringNode(m.matches()
          ? date(m) + "T" + pad(m.group(4)) + ":" + m.group(5) + (m.group(6) == null ? "" : m.group(6)) + m.group(7).strip()
          : text);
    }
    if (type instanceof FieldType.IntegerNumber || type instanceof FieldType.DecimalNumber || type instanceof FieldType.Money) {
      JsonNode number = fieldTypes.of(type).fromForm(type, List.of(text.replace(",", "")));
      return number == null ? NODES.stringNode(text) : number;
    }
    return NODES.stringNode(text);
  }

  static List<String> split(String text, String separator) {
    return java.util.Arrays.stream(text.split(Pattern.quote(separator))).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** The code itself, or the code whose label (any language, any case) is the text. */
  private static String optionCode(MetadataSnapshot snapshot, String list, String text) {
    List<OptionDef> options = snapshot.optionList(list).options();
    for (OptionDef option : options) {
      if (option.code().equals(text)) {
        return text;
      }
    }
    for (OptionDef option : options) {
      if (option.code().equalsIgnoreCase(text) || option.label().values().values().stream().anyMatch(l -> l.strip().equalsIgnoreCase(text))) {
        return option.code();
      }
    }
    return text;
  }

  private static String date(Matcher m) {
    return m.group(1) + "-" + pad(m.group(2)) + "-" + pad(m.group(3));
  }

  private static String pad(String digits) {
    return digits.length() == 1 ? "0" + digits : digits;
  }
}
