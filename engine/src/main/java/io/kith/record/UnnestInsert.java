package io.kith.record;

import io.kith.schema.SqlNames;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One insert of many rows as {@code insert ... select from unnest($1::text[], $2::text[], ...)}:
 * one bind parameter per column whatever the number of rows, so PostgreSQL parses and plans a
 * short statement and the driver encodes a few arrays instead of thousands of parameters. Values
 * travel as text and are cast to each column's type in SQL (array columns as array literals);
 * the types come from metadata, never from input.
 */
final class UnnestInsert {

  private final String sql;
  private final int columns;

  /**
   * @param types each column's SQL type as schema sync creates it ({@code character varying(64)},
   *     {@code numeric(19,2)}, {@code character varying(64)[]}...)
   */
  UnnestInsert(String table, List<String> names, List<String> types) {
    this.columns = names.size();
    String casts = IntStream.range(0, columns).mapToObj(i -> "u.c" + i + "::" + castType(types.get(i)))
        .collect(Collectors.joining(", "));
    String arrays = IntStream.range(0, columns).mapToObj(i -> "$" + (i + 1) + "::text[]").collect(Collectors.joining(", "));
    String aliases = IntStream.range(0, columns).mapToObj(i -> "c" + i).collect(Collectors.joining(", "));
    this.sql = "insert into " + table + " (" + names.stream().map(SqlNames::quote).collect(Collectors.joining(", "))
        + ") select " + casts + " from unnest(" + arrays + ") as u(" + aliases + ")";
  }

  String sql() {
    return sql;
  }

  /** One text array per column from rows of column values (Java values as the column codecs take them). */
  List<Object> binds(List<Object[]> rows) {
    List<Object> out = new ArrayList<>(columns);
    for (int c = 0; c < columns; c++) {
      String[] values = new String[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        values[r] = text(rows.get(r)[c]);
      }
      out.add(values);
    }
    return out;
  }

  /**
   * Character columns are cast to text so the insert itself checks their length (a cast to
   * {@code varchar(n)} would silently cut the value).
   */
  private static String castType(String type) {
    if (type.startsWith("character varying")) {
      return type.endsWith("[]") ? "text[]" : "text";
    }
    return type;
  }

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
}
