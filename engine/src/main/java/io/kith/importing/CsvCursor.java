package io.kith.importing;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a file row by row in its layout, never holding more than the rows asked for. Blocking:
 * every call belongs on a blocking-friendly thread. Without a header row the columns are named
 * {@code 1}, {@code 2}...
 */
final class CsvCursor implements Closeable {

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;
  private long next;

  private CsvCursor(CSVParser parser, List<String> header, Iterator<CSVRecord> records, CSVRecord first) {
    this.parser = parser;
    this.records = records;
    this.header = List.copyOf(header);
    this.pending = first;
  }

  private CSVRecord pending;

  static CsvCursor open(Path file, CsvLayout layout) {
    try {
      InputStream in = Files.newInputStream(file);
      in.skipNBytes(layout.bomLength());
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, layout.charset()), 64 * 1024);
      CSVFormat format = CSVFormat.RFC4180.builder()
          .setDelimiter(layout.delimiter())
          .setQuote(layout.quote())
          .setIgnoreEmptyLines(true)
          .get();
      CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
      Iterator<CSVRecord> records = parser.iterator();
      CSVRecord first = records.hasNext() ? records.next() : null;
      List<String> header = new ArrayList<>();
      if (layout.header()) {
        if (first != null) {
          first.forEach(cell -> header.add(cell.strip()));
        }
        first = records.hasNext() ? records.next() : null;
      } else if (first != null) {
        for (int i = 1; i <= first.size(); i++) {
          header.add(String.valueOf(i));
        }
      }
      return new CsvCursor(parser, header, records, first);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UncheckedIOException | IllegalStateException e) {
      throw CsvProblems.unreadable(e);
    }
  }

  /** The column names: the header row's cells, or 1, 2, 3... without one. */
  List<String> header() {
    return header;
  }

  /** Skips {@code rows} data rows (resuming a job where it stopped). */
  void skip(long rows) {
    for (long i = 0; i < rows && pending != null; i++) {
      advance();
    }
  }

  /** Up to {@code max} next rows; an empty list at the end of the file. */
  List<CsvRow> next(int max) {
    List<CsvRow> out = new ArrayList<>();
    while (out.size() < max && pending != null) {
      List<String> cells = new ArrayList<>(header.size());
      pending.forEach(cells::add);
      while (cells.size() < header.size()) {
        cells.add("");
      }
      out.add(new CsvRow(next, cells));
      advance();
    }
    return out;
  }

  boolean hasNext() {
    return pending != null;
  }

  private void advance() {
    next++;
    try {
      pending = records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException | IllegalStateException e) {
      throw CsvProblems.unreadable(e);
    }
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
