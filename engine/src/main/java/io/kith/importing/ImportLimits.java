package io.kith.importing;

/**
 * Upper bounds for one uploaded file ({@code kith.import.max-bytes}, {@code kith.import.max-rows})
 * and the number of rows committed together ({@code kith.import.batch-size}).
 */
record ImportLimits(long maxBytes, long maxRows, int batchSize) {

  ImportLimits {
    if (maxBytes < 1 || maxRows < 1 || batchSize < 1) {
      throw new IllegalArgumentException("import limits must be positive");
    }
  }
}
