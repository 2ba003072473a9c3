package io.kith.db;

import io.kith.schema.SqlNames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
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

  /** About how many bytes of COPY data go in one piece sent to the driver. */
  static final int PIECE = 128 * 1024;

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
    return Mono.fromCallable(() -> encoded(rows)).subscribeOn(Schedulers.parallel()).flatMap(data -> data.send(db));
  }

  /**
   * The rows encoded now, to be sent later with {@link Encoded#send}: a caller with several COPYs
   * for one transaction encodes the later ones while the connection carries the earlier ones.
   */
  public Encoded encoded(List<Object[]> rows) {
    return new Encoded(sql, rows.isEmpty() ? List.of() : encode(rows));
  }

  /** COPY data ready to go: the statement and its pieces. */
  public static final class Encoded {
    private final String sql;
    private final List<ByteBuf> pieces;

    private Encoded(String sql, List<ByteBuf> pieces) {
      this.sql = sql;
      this.pieces = pieces;
    }

    /** Runs the COPY on the connection of the caller's transaction, once; emits the rows copied. */
    public Mono<Long> send(DatabaseClient db) {
      if (pieces.isEmpty()) {
        return Mono.just(0L);
      }
      return db.inConnection(connection -> Mono.defer(() ->
          // One CopyData message per piece: copyIn(sql, publisher) would gather every piece into
          // one composite buffer and copy it whole into one message.
          postgres(connection).copyIn(sql).fromMany(Flux.fromIterable(pieces).map(Mono::just)).build()));
    }
  }

  /**
   * The rows in COPY's text format: tab between values, newline after each row, {@code \N} for
   * null; in pieces of whole rows of about {@value #PIECE} bytes.
   */
  List<ByteBuf> encode(List<Object[]> rows) {
    Utf8 out = new Utf8(rows.size() * columns * 16);
    for (Object[] row : rows) {
      if (row.length != columns) {
        throw new IllegalArgumentException("expected " + columns + " values, got " + row.length);
      }
      for (int c = 0; c < columns; c++) {
        if (c > 0) {
          out.ascii('\t');
        }
        if (row[c] instanceof String[] array) {
          appendArray(array, out);
          continue;
        }
        if (row[c] instanceof int[] numbers) {
          appendNumbers(numbers, out);
          continue;
        }
        String text = text(row[c]);
        if (text == null) {
          out.ascii("\\N");
        } else {
          out.escaped(text);
        }
      }
      out.ascii('\n');
      out.endOfRow();
    }
    return out.pieces();
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
    if (value.getClass().isArray()) {
      throw new IllegalArgumentException("COPY takes String[] and int[] arrays, not " + value.getClass().getSimpleName());
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
  private static void appendArray(String[] array, Utf8 out) {
    out.ascii('{');
    for (int i = 0; i < array.length; i++) {
      if (i > 0) {
        out.ascii(',');
      }
      String element = array[i];
      if (element == null) {
        out.ascii("NULL");
        continue;
      }
      out.ascii('"');
      for (int j = 0; j < element.length(); j++) {
        char ch = element.charAt(j);
        switch (ch) {
          case '\\' -> out.ascii("\\\\\\\\");
          case '"' -> out.ascii("\\\\\"");
          case '\n' -> out.ascii("\\n");
          case '\r' -> out.ascii("\\r");
          case '\t' -> out.ascii("\\t");
          default -> j = out.text(element, j);
        }
      }
      out.ascii('"');
    }
    out.ascii('}');
  }

  /** {@code {1,-2,3}}: an integer array (the quick-search keys of every record), no quoting needed. */
  private static void appendNumbers(int[] numbers, Utf8 out) {
    out.ascii('{');
    for (int i = 0; i < numbers.length; i++) {
      if (i > 0) {
        out.ascii(',');
      }
      out.decimal(numbers[i]);
    }
    out.ascii('}');
  }

  /**
   * COPY data written as UTF-8 bytes directly, not built as a string, copied out of it and encoded
   * again (three copies of every batch), and cut into pieces small enough that the garbage
   * collector does not treat them as humongous objects (G1 does from half a region, 512 KB with a
   * small heap: a batch in one array set off a concurrent collection every few batches).
   */
  private static final class Utf8 {

    private final List<ByteBuf> pieces = new ArrayList<>();
    private byte[] bytes;
    private int size;

    /** {@code estimate}: the bytes expected in all; a single history entry does not need a whole piece. */
    Utf8(int estimate) {
      this.bytes = new byte[Math.max(256, Math.min(estimate, PIECE + PIECE / 4))];
    }

    /** Ends a piece here when it is full enough; a row is never split. */
    void endOfRow() {
      if (size >= PIECE) {
        pieces.add(Unpooled.wrappedBuffer(bytes, 0, size));
        bytes = new byte[PIECE + PIECE / 4];
        size = 0;
      }
    }

    List<ByteBuf> pieces() {
      if (size > 0) {
        pieces.add(Unpooled.wrappedBuffer(bytes, 0, size));
        size = 0;
      }
      return pieces;
    }

    void ascii(char c) {
      room(1);
      bytes[size++] = (byte) c;
    }

    void ascii(String text) {
      room(text.length());
      for (int i = 0; i < text.length(); i++) {
        bytes[size++] = (byte) text.charAt(i);
      }
    }

    /**
     * Writes a text value escaped for COPY's text format: backslash, newline, carriage return and
     * tab as backslash sequences, everything else as UTF-8. Room for the worst case (three bytes a
     * char) is made once, so ASCII, most of an import's data, costs one store per character.
     */
    void escaped(String text) {
      int n = text.length();
      room(3 * n);
      byte[] b = bytes;
      int at = size;
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        if (c >= 0x80) {
          size = at;
          i = text(text, i);
          b = bytes;
          at = size;
          continue;
        }
        byte escape = switch (c) {
          case '\\' -> (byte) '\\';
          case '\n' -> (byte) 'n';
          case '\r' -> (byte) 'r';
          case '\t' -> (byte) 't';
          default -> 0;
        };
        if (escape != 0) {
          b[at++] = '\\';
          b[at++] = escape;
        } else {
          b[at++] = (byte) c;
        }
      }
      size = at;
    }

    /** Writes an int in decimal digits, without a string in between. */
    void decimal(int value) {
      room(11);
      long v = value;
      if (v < 0) {
        bytes[size++] = '-';
        v = -v;
      }
      int end = size + digitCount(v);
      for (int at = end - 1; at >= size; at--) {
        bytes[at] = (byte) ('0' + v % 10);
        v /= 10;
      }
      size = end;
    }

    private static int digitCount(long v) {
      int n = 1;
      while (v >= 10) {
        v /= 10;
        n++;
      }
      return n;
    }

    /** Writes the character at {@code i} of {@code text} (two chars for a surrogate pair); returns the index of its last char. */
    int text(String text, int i) {
      char c = text.charAt(i);
      room(4);
      if (c < 0x80) {
        bytes[size++] = (byte) c;
      } else if (c < 0x800) {
        bytes[size++] = (byte) (0xC0 | (c >> 6));
        bytes[size++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(i + 1));
        bytes[size++] = (byte) (0xF0 | (cp >> 18));
        bytes[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        bytes[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (cp & 0x3F));
        return i + 1;
      } else if (Character.isSurrogate(c)) {
        // A lone surrogate is not text: written as String.getBytes writes it, a question mark.
        bytes[size++] = (byte) '?';
      } else {
        bytes[size++] = (byte) (0xE0 | (c >> 12));
        bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (c & 0x3F));
      }
      return i;
    }

    private void room(int more) {
      if (size + more > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
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
