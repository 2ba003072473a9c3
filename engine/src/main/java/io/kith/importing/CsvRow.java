package io.kith.importing;

import java.util.List;

/**
 * One data row of a file.
 *
 * @param index the row's position among the data rows, from 0 (the header is not counted)
 * @param cells the cells as read, one per column (short rows are padded with empty cells)
 */
record CsvRow(long index, List<String> cells) {

  CsvRow {
    cells = List.copyOf(cells);
  }

  /** The row number a person sees in a spreadsheet: counting from 1, after the header row. */
  long number(boolean header) {
    return index + (header ? 2 : 1);
  }
}
