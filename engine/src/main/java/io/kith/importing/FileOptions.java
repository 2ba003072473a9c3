package io.kith.importing;

/**
 * How to read a CSV file, as a profile or a request states it; null means "detect".
 *
 * @param encoding one of {@link CharsetGuess#CHOICES}, or null
 * @param delimiter the field separator, or null
 * @param quote the quote character, {@code ""} for none, or null for {@code "}
 * @param header whether the first row names the columns
 */
record FileOptions(String encoding, String delimiter, String quote, boolean header) {

  static final FileOptions DETECT = new FileOptions(null, null, null, true);
}
