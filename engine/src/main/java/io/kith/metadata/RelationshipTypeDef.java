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

  /** The entity type, and optionally the subtype, allowed on one side. */
  public record Side(String entity, String subtype) {}
}
