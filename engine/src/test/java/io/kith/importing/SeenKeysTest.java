package io.kith.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The dry run's memory of keys met earlier in its file. */
class SeenKeysTest {

  @Test
  void remembersEveryKeyAddedThroughManyGrowthsAndNoOther() {
    SeenKeys seen = new SeenKeys();
    for (int i = 0; i < 200_000; i++) {
      seen.add(List.of("person" + i + "@example.com"));
    }
    seen.add(List.of("person7@example.com"));

    assertThat(seen.size()).isEqualTo(200_000);
    for (int i = 0; i < 200_000; i += 997) {
      assertThat(seen.contains(List.of("person" + i + "@example.com"))).isTrue();
    }
    assertThat(seen.contains(List.of("person200000@example.com"))).isFalse();
    assertThat(seen.contains(List.of("nobody@example.com"))).isFalse();
  }

  @Test
  void tellsKeysOfSeveralPartsApartByWhereThePartsEnd() {
    SeenKeys seen = new SeenKeys();
    seen.add(List.of("ann", "lee"));

    assertThat(seen.contains(List.of("ann", "lee"))).isTrue();
    assertThat(seen.contains(List.of("an", "nlee"))).isFalse();
    assertThat(seen.contains(List.of("annlee"))).isFalse();
    assertThat(seen.contains(List.of("lee", "ann"))).isFalse();
  }
}
