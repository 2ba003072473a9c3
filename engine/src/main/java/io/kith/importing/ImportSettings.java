package io.kith.importing;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Import configuration ({@code kith.import.*}).
 *
 * @param directory where uploaded files wait for their jobs (shared storage when several instances run jobs)
 * @param poll how often a worker looks for a job to run
 * @param lease how long a running job's heartbeat stays valid; after that any instance takes it over
 * @param worker whether this instance runs jobs
 */
public record ImportSettings(long maxBytes, long maxRows, int batchSize, Path directory, Duration poll,
    Duration lease, boolean worker) {

  public ImportSettings {
    new ImportLimits(maxBytes, maxRows, batchSize);
  }
}
