package io.kith.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.testing.KithExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * {@code COPY FROM STDIN} through Kith's own {@link DatabaseClient} (Spring's transaction-aware
 * proxy and the connection pool in between): values that COPY's text format must escape arrive
 * intact, the rows belong to the caller's transaction, and a value too long for its column is
 * refused as an insert would refuse it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CopyInTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final CopyIn COPY = new CopyIn("\"public\".\"copy_probe\"",
      List.of("id", "name", "note", "tags", "price", "born"));

  private DatabaseClient db;
  private TransactionalOperator tx;

  @BeforeAll
  void table() {
    kith.db().execute("create table copy_probe (id bigint primary key, name varchar(5), note text, "
        + "tags varchar(20)[], price numeric(19,2), born date)");
    db = kith.server().bean(DatabaseClient.class);
    tx = kith.server().bean(TransactionalOperator.class);
  }

  @Test
  void copiesValuesThatNeedEscapingIntact() {
    Long copied = tx.transactional(COPY.write(db, List.of(
        new Object[] {1L, "陳大文", "tab\there\nnew line\r\\back é 𠮷", new String[] {"say \"hi\"", "a,b", "{x}", null, "back\\slash", "tab\tline\nend", "𠮷野家 ü"},
            new BigDecimal("1E+1"), LocalDate.of(1950, 1, 5)},
        new Object[] {2L, null, "\\N is text", new String[0], null, null}))).block();

    assertThat(copied).isEqualTo(2L);
    List<Map<String, Object>> rows = kith.db().query(
        "select name, note, tags, price, born from copy_probe where id in (1, 2) order by id");
    assertThat(rows.get(0).get("name")).isEqualTo("陳大文");
    assertThat(rows.get(0).get("note")).isEqualTo("tab\there\nnew line\r\\back é 𠮷");
    assertThat((String[]) rows.get(0).get("tags")).containsExactly("say \"hi\"", "a,b", "{x}", null, "back\\slash",
        "tab\tline\nend", "𠮷野家 ü");
    assertThat(rows.get(0).get("price")).isEqualTo(new BigDecimal("10.00"));
    assertThat(rows.get(0).get("born")).isEqualTo(LocalDate.of(1950, 1, 5));
    assertThat(rows.get(1).get("name")).isNull();
    assertThat(rows.get(1).get("note")).isEqualTo("\\N is text");
    assertThat((String[]) rows.get(1).get("tags")).isEmpty();
  }

  @Test
  void copiesIntegerArraysWithTheirSignsAndExtremes() {
    kith.db().execute("create table copy_keys (id bigint primary key, keys integer[])");
    CopyIn copy = new CopyIn("\"public\".\"copy_keys\"", List.of("id", "keys"));
    int[] keys = {Integer.MIN_VALUE, -1, 0, 7, 10, 1234567890, Integer.MAX_VALUE};

    assertThat(tx.transactional(copy.write(db, List.of(new Object[] {1L, keys}, new Object[] {2L, new int[0]})))
        .block()).isEqualTo(2L);

    List<Map<String, Object>> rows = kith.db().query("select keys from copy_keys order by id");
    assertThat((Integer[]) rows.get(0).get("keys"))
        .containsExactly(Integer.MIN_VALUE, -1, 0, 7, 10, 1234567890, Integer.MAX_VALUE);
    assertThat((Integer[]) rows.get(1).get("keys")).isEmpty();
  }

  @Test
  void refusesAnArrayItCannotWrite() {
    CopyIn copy = new CopyIn("\"public\".\"copy_keys\"", List.of("id", "keys"));

    assertThatThrownBy(() -> copy.encode(List.<Object[]>of(new Object[] {1L, new Integer[] {1}})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Integer[]");
  }

  @Test
  void aBatchLargerThanOnePieceArrivesWhole() {
    String note = "陳大文 ".repeat(40);
    List<Object[]> rows = new java.util.ArrayList<>();
    for (long id = 1000; id < 3000; id++) {
      rows.add(new Object[] {id, "r" + id % 1000, note + id, new String[] {"g" + id}, null, null});
    }
    // Some 500 KB of COPY data: several pieces, none holding part of a row.
    assertThat(COPY.encode(rows)).hasSizeGreaterThan(2);

    assertThat(tx.transactional(COPY.write(db, rows)).block()).isEqualTo(2000L);
    List<Map<String, Object>> stored = kith.db().query(
        "select count(*) as n, min(note) as first, max(id) as last from copy_probe where id between 1000 and 2999");
    assertThat(stored.get(0).get("n")).isEqualTo(2000L);
    assertThat(stored.get(0).get("first")).isEqualTo(note + 1000);
    assertThat(kith.db().query("select note, tags from copy_probe where id = 2999").get(0).get("note")).isEqualTo(note + 2999);
  }

  @Test
  void rowsRollBackWithTheCallersTransaction() {
    Mono<Long> work = COPY.write(db, List.<Object[]>of(new Object[] {10L, "x", null, null, null, null}))
        .then(Mono.error(new IllegalStateException("the rest of the batch failed")));

    assertThatThrownBy(() -> tx.transactional(work).block()).hasMessageContaining("the rest of the batch failed");
    assertThat(kith.db().query("select id from copy_probe where id = 10")).isEmpty();
  }

  @Test
  void rowsEncodedAheadGoInWithTheTransactionThatSendsThem() {
    CopyIn.Encoded kept = COPY.encoded(List.<Object[]>of(new Object[] {30L, "kept", null, null, null, null}));
    CopyIn.Encoded undone = COPY.encoded(List.<Object[]>of(new Object[] {31L, "undo", null, null, null, null}));
    CopyIn.Encoded nothing = COPY.encoded(List.of());

    Long sent = tx.transactional(kept.send(db)).block();
    assertThatThrownBy(() -> tx.transactional(undone.send(db).then(Mono.error(new IllegalStateException("later failure"))))
        .block()).hasMessageContaining("later failure");

    assertThat(sent).isEqualTo(1L);
    assertThat(nothing.send(db).block()).isZero();
    assertThat(kith.db().query("select id, name from copy_probe where id in (30, 31)"))
        .containsExactly(Map.of("id", 30L, "name", "kept"));
  }

  @Test
  void refusesTextTooLongForItsColumnInsteadOfCuttingIt() {
    Mono<Long> work = COPY.write(db, List.<Object[]>of(new Object[] {20L, "abcdef", null, null, null, null}));

    assertThatThrownBy(() -> tx.transactional(work).block())
        .hasStackTraceContaining("value too long for type character varying(5)");
    assertThat(kith.db().query("select id from copy_probe where id = 20")).isEmpty();
  }

  @Test
  void writesDatesTimesAndArraysAsPostgresLiterals() {
    assertThat(CopyIn.text(OffsetDateTime.parse("2024-01-05T10:30+08:00"))).isEqualTo("2024-01-05T10:30+08:00");
    assertThat(CopyIn.text(true)).isEqualTo("true");
    assertThat(CopyIn.arrayLiteral(new String[] {"say \"hi\"", "back\\slash", null}))
        .isEqualTo("{\"say \\\"hi\\\"\",\"back\\\\slash\",NULL}");
  }
}
