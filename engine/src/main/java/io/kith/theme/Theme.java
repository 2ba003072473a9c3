package io.kith.theme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The page colours, each a {@code #rrggbb} hex colour (lower case). The constructor refuses
 * anything else, so a theme can be written into a style element as it is.
 */
public record Theme(String background, String header, String text) {

  // Before DEFAULT: the constructor checks against it.
  private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

  /** The colours of kith.css. */
  public static final Theme DEFAULT = new Theme("#f6f7f9", "#1f4e79", "#1d232b");

  /** The settable colours, in form order. */
  public static final List<String> COLOURS = List.of("background", "header", "text");

  public Theme {
    background = checked("background", background);
    header = checked("header", header);
    text = checked("text", text);
  }

  /** Whether {@code value} is a colour a theme accepts. */
  public static boolean isColour(String value) {
    return value != null && HEX.matcher(value).matches();
  }

  /** A theme from colour name → value; a missing or unreadable value keeps the default's. */
  static Theme lenient(Map<String, String> values) {
    Map<String, String> v = new LinkedHashMap<>(DEFAULT.asMap());
    values.forEach((name, value) -> {
      if (v.containsKey(name) && isColour(value)) {
        v.put(name, value);
      }
    });
    return new Theme(v.get("background"), v.get("header"), v.get("text"));
  }

  public Map<String, String> asMap() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("background", background);
    out.put("header", header);
    out.put("text", text);
    return out;
  }

  private static String checked(String name, String value) {
    if (!isColour(value)) {
      throw new IllegalArgumentException(name + " must be a colour like #1f4e79");
    }
    return value.toLowerCase(Locale.ROOT);
  }
}
