package io.kith.audit;

import io.kith.db.CopyIn;
import io.r2dbc.spi.Readable;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** SQL for {@code kith.record_history}; every value is a bind parameter. */
final class HistoryStore {

  /**
   * One {@code COPY} for any number of entries: an import writes one entry per record, and COPY
   * spares the JSON of each the escaping an array parameter needs (on the event loop).
   */
  private static final CopyIn INSERT = new CopyIn("kith.record_history",
      List.of("entity", "record_id", "action", "user_id", "changes"));

  private static final String WHERE = " from kith.record_history where entity = $1 and record_id = $2";

  private final DatabaseClient db;
  private final JsonMapper json = JsonMapper.builder().build();
  /** Entries follow one another in one generator's output with nothing between them. */
  private final ObjectWriter entryWriter = json.writer().withRootValueSeparator("");

  HistoryStore(DatabaseClient db) {
    this.db = db;
  }

  /** A stored entry before user names and visibility are applied. */
  record Row(Action action, OffsetDateTime at, Long userId, JsonNode changes) {}

  Mono<Void> insert(String entity, Action action, Optional<Long> user, List<Long> ids, List<List<Change>> changes) {
    if (ids.isEmpty()) {
      return Mono.empty();
    }
    // The JSON and its encoding are CPU work: off the event loop.
    return Mono.fromCallable(() -> encoded(entity, action, user, ids, changes)).subscribeOn(Schedulers.parallel())
        .flatMap(this::send);
  }

  /** The entries as COPY data, for {@link #send}. */
  CopyIn.Encoded encoded(String entity, Action action, Optional<Long> user, List<Long> ids, List<List<Change>> changes) {
    List<String> texts = json(changes);
    List<Object[]> rows = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      rows.add(new Object[] {entity, ids.get(i), action.code(), user.orElse(null), texts.get(i)});
    }
    return INSERT.encoded(rows);
  }

  /** Writes entries encoded earlier, in the caller's transaction. */
  Mono<Void> send(CopyIn.Encoded entries) {
    return entries.send(db).then();
  }

  /**
   * The stored form of each entry's changes, {@code [{"field": .., "old": .., "new": ..}, ..]}:
   * one generator writes them all in turn, each taken out of the buffer once written.
   */
  private List<String> json(List<List<Change>> entries) {
    List<String> texts = new ArrayList<>(entries.size());
    StringWriter out = new StringWriter(1024);
    StringBuffer buffer = out.getBuffer();
    try (JsonGenerator generator = entryWriter.createGenerator(out)) {
      for (List<Change> changes : entries) {
        generator.writeStartArray();
        for (Change change : changes) {
          generator.writeStartObject();
          generator.writeStringProperty("field", change.field());
          generator.writeName("old");
          generator.writeTree(change.oldValue());
          generator.writeName("new");
          generator.writeTree(change.newValue());
          generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.flush();
        texts.add(buffer.toString());
        buffer.setLength(0);
      }
    }
    return texts;
  }

  Mono<List<Row>> page(String entity, long recordId, int limit, long offset) {
    return db.sql("select action, at, user_id, changes::text as changes" + WHERE
            + " order by at desc, id desc limit $3 offset $4")
        .bind(0, entity).bind(1, recordId).bind(2, limit).bind(3, offset)
        .map(this::row).all().collectList();
  }

  Mono<Long> count(String entity, long recordId) {
    return db.sql("select count(*)" + WHERE).bind(0, entity).bind(1, recordId)
        .map(row -> row.get(0, Long.class)).one();
  }

  Mono<Boolean> mentions(long userId) {
    return db.sql("select exists (select 1 from kith.record_history where user_id = $1)").bind(0, userId)
        .map(row -> row.get(0, Boolean.class)).one();
  }

  private Row row(Readable row) {
    return new Row(Action.ofCode(row.get("action", String.class)), row.get("at", OffsetDateTime.class),
        row.get("user_id", Long.class), json.readTree(row.get("changes", String.class)));
  }
}
