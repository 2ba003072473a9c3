package io.kith.importing;

import java.nio.charset.Charset;

/**
 * A file's resolved layout: what was chosen, or what detection found.
 *
 * @param bomLength bytes of byte-order mark skipped before reading
 * @param quote the quote character, or null for none
 * @param encodingDetected whether the encoding was detected rather than chosen
 * @param encodingCertain false when detection could not tell two encodings apart
 */
record CsvLayout(Charset charset, int bomLength, char delimiter, Character quote, boolean header,
    boolean encodingDetected, boolean encodingCertain) {

  /** The delimiter as a profile writes it: {@code ","}, {@code "\t"}... */
  String delimiterText() {
    return String.valueOf(delimiter);
  }
}
