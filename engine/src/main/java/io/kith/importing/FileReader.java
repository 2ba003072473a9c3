package io.kith.importing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The rows of one file in batches, read off the event loop. Rows a batch handed back (see
 * {@link BatchPlanner}) come first in the next batch, so rows are always taken in file order.
 */
final class FileReader implements AutoCloseable {

  private final CsvCursor cursor;
  private final Deque<CsvRow> handedBack = new ArrayDeque<>();

  private FileReader(CsvCursor cursor) {
    this.cursor = cursor;
  }

  /** Opens the file and skips the {@code done} rows an earlier run committed. */
  static Mono<FileReader> open(Path file, CsvLayout layout, long done) {
    return Blocking.call(() -> {
      CsvCursor cursor = CsvCursor.open(file, layout);
      cursor.skip(done);
      return new FileReader(cursor);
    });
  }

  /** Up to {@code size} rows; an empty list at the end. */
  Mono<List<CsvRow>> next(int size) {
    return Blocking.call(() -> {
      List<CsvRow> rows = new ArrayList<>();
      while (rows.size() < size && !handedBack.isEmpty()) {
        rows.add(handedBack.removeFirst());
      }
      if (rows.size() < size) {
        rows.addAll(cursor.next(size - rows.size()));
      }
      return rows;
    });
  }

  void handBack(List<CsvRow> rows) {
    for (int i = rows.size() - 1; i >= 0; i--) {
      handedBack.addFirst(rows.get(i));
    }
  }

  @Override
  public void close() {
    cursor.close();
  }
}
