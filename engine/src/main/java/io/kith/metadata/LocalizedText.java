package io.kith.metadata;

import io.kith.i18n.KithLocale;
import java.util.Map;

/** A text in several locales; resolves to the requested locale, then English, then a fallback. */
public record LocalizedText(Map<String, String> values) {

  public static final LocalizedText EMPTY = new LocalizedText(Map.of());

  public LocalizedText {
    values = Map.copyOf(values);
  }

  public static LocalizedText of(String english) {
    return new LocalizedText(Map.of(KithLocale.EN.tag(), english));
  }

  /** The text in {@code locale}, else English, else {@code fallback}. */
  public String resolve(KithLocale locale, String fallback) {
    String text = values.get(locale.tag());
    if (text == null) {
      text = values.get(KithLocale.EN.tag());
    }
    return text == null ? fallback : text;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }
}
