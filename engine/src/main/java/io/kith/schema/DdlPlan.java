package io.kith.schema;

import java.util.List;

/**
 * The DDL that brings the database in line with the metadata, with what was deliberately not done.
 *
 * @param statements safe, additive statements in the order they must run
 * @param retired fields whose columns stay although the metadata no longer has them
 * @param refused changes that could lose data and are therefore not made
 */
public record DdlPlan(List<String> statements, List<String> retired, List<String> refused) {
  public DdlPlan {
    statements = List.copyOf(statements);
    retired = List.copyOf(retired);
    refused = List.copyOf(refused);
  }

  public boolean isEmpty() {
    return statements.isEmpty();
  }
}
