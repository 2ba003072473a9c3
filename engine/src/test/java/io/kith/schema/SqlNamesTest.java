package io.kith.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"name;drop table x", "a\"b", "Contact", "1abc", "a b", "", "a___b", "x--y"})
  void refusesToQuoteNamesKithCouldNotHaveGenerated(String name) {
    assertThatThrownBy(() -> SqlNames.quote(name)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quotesMetadataNamesAndChildTables() {
    assertThat(SqlNames.quote("first_name")).isEqualTo("\"first_name\"");
    assertThat(SqlNames.table(SqlNames.childTable("contact", "emails"))).isEqualTo("\"public\".\"contact__emails\"");
  }

  @Test
  void shortensNamesOverSixtyThreeCharactersStablyAndDistinctly() {
    String entity = "a".repeat(40);
    String first = SqlNames.childTable(entity, "b".repeat(40));
    String second = SqlNames.childTable(entity, "b".repeat(39) + "c");
    assertThat(first).hasSizeLessThanOrEqualTo(63).isEqualTo(SqlNames.childTable(entity, "b".repeat(40)));
    assertThat(first).isNotEqualTo(second);
    assertThat(SqlNames.quote(first)).startsWith("\"aaaa");
  }
}
