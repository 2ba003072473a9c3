package io.kith.schema;

import java.util.List;

/** The metadata asks for a schema change that could lose data; Kith will not start with it. */
public final class SchemaChangeRefusedException extends RuntimeException {

  private final List<String> reasons;

  public SchemaChangeRefusedException(List<String> reasons) {
    super(String.join("\n", reasons));
    this.reasons = List.copyOf(reasons);
  }

  public List<String> reasons() {
    return reasons;
  }
}
