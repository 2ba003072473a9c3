package io.kith.metadata;

import java.util.List;
import java.util.stream.Collectors;

/** The metadata is invalid; carries every problem found, not just the first. */
public final class MetadataException extends RuntimeException {

  private final List<MetadataProblem> problems;

  public MetadataException(List<MetadataProblem> problems) {
    super(
        problems.size()
            + " problem(s) in the metadata:\n"
            + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<MetadataProblem> problems() {
    return problems;
  }
}
