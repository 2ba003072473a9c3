package io.kith.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KithLocaleTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "NULL|en",
      "''|en",
      "en-GB,en;q=0.8|en",
      "zh-Hant|zh-Hant",
      "zh-HK,zh;q=0.9|zh-Hant",
      "zh-TW|zh-Hant",
      "zh-CN|zh-Hans",
      "zh|zh-Hans",
      "fr-FR,zh-TW;q=0.5|zh-Hant",
      "de|en",
      "not a header ;;|en"})
  void picksTheClosestSupportedLanguage(String header, String expected) {
    assertThat(KithLocale.fromAcceptLanguage(header).tag()).isEqualTo(expected);
  }
}
