package io.kith.importing;

import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Works out a file's layout from its first 64 KB: the encoding (chosen, or {@link CharsetGuess}),
 * then the delimiter among {@code , ; tab |} as the one splitting the first lines into the same
 * number of cells. Blocking: call it on a blocking-friendly thread.
 */
final class CsvSniffer {

  static final int SAMPLE_BYTES = 64 * 1024;
  private static final char[] DELIMITERS = {',', ';', '\t', '|'};
  private static final int SAMPLE_LINES = 20;

  private CsvSniffer() {}

  static CsvLayout layout(Path file, FileOptions options) {
    byte[] sample = new byte[SAMPLE_BYTES];
    int length;
    boolean truncated;
    try (InputStream in = Files.newInputStream(file)) {
      length = in.readNBytes(sample, 0, SAMPLE_BYTES);
      truncated = in.read() >= 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<FieldError> errors = new ArrayList<>();
    Charset charset;
    int bom = 0;
    boolean detected = options.encoding() == null || options.encoding().isBlank()
        || options.encoding().equalsIgnoreCase("auto");
    boolean certain = true;
    if (detected) {
      CharsetGuess.Guess guess = CharsetGuess.of(sample, length, truncated);
      if (guess == null) {
        throw new RecordValidationException(List.of(FieldError.of("file.encoding", "undetected_encoding",
            String.join(", ", CharsetGuess.CHOICES))));
      }
      charset = guess.charset();
      bom = guess.bomLength();
      certain = guess.certain();
    } else {
      charset = CharsetGuess.named(options.encoding());
      if (charset == null) {
        errors.add(FieldError.of("file.encoding", "unknown_encoding", options.encoding(),
            String.join(", ", CharsetGuess.CHOICES)));
        charset = Charset.forName("UTF-8");
      } else if (length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB
          && (sample[2] & 0xFF) == 0xBF) {
        // A UTF-8 byte-order mark says what the file is, whatever the profile chose: the failed
        // rows Kith hands back are such files, to be imported again with the same profile.
        charset = Charset.forName("UTF-8");
        bom = 3;
      }
    }
    Character quote = quote(options.quote(), errors);
    String text = CharsetGuess.decode(charset, java.util.Arrays.copyOfRange(sample, bom, length), length - bom, truncated);
    if (text == null && errors.isEmpty()) {
      errors.add(FieldError.of("file.encoding", "not_in_encoding", charset.name()));
    }
    char delimiter = ',';
    if (options.delimiter() != null && !options.delimiter().isEmpty() && !options.delimiter().equalsIgnoreCase("auto")) {
      String d = options.delimiter().equals("\\t") || options.delimiter().equalsIgnoreCase("tab") ? "\t" : options.delimiter();
      if (d.length() != 1 || d.charAt(0) == '\n' || d.charAt(0) == '\r' || (quote != null && d.charAt(0) == quote)) {
        errors.add(FieldError.of("file.delimiter", "bad_delimiter", options.delimiter()));
      } else {
        delimiter = d.charAt(0);
      }
    } else if (text != null) {
      delimiter = detectDelimiter(text, quote == null ? '\0' : quote);
    }
    if (!errors.isEmpty()) {
      throw new RecordValidationException(errors);
    }
    return new CsvLayout(charset, bom, delimiter, quote, options.header(), detected, certain);
  }

  private static Character quote(String chosen, List<FieldError> errors) {
    if (chosen == null || chosen.equals("\"")) {
      return '"';
    }
    if (chosen.isEmpty()) {
      return null;
    }
    if (chosen.length() != 1) {
      errors.add(FieldError.of("file.quote", "bad_quote", chosen));
      return '"';
    }
    return chosen.charAt(0);
  }

  /** The candidate giving the most lines with one same, non-zero number of separators. */
  static char detectDelimiter(String text, char quote) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\r\n|\n|\r")) {
      if (!line.isBlank()) {
        lines.add(line);
      }
      if (lines.size() == SAMPLE_LINES) {
        break;
      }
    }
    char best = ',';
    long bestScore = 0;
    for (char candidate : DELIMITERS) {
      int[] counts = lines.stream().mapToInt(l -> count(l, candidate, quote)).toArray();
      if (counts.length == 0) {
        continue;
      }
      int first = counts[0];
      long same = java.util.Arrays.stream(counts).filter(c -> c == first).count();
      long score = first == 0 ? 0 : same * 1000 + first;
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  private static int count(String line, char delimiter, char quote) {
    int n = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == quote && quote != '\0') {
        quoted = !quoted;
      } else if (c == delimiter && !quoted) {
        n++;
      }
    }
    return n;
  }
}
