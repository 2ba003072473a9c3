package io.kith.render;

import io.kith.fieldtype.Json;
import io.kith.query.Operator;
import io.kith.render.SearchFields.Input;
import io.kith.render.SearchFields.Target;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The advanced search form's parameters, both ways: parameters to query JSON (the one query model,
 * which {@code QueryReader} then checks) and query JSON back to parameters (to open a saved search).
 *
 * <p>Parameters: {@code match} (and/or) for the whole search; per condition row {@code c3.field},
 * {@code c3.op}, {@code c3.value} (repeated for lists), {@code c3.to} (the upper bound of
 * "between") and {@code c3.group}; per group {@code g1.match}; {@code col} (repeated) for the
 * result columns; {@code sort} and {@code dir}; {@code size} and {@code page}. A child field of a
 * collection is named {@code emails.email} and becomes an "any row matches" condition.
 */
public final class SearchForm {

  public static final String MATCH = "match";
  public static final String COLUMN = "col";
  public static final String SORT = "sort";
  public static final String DIR = "dir";
  public static final String SIZE = "size";
  public static final String PAGE = "page";

  private static final Pattern ROW = Pattern.compile("c(\\d{1,4})\\.(field|op|value|to|group)");
  private static final Pattern GROUP = Pattern.compile("g(\\d{1,4})\\.match");

  private SearchForm() {}

  /** One condition row as sent; {@code group} is null for a row of the top level. */
  public record Row(int index, Integer group, String field, String op, List<String> values, String to) {
    public Row {
      values = List.copyOf(values);
    }

    public String key() {
      return "c" + index;
    }

    public boolean blank() {
      return field == null || field.isBlank();
    }
  }

  /** The whole form as sent: rows in index order, group matches by group number. */
  public record Parsed(String match, List<Row> rows, Map<Integer, String> groups, List<String> columns,
      String sort, String dir, String size, String page) {
    public Parsed {
      rows = List.copyOf(rows);
      groups = new TreeMap<>(groups);
      columns = List.copyOf(columns);
    }
  }

  /** Query JSON and where each row's condition sits in it ({@code filter.and[1]} → {@code c4}). */
  public record Converted(ObjectNode json, Map<String, String> rowPaths) {

    /** The row an error path points into (the longest matching condition path), or null. */
    public String rowOf(String errorPath) {
      String best = null;
      String row = null;
      for (Map.Entry<String, String> e : rowPaths.entrySet()) {
        String path = e.getKey();
        boolean inside = errorPath.equals(path) || errorPath.startsWith(path + ".") || errorPath.startsWith(path + "[");
        if (inside && (best == null || path.length() > best.length())) {
          best = path;
          row = e.getValue();
        }
      }
      return row;
    }
  }

  public static Parsed parse(Map<String, List<String>> params) {
    Map<Integer, Map<String, List<String>>> rows = new TreeMap<>();
    Map<Integer, String> groups = new TreeMap<>();
    params.forEach((name, values) -> {
      Matcher row = ROW.matcher(name);
      if (row.matches()) {
        rows.computeIfAbsent(Integer.parseInt(row.group(1)), i -> new LinkedHashMap<>()).put(row.group(2), values);
      }
      Matcher group = GROUP.matcher(name);
      if (group.matches() && !values.isEmpty()) {
        groups.put(Integer.parseInt(group.group(1)), values.get(0));
      }
    });
    List<Row> parsed = new ArrayList<>();
    rows.forEach((index, parts) -> {
      String group = first(parts.get("group"));
      Integer groupNumber = null;
      if (group != null && group.matches("\\d{1,4}")) {
        groupNumber = Integer.parseInt(group);
      }
      parsed.add(new Row(index, groupNumber, first(parts.get("field")), first(parts.get("op")),
          parts.getOrDefault("value", List.of()), first(parts.get("to"))));
    });
    return new Parsed(first(params.get(MATCH)), parsed, groups, params.getOrDefault(COLUMN, List.of()),
        first(params.get(SORT)), first(params.get(DIR)), first(params.get(SIZE)), first(params.get(PAGE)));
  }

  /** The query the form describes; blank rows and empty groups are left out. */
  public static Converted toJson(SearchFields fields, Parsed form) {
    ObjectNode json = Json.object();
    Map<String, String> rowPaths = new LinkedHashMap<>();
    String match = "or".equals(form.match()) ? "or" : "and";
    String base = "filter." + match;
    ArrayNode top = Json.array();
    for (Row row : form.rows()) {
      if (row.group() == null && !row.blank()) {
        rowPaths.put(base + "[" + top.size() + "]", row.key());
        top.add(condition(fields, row));
      }
    }
    Map<Integer, List<Row>> grouped = new TreeMap<>();
    for (Row row : form.rows()) {
      if (row.group() != null && !row.blank()) {
        grouped.computeIfAbsent(row.group(), g -> new ArrayList<>()).add(row);
      }
    }
    grouped.forEach((group, rows) -> {
      String groupMatch = "or".equals(form.groups().get(group)) ? "or" : "and";
      String path = base + "[" + top.size() + "]." + groupMatch;
      ArrayNode items = Json.array();
      for (Row row : rows) {
        rowPaths.put(path + "[" + items.size() + "]", row.key());
        items.add(condition(fields, row));
      }
      top.addObject().set(groupMatch, items);
    });
    if (!top.isEmpty()) {
      json.putObject("filter").set(match, top);
    }
    if (!form.columns().isEmpty()) {
      ArrayNode columns = json.putArray("columns");
      form.columns().forEach(columns::add);
    }
    if (form.sort() != null && !form.sort().isBlank()) {
      json.putArray("sort").add(("desc".equals(form.dir()) ? "-" : "") + form.sort().strip());
    }
    putNumber(json, "size", form.size());
    putNumber(json, "page", form.page());
    return new Converted(json, rowPaths);
  }

  /**
   * Form parameters showing {@code query}, or null when the form cannot show it (groups nested
   * deeper than one level, an "any" over several conditions, more than one sort key).
   */
  public static Map<String, List<String>> fromJson(SearchFields fields, JsonNode query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    JsonNode filter = query.get("filter");
    String match = "and";
    List<JsonNode> items = new ArrayList<>();
    if (filter != null && !filter.isNull()) {
      if (filter.has("and") || filter.has("or")) {
        match = filter.has("or") ? "or" : "and";
        filter.get(match).forEach(items::add);
      } else {
        items.add(filter);
      }
    }
    params.put(MATCH, List.of(match));
    int[] next = {0};
    int group = 0;
    for (JsonNode item : items) {
      if (item.has("field")) {
        if (!row(fields, item, null, next, params)) {
          return null;
        }
      } else {
        String groupMatch = item.has("or") ? "or" : "and";
        group++;
        params.put("g" + group + ".match", List.of(groupMatch));
        for (JsonNode inner : item.path(groupMatch)) {
          if (!inner.has("field") || !row(fields, inner, group, next, params)) {
            return null;
          }
        }
      }
    }
    JsonNode columns = query.get("columns");
    if (columns != null && columns.isArray() && !columns.isEmpty()) {
      List<String> names = new ArrayList<>();
      columns.forEach(c -> names.add(c.asString()));
      params.put(COLUMN, names);
    }
    JsonNode sort = query.get("sort");
    if (sort != null && sort.isArray() && !sort.isEmpty()) {
      if (sort.size() > 1) {
        return null;
      }
      String key = sort.get(0).asString("");
      params.put(SORT, List.of(key.startsWith("-") ? key.substring(1) : key));
      params.put(DIR, List.of(key.startsWith("-") ? "desc" : "asc"));
    }
    if (query.hasNonNull("size")) {
      params.put(SIZE, List.of(query.get("size").asString()));
    }
    return params;
  }

  private static boolean row(SearchFields fields, JsonNode condition, Integer group, int[] next,
      Map<String, List<String>> params) {
    String field = condition.path("field").asString("");
    String op = condition.path("op").asString("");
    JsonNode value = condition.get("value");
    if ("any".equals(op)) {
      if (value == null || !value.has("field") || "any".equals(value.path("op").asString(""))) {
        return false;
      }
      field = field + "." + value.path("field").asString("");
      op = value.path("op").asString("");
      value = value.get("value");
    }
    Target target = fields.get(field);
    Operator operator = Operator.ofJson(op);
    String key = "c" + next[0]++;
    params.put(key + ".field", List.of(field));
    params.put(key + ".op", List.of(op));
    if (group != null) {
      params.put(key + ".group", List.of(String.valueOf(group)));
    }
    if (value == null || value.isNull()) {
      return true;
    }
    if (operator != null && operator.arity() == Operator.Arity.TWO && value.isArray() && value.size() == 2) {
      params.put(key + ".value", List.of(text(value.get(0))));
      params.put(key + ".to", List.of(text(value.get(1))));
    } else if (value.isArray()) {
      List<String> values = new ArrayList<>();
      value.forEach(v -> values.add(text(v)));
      params.put(key + ".value", target != null && target.separateValues() ? values : List.of(String.join(", ", values)));
    } else {
      params.put(key + ".value", List.of(text(value)));
    }
    return true;
  }

  private static ObjectNode condition(SearchFields fields, Row row) {
    String name = row.field().strip();
    Target target = fields.get(name);
    String opName = row.op() == null || row.op().isBlank()
        ? (target == null ? "eq" : target.defaultOperator().jsonName()) : row.op();
    ObjectNode inner = Json.object();
    inner.put("field", target == null ? name : target.name());
    inner.put("op", opName);
    Operator op = Operator.ofJson(opName);
    Input input = target == null ? Input.TEXT : target.input();
    if (op != null) {
      List<String> values = row.values();
      String one = values.isEmpty() ? "" : values.get(values.size() - 1);
      switch (op.arity()) {
        case NONE, FILTER -> {
          // no value
        }
        case ONE -> inner.set("value", value(input, one));
        case TWO -> inner.putArray("value").add(value(input, one)).add(value(input, row.to() == null ? "" : row.to()));
        case MANY -> {
          ArrayNode list = inner.putArray("value");
          for (String v : values) {
            for (String part : input == Input.OPTION || input == Input.SUBTYPE ? new String[] {v} : v.split(",")) {
              if (!part.isBlank()) {
                list.add(value(input, part.strip()));
              }
            }
          }
        }
        case TEXT -> inner.put("value", one.strip());
        case DAYS -> inner.set("value", value(Input.INTEGER, one));
      }
    }
    if (target == null || target.collection() == null) {
      return inner;
    }
    ObjectNode any = Json.object();
    any.put("field", target.collection().name()).put("op", "any");
    any.set("value", inner);
    return any;
  }

  /** Form text as the JSON of the target's kind; text that does not parse stays text (and is refused). */
  private static JsonNode value(Input input, String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      return Json.NODES.nullNode();
    }
    try {
      return switch (input) {
        case INTEGER, REFERENCE -> Json.NODES.numberNode(Long.parseLong(s));
        case DECIMAL -> Json.NODES.numberNode(new BigDecimal(s));
        case BOOLEAN -> "true".equals(s) || "false".equals(s) ? Json.NODES.booleanNode(Boolean.parseBoolean(s))
            : Json.NODES.stringNode(s);
        default -> Json.NODES.stringNode(s);
      };
    } catch (NumberFormatException e) {
      return Json.NODES.stringNode(s);
    }
  }

  private static String text(JsonNode value) {
    if (value.isBigDecimal() || value.isFloatingPointNumber()) {
      return value.decimalValue().toPlainString();
    }
    return value.asString();
  }

  private static void putNumber(ObjectNode json, String name, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    try {
      json.put(name, Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      json.put(name, text);
    }
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
