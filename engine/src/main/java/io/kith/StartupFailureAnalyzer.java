package io.kith;

import io.kith.db.DatabaseUnreachableException;
import io.kith.metadata.MetadataException;
import io.kith.metadata.MetadataProblem;
import io.kith.schema.SchemaChangeRefusedException;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Explains the three ways Kith refuses to start, in plain sentences instead of a stack trace:
 * PostgreSQL unreachable, invalid metadata (every problem listed), and a schema change that could
 * lose data.
 */
public final class StartupFailureAnalyzer implements FailureAnalyzer {

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DatabaseUnreachableException e) {
        return new FailureAnalysis(
            "Kith could not connect to PostgreSQL at " + e.url() + " (" + e.reason() + ").",
            "Start PostgreSQL, or point Kith at another server with SPRING_R2DBC_URL "
                + "(and SPRING_R2DBC_USERNAME / SPRING_R2DBC_PASSWORD).",
            e);
      }
      if (t instanceof MetadataException e) {
        String list = e.problems().stream().map(MetadataProblem::toString)
            .collect(Collectors.joining("\n  - ", "  - ", ""));
        return new FailureAnalysis(
            "The metadata has " + e.problems().size() + " problem(s):\n" + list,
            "Correct the metadata files listed above and start Kith again.",
            e);
      }
      if (t instanceof SchemaChangeRefusedException e) {
        return new FailureAnalysis(
            "The metadata asks for database changes that could lose data:\n  - "
                + String.join("\n  - ", e.reasons()),
            "Restore the field's previous type in the metadata. Nothing was changed in the database.",
            e);
      }
    }
    return null;
  }
}
