package io.kith.web.page;

import io.kith.fieldtype.Json;
import io.kith.i18n.KithLocale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A localized text as the admin forms carry it: one input per locale, {@code <prefix>.<tag>}
 * ({@code label.en}, {@code label.zh-Hant}, {@code label.zh-Hans}), and as the metadata body holds
 * it: an object by tag without the empty ones.
 */
final class LocalizedInputs {

  private LocalizedInputs() {}

  /** The locale tags, English first, in the order forms show them. */
  static List<String> tags() {
    List<String> out = new ArrayList<>();
    for (KithLocale l : KithLocale.values()) {
      out.add(l.tag());
    }
    return out;
  }

  /** The texts sent for {@code prefix}, by tag, stripped ("" when not sent). */
  static Map<String, String> read(MultiValueMap<String, String> data, String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String tag : tags()) {
      String value = data.getFirst(prefix + "." + tag);
      out.put(tag, value == null ? "" : value.strip());
    }
    return out;
  }

  /** The texts of a body's localized object, by tag ("" for a locale it lacks). */
  static Map<String, String> of(JsonNode text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String tag : tags()) {
      out.put(tag, text.path(tag).asString(""));
    }
    return out;
  }

  /** The texts as the body holds them: the non-empty ones. */
  static ObjectNode json(Map<String, String> texts) {
    ObjectNode out = Json.object();
    texts.forEach((tag, text) -> {
      if (!text.isEmpty()) {
        out.put(tag, text);
      }
    });
    return out;
  }

  /** The text in {@code locale}, else English, else {@code fallback}. */
  static String resolve(JsonNode text, KithLocale locale, String fallback) {
    String value = text.path(locale.tag()).asString("");
    return value.isEmpty() ? text.path(KithLocale.EN.tag()).asString(fallback) : value;
  }
}
