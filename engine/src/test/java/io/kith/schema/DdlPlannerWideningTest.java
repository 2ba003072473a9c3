package io.kith.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DdlPlannerWideningTest {

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "character varying(64)|character varying(128)|true",
      "character varying(64)|text|true",
      "character varying(128)|character varying(64)|false",
      "character varying(64)|bigint|false",
      "text|character varying(64)|false",
      "numeric(10,2)|numeric(12,2)|true",
      "numeric(10,2)|numeric(12,4)|true",
      "numeric(10,2)|numeric(10,4)|false",
      "numeric(12,4)|numeric(12,2)|false",
      "character varying(64)[]|character varying(80)[]|true",
      "character varying(64)[]|text|false",
      "integer|bigint|true",
      "bigint|integer|false",
      "date|timestamp with time zone|false",
      "boolean|character varying(5)|false"})
  void onlyWideningsThatKeepEveryValueAreSafe(String from, String to, boolean safe) {
    assertThat(DdlPlanner.isSafeWidening(from, to)).isEqualTo(safe);
  }
}
