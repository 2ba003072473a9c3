package io.kith.metadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a record's display name is made: one template, or one per subtype. Templates are parsed
 * once into literal and field parts.
 */
public final class DisplayNameTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)}");

  /** Separators left dangling by an empty placeholder ("Chan, " when the first name is empty). */
  private static final Pattern DANGLING = Pattern.compile("^[\\s,;]+|[\\s,;]+$");

  private final String template;
  private final Map<String, String> templates;
  private final List<Part> common;
  private final Map<String, List<Part>> bySubtype;

  private DisplayNameTemplate(String template, Map<String, String> templates) {
    this.template = template;
    this.templates = templates;
    this.common = template == null ? List.of() : parse(template);
    Map<String, List<Part>> parsed = new java.util.LinkedHashMap<>();
    templates.forEach((subtype, text) -> parsed.put(subtype, parse(text)));
    this.bySubtype = java.util.Collections.unmodifiableMap(parsed);
  }

  public static DisplayNameTemplate of(String template) {
    return new DisplayNameTemplate(template, Map.of());
  }

  public static DisplayNameTemplate perSubtype(Map<String, String> templates) {
    return new DisplayNameTemplate(null, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(templates)));
  }

  /** The one template as written, or null when there is one per subtype. */
  public String template() {
    return template;
  }

  /** The templates per subtype as written, in file order; empty when there is one template. */
  public Map<String, String> templates() {
    return templates;
  }

  /** The subtypes that have their own template. */
  public Set<String> subtypes() {
    return bySubtype.keySet();
  }

  /** Every field name the templates mention. */
  public Set<String> fieldNames() {
    Set<String> names = new LinkedHashSet<>();
    for (List<Part> parts : allTemplates()) {
      parts.stream().filter(Part::isField).forEach(p -> names.add(p.text()));
    }
    return names;
  }

  /** Renders the template for {@code subtype} with values looked up by field name. */
  public String render(String subtype, Function<String, String> values) {
    List<Part> parts = subtype == null ? common : bySubtype.getOrDefault(subtype, common);
    if (parts.isEmpty() && !bySubtype.isEmpty() && subtype == null) {
      parts = bySubtype.values().iterator().next();
    }
    StringBuilder out = new StringBuilder();
    boolean empty = false;
    for (Part part : parts) {
      if (part.isField()) {
        String value = values.apply(part.text());
        empty |= value == null || value.isBlank();
        out.append(value == null ? "" : value);
      } else {
        out.append(part.text());
      }
    }
    String text = collapseSpaces(out.toString().trim());
    return empty ? DANGLING.matcher(text).replaceAll("") : text;
  }

  /**
   * Every run of two or more whitespace characters (regex {@code \s}) as one space, without a
   * regular expression: names are rendered for every imported row and every search hit.
   */
  static String collapseSpaces(String text) {
    StringBuilder out = null;
    int i = 0;
    while (i < text.length()) {
      int end = i;
      while (end < text.length() && isSpace(text.charAt(end))) {
        end++;
      }
      if (end - i >= 2) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        out.append(' ');
        i = end;
      } else {
        if (out != null) {
          out.append(text.charAt(i));
        }
        i++;
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DisplayNameTemplate t && java.util.Objects.equals(template, t.template)
        && templates.equals(t.templates);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(template, templates);
  }

  private List<List<Part>> allTemplates() {
    List<List<Part>> all = new ArrayList<>(bySubtype.values());
    all.add(common);
    return all;
  }

  private static List<Part> parse(String template) {
    List<Part> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        parts.add(new Part(template.substring(last, m.start()), false));
      }
      parts.add(new Part(m.group(1), true));
      last = m.end();
    }
    if (last < template.length()) {
      parts.add(new Part(template.substring(last), false));
    }
    return List.copyOf(parts);
  }

  private record Part(String text, boolean isField) {}
}
