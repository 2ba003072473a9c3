package io.kith.metadata;

/**
 * A kind of relationship between two records, with a label read from each side ("Employee of" /
 * "Employer of").
 */
public record RelationshipTypeDef(
    String name,
    LocalizedText labelAToB,
    LocalizedText labelBToA,
    Side sideA,
    Side sideB,
    LocalizedText description,
    boolean active) {

  /**
   * The entity type allowed on one side, and the subtypes its records may have there (empty: any).
   * Metadata writes one subtype as {@code subtype: individual} or several as {@code subtypes: [...]}.
   */
  public record Side(String entity, java.util.Set<String> subtypes) {
    public Side {
      subtypes = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(subtypes));
    }

    /** Whether a record of {@code subtype} may be on this side. */
    public boolean allows(String subtype) {
      return subtypes.isEmpty() || subtypes.contains(subtype);
    }
  }
}
