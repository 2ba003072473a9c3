package io.kith.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.kith.StartupFailureAnalyzer;
import io.kith.testing.KithServer;
import io.kith.testing.MetadataFolders;
import io.kith.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Kith refuses to start on invalid metadata and lists every problem, not just the first. */
class InvalidMetadataStartupTest {

  private final TestDatabase db = new TestDatabase();

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void invalidMetadataStopsStartupListingEveryProblem() {
    Throwable failure = catchThrowable(() -> KithServer.start(db, MetadataFolders.resource("metadata-invalid")));

    assertThat(failure).isNotNull().rootCause().isInstanceOf(MetadataException.class);
    MetadataException metadata = (MetadataException) rootCause(failure);
    assertThat(metadata.problems())
        .extracting(MetadataProblem::file, MetadataProblem::pointer)
        .containsExactlyInAnyOrder(
            tuple("entities/bad_type.yaml", "/fields/2/type"),
            tuple("entities/unknown_list.yaml", "/fields/1/list"),
            tuple("entities/duplicate_field.yaml", "/fields/2/name"),
            tuple("entities/reserved_field.yaml", "/fields/1/name"),
            tuple("entities/meta.yaml", "/name"),
            tuple("entities/broken_yaml.yaml", ""));

    FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(failure);
    assertThat(analysis).isNotNull();
    assertThat(analysis.getDescription()).contains("6 problem(s)",
        "entities/bad_type.yaml at /fields/2/type",
        "entities/unknown_list.yaml at /fields/1/list",
        "entities/duplicate_field.yaml at /fields/2/name",
        "entities/reserved_field.yaml at /fields/1/name",
        "entities/meta.yaml at /name",
        "entities/broken_yaml.yaml: YAML syntax error");
  }

  @Test
  void missingMetadataFolderStopsStartup(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-folder");

    Throwable failure = catchThrowable(() -> KithServer.start(db, missing));

    assertThat(failure).rootCause().isInstanceOf(MetadataException.class)
        .hasMessageContaining("does not exist");
  }

  private static Throwable rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
