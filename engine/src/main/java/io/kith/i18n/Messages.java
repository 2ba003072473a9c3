package io.kith.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * UI strings and error messages from {@code i18n/messages_<tag>.properties} (UTF-8), falling back
 * to English, then to the key itself so a missing message is visible rather than blank.
 */
public final class Messages {

  private final Map<KithLocale, Properties> bundles = new EnumMap<>(KithLocale.class);
  private final Map<KithLocale, Map<String, String>> merged = new EnumMap<>(KithLocale.class);

  public Messages() {
    for (KithLocale locale : KithLocale.values()) {
      bundles.put(locale, load("i18n/messages_" + locale.tag() + ".properties"));
    }
    for (KithLocale locale : KithLocale.values()) {
      Map<String, String> all = new java.util.HashMap<>();
      bundles.get(KithLocale.EN).forEach((k, v) -> all.put((String) k, (String) v));
      bundles.get(locale).forEach((k, v) -> all.put((String) k, (String) v));
      merged.put(locale, Map.copyOf(all));
    }
  }

  public String get(KithLocale locale, String key, Object... arguments) {
    String pattern = bundles.get(locale).getProperty(key);
    if (pattern == null) {
      pattern = bundles.get(KithLocale.EN).getProperty(key, key);
    }
    return new MessageFormat(pattern, locale.locale()).format(arguments);
  }

  public boolean has(String key) {
    return bundles.get(KithLocale.EN).containsKey(key);
  }

  /** All strings of one locale (English filled in where a translation is missing). */
  public Map<String, String> all(KithLocale locale) {
    return merged.get(locale);
  }

  private static Properties load(String resource) {
    Properties properties = new Properties();
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in != null) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
