package io.kith.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text form of bulk insert values: PostgreSQL literals, arrays quoted and escaped. */
class UnnestInsertTest {

  @Test
  void writesOneTextArrayPerColumnCastToTheColumnType() {
    UnnestInsert insert = new UnnestInsert("\"public\".\"item\"", List.of("id", "name", "price", "tags"),
        List.of("bigint", "character varying(64)", "numeric(19,2)", "character varying(64)[]"));

    assertThat(insert.sql()).isEqualTo("insert into \"public\".\"item\" (\"id\", \"name\", \"price\", \"tags\") "
        + "select u.c0::bigint, u.c1::text, u.c2::numeric(19,2), u.c3::text[] "
        + "from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as u(c0, c1, c2, c3)");
    List<Object> binds = insert.binds(List.of(
        new Object[] {1L, "Tea", new BigDecimal("1E+1"), new String[] {"a", "b"}},
        new Object[] {2L, null, null, null}));
    assertThat((String[]) binds.get(0)).containsExactly("1", "2");
    assertThat((String[]) binds.get(1)).containsExactly("Tea", null);
    assertThat((String[]) binds.get(2)).containsExactly("10", null);
    assertThat((String[]) binds.get(3)).containsExactly("{\"a\",\"b\"}", null);
  }

  @Test
  void quotesAndEscapesArrayElements() {
    assertThat(UnnestInsert.arrayLiteral(new String[] {"say \"hi\"", "back\\slash", "{braces}, comma", null}))
        .isEqualTo("{\"say \\\"hi\\\"\",\"back\\\\slash\",\"{braces}, comma\",NULL}");
    assertThat(UnnestInsert.arrayLiteral(new String[0])).isEqualTo("{}");
  }

  @Test
  void writesDatesAndTimesInIsoForm() {
    assertThat(UnnestInsert.text(LocalDate.of(2024, 1, 5))).isEqualTo("2024-01-05");
    assertThat(UnnestInsert.text(OffsetDateTime.parse("2024-01-05T10:30+08:00"))).isEqualTo("2024-01-05T10:30+08:00");
    assertThat(UnnestInsert.text(true)).isEqualTo("true");
  }
}
