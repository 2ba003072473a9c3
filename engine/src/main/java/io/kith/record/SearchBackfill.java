package io.kith.record;

import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataWriter;
import io.kith.schema.SqlNames;
import io.kith.search.SearchColumns;
import io.kith.search.SearchText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills the quick-search columns of rows that have none: rows that existed before their table
 * joined quick search, rows written around Kith (SQL imports), and every row after the search
 * fields or the label template changed. Batches of {@value #BATCH} rows in id order, one multi-row
 * update per batch; stored computed values (display and sort names) are refreshed on the way.
 *
 * <p>What the columns were made from is recorded as a comment on {@code search_text}; when the
 * metadata no longer matches it, the columns are cleared and filled again.
 */
final class SearchBackfill {

  static final int BATCH = 1000;

  /** The statistics target of {@code search_grams}. */
  static final int GRAM_STATISTICS = 400;

  /** Joins a row's gram keys into one string for the batch update (one text array binds the batch). */
  private static final String KEY_SEPARATOR = ",";

  private final DatabaseClient db;
  private final RecordStore store;
  private final RowMapper rows;

  SearchBackfill(DatabaseClient db, RecordStore store, RowMapper rows) {
    this.db = db;
    this.store = store;
    this.rows = rows;
  }

  /** Fills what is missing; emits the number of rows filled. */
  Mono<Long> fill(EntityTable t) {
    if (!t.entity.isSearchable()) {
      return Mono.just(0L);
    }
    String signature = signature(t);
    return statisticsTarget(t).then(storedSignature(t))
        .flatMap(stored -> stored.equals(signature) ? Mono.just(0L) : db.sql("update " + t.table + " set "
            + SqlNames.quote(SearchColumns.TEXT) + " = null where " + SqlNames.quote(SearchColumns.TEXT) + " is not null")
            .fetch().rowsUpdated())
        .then(Mono.defer(() -> missing(t)))
        .flatMap(missing -> missing
            // Fresh statistics first, so the planner walks the primary key for each batch.
            ? db.sql("analyze " + t.table).then().then(batches(t))
            : Mono.just(0L))
        // A utility statement takes no bind parameters; the signature is Kith's own hex digest.
        .flatMap(filled -> db.sql("comment on column " + t.table + "." + SqlNames.quote(SearchColumns.TEXT)
                + " is '" + signature + "'")
            .then()
            // Fresh statistics tell quick search which grams are common; a vacuum lets the label
            // index answer without visiting the table.
            .then(filled > 0 ? db.sql("vacuum (analyze) " + t.table).then() : Mono.empty())
            .thenReturn(filled));
  }

  /**
   * Quick search asks PostgreSQL's statistics which grams are common; a larger sample than the
   * default lists grams down to about 0.1% of rows (ANALYZE of a million contacts: a few seconds).
   */
  private Mono<Void> statisticsTarget(EntityTable t) {
    return db.sql("select attstattarget::integer from pg_attribute where attrelid = to_regclass($1) and attname = $2")
        .bind(0, SqlNames.DATA_SCHEMA + "." + t.entity.name())
        .bind(1, SearchColumns.GRAMS)
        .map(row -> row.get(0, Integer.class)).one()
        .filter(target -> target != GRAM_STATISTICS)
        .flatMap(target -> db.sql("alter table " + t.table + " alter column " + SqlNames.quote(SearchColumns.GRAMS)
            + " set statistics " + GRAM_STATISTICS).then());
  }

  private Mono<Boolean> missing(EntityTable t) {
    return db.sql("select exists (select 1 from " + t.table + " where " + SqlNames.quote(SearchColumns.TEXT) + " is null)")
        .map(row -> row.get(0, Boolean.class)).one();
  }

  /** Where the fill has got to: the last id done, rows filled so far, whether rows are left. */
  private record Progress(long lastId, long filled, boolean more) {}

  /**
   * Every batch in id order. {@code expand} keeps only the progress between batches, so each
   * batch's records can be collected as soon as it is written (memory stays flat).
   */
  private Mono<Long> batches(EntityTable t) {
    return Mono.just(new Progress(0L, 0L, true))
        .expand(p -> p.more() ? batch(t, p) : Mono.empty())
        .last()
        .map(Progress::filled);
  }

  private Mono<Progress> batch(EntityTable t, Progress before) {
    String sql = "select " + t.selectList + " from " + t.table + " where " + SqlNames.quote(SearchColumns.TEXT)
        + " is null and \"id\" > $1 order by \"id\" limit " + BATCH;
    return db.sql(sql).bind(0, before.lastId()).map(row -> rows.record(t, row)).all().collectList()
        .flatMap(records -> {
          if (records.isEmpty()) {
            return Mono.just(new Progress(before.lastId(), before.filled(), false));
          }
          long last = records.get(records.size() - 1).get("id").asLong();
          return store.attach(t, records).then(Mono.defer(() -> update(t, records)))
              .map(n -> new Progress(last, before.filled() + n, records.size() == BATCH));
        });
  }

  /**
   * One update for a batch, its values bound as one array per column (a row's gram keys joined by
   * commas); a row changed meanwhile (another version) is left to its writer.
   */
  private Mono<Long> update(EntityTable t, List<ObjectNode> records) {
    RecordInput none = new RecordInput(null, Map.of(), Map.of(), Map.of());
    List<String> columns = new ArrayList<>();
    t.entity.fields().stream()
        .filter(f -> f.type() instanceof FieldType.Computed c && c.isStored())
        .map(FieldDef::name).forEach(columns::add);
    columns.addAll(t.searchColumnsWritten);
    Long[] ids = new Long[records.size()];
    Integer[] versions = new Integer[records.size()];
    String[][] values = new String[columns.size()][records.size()];
    for (int r = 0; r < records.size(); r++) {
      ObjectNode record = records.get(r);
      ids[r] = record.get("id").asLong();
      versions[r] = record.get("version").asInt();
      Map<String, Object> computed = RecordService.computed(t.entity, none, record);
      for (int c = 0; c < columns.size(); c++) {
        Object value = computed.get(columns.get(c));
        values[c][r] = value instanceof int[] keys ? joined(keys) : (String) value;
      }
    }
    StringBuilder set = new StringBuilder();
    StringBuilder arrays = new StringBuilder("$1::bigint[], $2::integer[]");
    for (int c = 0; c < columns.size(); c++) {
      String column = SqlNames.quote(columns.get(c));
      String source = "v." + SqlNames.quote("c" + c);
      set.append(c == 0 ? "" : ", ").append(column).append(" = ")
          .append(columns.get(c).equals(SearchColumns.GRAMS)
              ? "string_to_array(" + source + ", $" + (columns.size() + 3) + ")::" + SearchColumns.GRAMS_TYPE : source);
      arrays.append(", $").append(c + 3).append("::text[]");
    }
    StringBuilder names = new StringBuilder("\"id\", \"version\"");
    for (int c = 0; c < columns.size(); c++) {
      names.append(", ").append(SqlNames.quote("c" + c));
    }
    String sql = "update " + t.table + " t set " + set + " from unnest(" + arrays + ") as v (" + names
        + ") where t.\"id\" = v.\"id\" and t.\"version\" = v.\"version\"";
    DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind(0, ids).bind(1, versions);
    for (int c = 0; c < columns.size(); c++) {
      spec = spec.bind(c + 2, values[c]);
    }
    return spec.bind(columns.size() + 2, KEY_SEPARATOR).fetch().rowsUpdated();
  }

  private static String joined(int[] keys) {
    StringBuilder out = new StringBuilder(keys.length * 11);
    for (int i = 0; i < keys.length; i++) {
      out.append(i > 0 ? KEY_SEPARATOR : "").append(keys[i]);
    }
    return out.toString();
  }

  private Mono<String> storedSignature(EntityTable t) {
    return db.sql("select coalesce(col_description(to_regclass($1), a.attnum), '') from pg_attribute a"
            + " where a.attrelid = to_regclass($1) and a.attname = $2")
        .bind(0, SqlNames.DATA_SCHEMA + "." + t.entity.name())
        .bind(1, SearchColumns.TEXT)
        .map(row -> row.get(0, String.class)).one()
        .defaultIfEmpty("");
  }

  /** What the search columns depend on: the format, the search fields and the label templates. */
  static String signature(EntityTable t) {
    StringBuilder source = new StringBuilder(SearchText.FORMAT).append('|')
        .append(String.join(",", t.entity.searchFields())).append('|')
        .append(MetadataWriter.template(t.entity.displayName()));
    t.entity.fields().stream()
        .filter(f -> f.type() instanceof FieldType.Computed c && c.template() != null)
        .forEach(f -> source.append('|').append(f.name()).append('=')
            .append(MetadataWriter.template(((FieldType.Computed) f.type()).template())));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.toString().getBytes(StandardCharsets.UTF_8));
      return "kith quick search " + SearchText.FORMAT + " " + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
