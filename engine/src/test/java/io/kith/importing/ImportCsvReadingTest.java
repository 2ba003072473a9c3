package io.kith.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.testing.Imports;
import io.kith.validation.RecordValidationException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading uploaded files without a database: encodings told apart, delimiters detected, quoted
 * cells spanning lines, files without a header row, and rows handed out a batch at a time.
 */
class ImportCsvReadingTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "delimiter {0}")
  @ValueSource(chars = {',', ';', '\t', '|'})
  void detectsTheDelimiter(char d) throws IOException {
    String separator = String.valueOf(d);
    String header = String.join(separator, "Name", "姓", "Other");
    // The quoted cell holds every other candidate, which must not fool the detection.
    String row = String.join(separator, "\"Chan, Tai Man; | \t\"", "陳", "x");
    Path file = write(Imports.csv(StandardCharsets.UTF_8, false, header, row, row));

    CsvLayout layout = CsvSniffer.layout(file, FileOptions.DETECT);

    assertThat(layout.delimiter()).isEqualTo(d);
    try (CsvCursor cursor = CsvCursor.open(file, layout)) {
      assertThat(cursor.header()).containsExactly("Name", "姓", "Other");
      assertThat(cursor.next(10)).hasSize(2).allSatisfy(r -> assertThat(r.cells()).containsExactly("Chan, Tai Man; | \t", "陳", "x"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"UTF-8, false, UTF-8", "UTF-8, true, UTF-8", "Big5, false, Big5", "GBK, false, GB18030",
      "GB18030, false, GB18030"})
  void tellsEncodingsApartFromChineseText(String written, boolean bom, String detected) throws IOException {
    Charset charset = Charset.forName(written);
    String[] lines = written.startsWith("G")
        ? new String[] {"姓名,地址,电话", "陈大文,香港九龙弥敦道一号,23456789", "李美玲,广州市天河区,13800138000"}
        : new String[] {"姓名,地址,電話", "陳大文,香港九龍彌敦道一號,23456789", "李美玲,新界沙田,98765432"};
    Path file = write(Imports.csv(charset, bom, lines));

    CsvLayout layout = CsvSniffer.layout(file, FileOptions.DETECT);

    assertThat(layout.charset().name()).isEqualTo(detected);
    assertThat(layout.encodingCertain()).isTrue();
    try (CsvCursor cursor = CsvCursor.open(file, layout)) {
      assertThat(cursor.header().get(0)).isEqualTo("姓名");
      assertThat(cursor.next(1).get(0).cells().get(0)).isEqualTo(lines[1].split(",")[0]);
    }
  }

  @Test
  void honoursAnExplicitEncodingOverDetection() throws IOException {
    Path file = write(Imports.csv(Charset.forName("Big5"), false, "名字", "志明"));

    CsvLayout layout = CsvSniffer.layout(file, new FileOptions("Big5-HKSCS", null, null, true));

    assertThat(layout.charset().name()).isEqualTo("Big5-HKSCS");
    assertThat(layout.encodingDetected()).isFalse();
  }

  @Test
  void readsAFileWithAUtf8ByteOrderMarkAsUtf8WhateverEncodingWasChosen() throws IOException {
    // Such as the failed rows Kith hands back, imported again with a Big5 profile.
    Path file = write(Imports.csv(StandardCharsets.UTF_8, true, "名字", "志明"));

    CsvLayout layout = CsvSniffer.layout(file, new FileOptions("Big5", null, null, true));

    assertThat(layout.charset().name()).isEqualTo("UTF-8");
    assertThat(layout.bomLength()).isEqualTo(3);
    try (CsvCursor cursor = CsvCursor.open(file, layout)) {
      assertThat(cursor.header()).containsExactly("名字");
    }
  }

  @Test
  void readsQuotedCellsSpanningLinesAsOneRow() throws IOException {
    Path file = write("Name,Notes\r\nMei,\"first line\r\nsecond, line\"\r\nBob,short\r\n".getBytes(StandardCharsets.UTF_8));

    try (CsvCursor cursor = CsvCursor.open(file, CsvSniffer.layout(file, FileOptions.DETECT))) {
      List<CsvRow> rows = cursor.next(10);
      assertThat(rows).extracting(r -> r.cells().get(1)).containsExactly("first line\r\nsecond, line", "short");
      assertThat(rows).extracting(CsvRow::index).containsExactly(0L, 1L);
    }
  }

  @Test
  void namesColumnsByPositionWithoutAHeaderRow() throws IOException {
    Path file = write("Mei,Chan\r\nBob,Ng\r\n".getBytes(StandardCharsets.UTF_8));

    try (CsvCursor cursor = CsvCursor.open(file, CsvSniffer.layout(file, new FileOptions(null, null, null, false)))) {
      assertThat(cursor.header()).containsExactly("1", "2");
      assertThat(cursor.next(10)).extracting(r -> r.cells().get(0)).containsExactly("Mei", "Bob");
    }
  }

  @Test
  void handsOutRowsABatchAtATimeAndSkipsCommittedOnes() throws IOException {
    StringBuilder text = new StringBuilder("N");
    for (int i = 0; i < 25; i++) {
      text.append("\r\n").append(i);
    }
    Path file = write(text.toString().getBytes(StandardCharsets.UTF_8));

    try (CsvCursor cursor = CsvCursor.open(file, CsvSniffer.layout(file, FileOptions.DETECT))) {
      cursor.skip(20);
      assertThat(cursor.next(3)).extracting(r -> r.cells().get(0)).containsExactly("20", "21", "22");
      assertThat(cursor.next(3)).extracting(CsvRow::index).containsExactly(23L, 24L);
      assertThat(cursor.next(3)).isEmpty();
    }
  }

  @Test
  void asksForTheEncodingWhenTheTextIsInNoneItDetects() throws IOException {
    Path file = write(Imports.csv(Charset.forName("windows-1252"), false, "Name,City", "José,São Paulo", "Zoë,Köln"));

    assertThatThrownBy(() -> CsvSniffer.layout(file, FileOptions.DETECT))
        .isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors())
            .extracting(err -> err.field() + " " + err.code()).containsExactly("file.encoding undetected_encoding"));
  }

  @Test
  void refusesAnEncodingKithDoesNotRead() throws IOException {
    Path file = write("a,b\r\n".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> CsvSniffer.layout(file, new FileOptions("EBCDIC", null, null, true)))
        .isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors())
            .extracting(err -> err.field() + " " + err.code()).containsExactly("file.encoding unknown_encoding"));
  }

  private Path write(byte[] bytes) throws IOException {
    Path file = Files.createTempFile(dir, "csv", ".csv");
    Files.write(file, bytes);
    return file;
  }
}
