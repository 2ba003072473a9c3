package io.kith.db;

import io.kith.schema.SqlNames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Many rows into one table with {@code COPY ... FROM STDIN} (r2dbc-postgresql's
 * {@link PostgresqlConnection#copyIn}), on the connection of the caller's transaction, so the rows
 * commit or roll back with the rest of the batch. Values travel in COPY's text format and are
 * parsed by each column's own input function, as an insert's assignment would (a text too long for
 * its {@code varchar(n)} is refused, not cut). Table and column names come from metadata only.
 */
public final class CopyIn {

  private final String sql;
  private final int columns;

  public CopyIn(String table, List<String> names) {
    this.columns = names.size();
    this.sql = "copy " + table + " (" + names.stream().map(SqlNames::quote).collect(Collectors.joining(", "))
        + ") from stdin";
  }

  /** Writes rows of column values (Java values as the column codecs take them); emits the rows copied. */
  public Mono<Long> write(DatabaseClient db, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return Mono.just(0L);
    }
    // Encoding is CPU work (every value escaped, arrays spelled out): done off the event loop.
    return Mono.fromCallable(() -> encode(rows)).subscribeOn(Schedulers.parallel())
        .flatMap(data -> db.inConnection(connection -> Mono.defer(() -> postgres(connection).copyIn(sql, Mono.just(data)))));
  }

  /** The rows in COPY's text format: tab between values, newline after each row, {@code \N} for null. */
  ByteBuf encode(List<Object[]> rows) {
    StringBuilder out = new StringBuilder(rows.size() * 16 * columns);
    for (Object[] row : rows) {
      if (row.length != columns) {
        throw new IllegalArgumentException("expected " + columns + " values, got " + row.length);
      }
      for (int c = 0; c < columns; c++) {
        if (c > 0) {
          out.append('\t');
        }
        if (row[c] instanceof String[] array) {
          appendArray(array, out);
          continue;
        }
        String text = text(row[c]);
        if (text == null) {
          out.append("\\N");
        } else {
          escape(text, out);
        }
      }
      out.append('\n');
    }
    return Unpooled.wrappedBuffer(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A value as PostgreSQL's input functions read it (array columns as array literals); null stays null. */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String[] array) {
      return arrayLiteral(array);
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return value.toString();
  }

  /** {@code {"a","b \"c\""}}: every element quoted, backslashes and quotes escaped. */
  static String arrayLiteral(String[] array) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < array.length; i++) {
      out.append(i > 0 ? "," : "");
      if (array[i] == null) {
        out.append("NULL");
      } else {
        out.append('"').append(array[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      }
    }
    return out.append('}').toString();
  }

  /**
   * {@link #arrayLiteral} and {@link #escape} in one pass, without the intermediate strings: the
   * search grams of every record are such arrays, so this is most of an import's encoding work.
   */
  private static void appendArray(String[] array, StringBuilder out) {
    out.append('{');
    for (int i = 0; i < array.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      String element = array[i];
      if (element == null) {
        out.append("NULL");
        continue;
      }
      out.append('"');
      for (int j = 0; j < element.length(); j++) {
        char ch = element.charAt(j);
        switch (ch) {
          case '\\' -> out.append("\\\\\\\\");
          case '"' -> out.append("\\\\\"");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> out.append(ch);
        }
      }
      out.append('"');
    }
    out.append('}');
  }

  private static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(ch);
      }
    }
  }

  /** The driver's connection behind Spring's transaction-aware proxy and the pool's wrapper. */
  private static PostgresqlConnection postgres(Connection connection) {
    Object c = connection;
    while (!(c instanceof PostgresqlConnection) && c instanceof Wrapped<?> wrapped) {
      c = wrapped.unwrap();
    }
    if (c instanceof PostgresqlConnection postgres) {
      return postgres;
    }
    throw new IllegalStateException("COPY needs a PostgreSQL connection, got " + connection.getClass().getName());
  }
}
