package io.kith.files;

import io.r2dbc.spi.Parameters;
import java.nio.ByteBuffer;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The {@code kith.file} table: one row per upload, content as bytea. */
public final class FileStore {

  private final DatabaseClient db;

  public FileStore(DatabaseClient db) {
    this.db = db;
  }

  public Mono<StoredFile> save(String name, String contentType, byte[] content, Long uploadedBy) {
    return db.sql("insert into kith.file (name, content_type, size, content, uploaded_by) values ($1, $2, $3, $4, $5) "
            + "returning id")
        .bindValues(java.util.List.of(name, contentType, (long) content.length, ByteBuffer.wrap(content),
            uploadedBy == null ? Parameters.in(Long.class) : uploadedBy))
        .map(row -> row.get(0, Long.class)).one()
        .map(id -> new StoredFile(id, name, contentType, content.length, uploadedBy));
  }

  /** Facts of the files with these ids; unknown ids are left out. */
  public Mono<Map<Long, StoredFile>> facts(Long[] ids) {
    return db.sql("select id, name, content_type, size, uploaded_by from kith.file where id = any($1)")
        .bind(0, ids)
        .map(row -> new StoredFile(row.get(0, Long.class), row.get(1, String.class), row.get(2, String.class),
            row.get(3, Long.class), row.get(4, Long.class)))
        .all().collectMap(StoredFile::id);
  }

  public Mono<byte[]> content(long id) {
    return db.sql("select content from kith.file where id = $1").bind(0, id)
        .map(row -> {
          ByteBuffer buffer = row.get(0, ByteBuffer.class);
          byte[] bytes = new byte[buffer.remaining()];
          buffer.get(bytes);
          return bytes;
        }).one();
  }

}
