package io.kith.i18n;

import java.util.List;
import java.util.Locale;

/** The languages Kith speaks, with the BCP 47 tags used as keys in metadata labels. */
public enum KithLocale {
  EN("en", Locale.ENGLISH, "English"),
  ZH_HANT("zh-Hant", Locale.forLanguageTag("zh-Hant"), "繁體中文"),
  ZH_HANS("zh-Hans", Locale.forLanguageTag("zh-Hans"), "简体中文");

  private final String tag;
  private final Locale locale;
  private final String nativeName;

  KithLocale(String tag, Locale locale, String nativeName) {
    this.tag = tag;
    this.locale = locale;
    this.nativeName = nativeName;
  }

  public String tag() {
    return tag;
  }

  public Locale locale() {
    return locale;
  }

  public String nativeName() {
    return nativeName;
  }

  /** Exact tag match ({@code zh-Hant}), or null. */
  public static KithLocale ofTag(String tag) {
    for (KithLocale l : values()) {
      if (l.tag.equalsIgnoreCase(tag)) {
        return l;
      }
    }
    return null;
  }

  /**
   * The best match for an Accept-Language header: Traditional for zh-Hant, zh-TW, zh-HK and zh-MO;
   * Simplified for other Chinese; English otherwise.
   */
  public static KithLocale fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return EN;
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(header);
    } catch (IllegalArgumentException e) {
      return EN;
    }
    for (Locale.LanguageRange range : ranges) {
      KithLocale match = match(range.getRange());
      if (match != null) {
        return match;
      }
    }
    return EN;
  }

  private static KithLocale match(String range) {
    String r = range.toLowerCase(Locale.ROOT);
    if (r.startsWith("en")) {
      return EN;
    }
    if (r.startsWith("zh")) {
      if (r.contains("hant") || r.endsWith("-tw") || r.endsWith("-hk") || r.endsWith("-mo")) {
        return ZH_HANT;
      }
      return ZH_HANS;
    }
    return null;
  }
}
