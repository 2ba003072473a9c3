package io.kith.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which of a term's grams quick search asks the index for. */
class GramStatsTest {

  @Test
  void asksForTheTwoRarestGramsWithUnlistedOnesRarestAndTermOrderBreakingTies() {
    Map<Integer, Float> frequencies = shares("cha", 0.05f, "han", 0.04f, "an.", 0.06f, "n.7", 0.0018f, ".79", 0.0045f);

    assertThat(GramStats.selective(frequencies, List.of("cha", "han", "an.", "n.7", ".79"))).containsExactly("n.7", ".79");
    assertThat(GramStats.selective(frequencies, List.of("cha", "xyz", "han", "abc"))).containsExactly("xyz", "abc");
    assertThat(GramStats.selective(frequencies, List.of("han"))).containsExactly("han");
  }

  @Test
  void aGramIsCommonFromTheThresholdShareOfRowsOn() {
    Map<Integer, Float> frequencies = shares("cha", 0.05f, "n.7", 0.0018f);

    assertThat(GramStats.common(frequencies, "cha")).isTrue();
    assertThat(GramStats.common(frequencies, "n.7")).isFalse();
    assertThat(GramStats.common(frequencies, "zzz")).as("not listed").isFalse();
  }

  @Test
  void severalCommonGramsAreCommonTogetherOnlyWhenTheProductOfTheirSharesIsNotFarBelowCommon() {
    Map<Integer, Float> frequencies = shares("mit", 0.0167f, "ith", 0.0167f, "e.9", 0.0037f, ".92", 0.0044f, "n.7", 0.0018f);

    assertThat(GramStats.common(frequencies, List.of("mit", "ith"))).as("Smith: overlapping grams").isTrue();
    assertThat(GramStats.common(frequencies, List.of("e.9", ".92"))).as("lee.92").isFalse();
    assertThat(GramStats.common(frequencies, List.of(".92"))).isTrue();
    assertThat(GramStats.common(frequencies, List.of("n.7", ".92"))).as("one uncommon gram").isFalse();
    assertThat(GramStats.common(frequencies, List.of())).isFalse();
  }

  /** Shares by gram key, from gram and share pairs. */
  private static Map<Integer, Float> shares(Object... gramsAndShares) {
    Map<Integer, Float> out = new java.util.HashMap<>();
    for (int i = 0; i < gramsAndShares.length; i += 2) {
      out.put(SearchText.key((String) gramsAndShares[i]), (Float) gramsAndShares[i + 1]);
    }
    return out;
  }
}
