package io.kith.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.metadata.FieldType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Normalisation and grams, without a database: what is stored for a value, and the promise the
 * queries rely on — a text inside a value has all its grams among the value's.
 */
class SearchTextTest {

  private static final List<String> VALUES = List.of("陳大文", "大文 chan", "chan, 大文", "tai man chan",
      "enquiry@crm.com", "85223456781", "hk-0042", "小红 陈", "ｍｉｘ 混合 text", "𠮷野家 a");

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', textBlock = """
      '  ＣＨＡＮ  Tai\tMan '  | chan tai man
      Enquiry@CRM.com          | enquiry@crm.com
      陳大文                   | 陳大文
      '   '                    | ''
      """)
  void normalisesWidthCaseAndSpaces(String raw, String normalised) {
    assertThat(SearchText.normalize(raw)).isEqualTo(normalised);
  }

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', textBlock = """
      2345 678           | 2345678
      +852 (2345) 6781   | 85223456781
      2345-6781          | 23456781
      HK-0042            | hk-0042
      Chan 12            | chan 12
      """)
  void readsPhoneLikeQueriesAsDigits(String typed, String term) {
    assertThat(SearchText.queryTerm(typed)).isEqualTo(term);
  }

  @Test
  void everyTextInsideAValueHasItsGramsAmongTheValues() {
    Set<String> grams = grams(VALUES);
    for (String value : VALUES) {
      int[] points = value.codePoints().toArray();
      assertThat(grams).containsAll(SearchText.exactGrams(value));
      for (int from = 0; from < points.length; from++) {
        for (int to = from + 1; to <= points.length; to++) {
          String part = new String(points, from, to - from);
          assertThat(grams).as("contains %s", part).containsAll(SearchText.containsGrams(part));
          if (from == 0 || points[from - 1] == ' ') {
            assertThat(grams).as("starts with %s", part).containsAll(SearchText.prefixGrams(part));
          }
        }
      }
    }
  }

  @Test
  void oneAndTwoChineseCharactersAreGramsOfTheirOwn() {
    assertThat(SearchText.containsGrams("陳")).containsExactly("陳");
    assertThat(SearchText.containsGrams("大文")).containsExactly("大文");
    assertThat(SearchText.containsGrams("陳大文")).containsExactly("陳大", "大文");
    assertThat(SearchText.containsGrams("ch")).as("two Latin letters narrow nothing").isEmpty();
    assertThat(SearchText.prefixGrams("陳")).containsExactly("\n陳");
    assertThat(grams(List.of("陳大文"))).contains("陳", "大", "文", "陳大", "大文", "\n陳", "\n陳大");
  }

  @Test
  void digitRunsAreFoundByTheirFiveDigitGramsRatherThanCommonTrigrams() {
    assertThat(SearchText.containsGrams("234567")).containsExactly("23456", "34567");
    assertThat(SearchText.containsGrams("2345")).as("four digits: trigrams").containsExactly("234", "345");
    assertThat(grams(List.of("85223456789"))).contains("85223", "23456", "56789")
        .doesNotContain("8522", "852234");
  }

  @Test
  void storesEmailsWholeAndInPartsAndPhonesAsDigitGroups() {
    SearchDocument doc = SearchDocument.builder()
        .add(new FieldType.Email(), "Enquiry@CRM.com")
        .add(new FieldType.Phone(), "+852 2345 6781")
        .add(new FieldType.Text(64), "  Harbour   Services ")
        .add(new FieldType.Text(64), null)
        .build("Harbour Services");

    assertThat(doc.label()).isEqualTo("harbour services");
    assertThat(doc.text()).isEqualTo(
        "\nenquiry@crm.com\nenquiry\ncrm.com\n85223456781\n23456781\n6781\nharbour services\n");
    assertThat(doc.keys()).isSorted().doesNotHaveDuplicates()
        .contains(SearchText.key("enq"), SearchText.key("\n85"), SearchText.key("23456"));
  }

  @Test
  void asciiTextNormalisesAsTheGeneralWayWould() {
    java.util.Random random = new java.util.Random(7);
    String alphabet = " \t\n\r\u000B\f\u0001\u001F\u007FaZ09@.-_+()Mx";
    for (int n = 0; n < 5000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(SearchText.normalizeAscii(text.toString())).as("[%s]", text).isEqualTo(generalNormalize(text.toString()));
    }
  }

  @Test
  void aWholeValueGramIsTheMarkAndFourHexDigits() {
    for (String value : VALUES) {
      int h = value.hashCode();
      assertThat(SearchText.wholeValueGram(value)).isEqualTo("=" + String.format("%04x", (h ^ (h >>> 16)) & 0xffff));
    }
  }

  @Test
  void storedKeysAreTheKeysOfTheGramsSortedAndEachOnce() {
    List<String> normalised = VALUES.stream().map(SearchText::normalize).toList();
    Set<String> grams = grams(normalised);
    // "chan" is in two values and "大文" in three: their keys come once each.
    assertThat(SearchText.indexKeys(normalised))
        .containsExactly(grams.stream().mapToInt(SearchText::key).distinct().sorted().toArray());
    assertThat(grams.stream().map(SearchText::key).distinct().count()).as("no two of these grams share a key")
        .isEqualTo(grams.size());
  }

  @Test
  void keysOfShortGramsDifferWhereAPolynomialHashWouldCollide() {
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    assertThat(SearchText.key("Aa")).isNotEqualTo(SearchText.key("BB"));
    assertThat(SearchText.key("\n陳")).isNotEqualTo(SearchText.key("陳"));
    assertThat(SearchText.indexKeys(List.of("陳", "大文"))).isEqualTo(SearchText.indexKeys(List.of("陳", "大文")).clone());
  }

  /** Every gram of the values, as text. */
  private static Set<String> grams(List<String> values) {
    Set<String> out = new java.util.TreeSet<>();
    values.forEach(v -> SearchText.addGrams(v, SearchText.GramSink.into(out)));
    return out;
  }

  /** The normalisation as written before the ASCII way: NFKC, lower case, controls as spaces, \\s+ as one space, stripped. */
  private static String generalNormalize(String text) {
    String folded = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
    StringBuilder out = new StringBuilder();
    folded.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return out.toString().replaceAll("\\s+", " ").strip();
  }
}
