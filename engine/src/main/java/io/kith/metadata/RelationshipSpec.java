package io.kith.metadata;

/**
 * Marks an entity type as a relationship between two records: which option field names the
 * relationship type (its list is {@link #TYPE_LIST}, made from the relationship-type files) and
 * which reference fields hold side A and side B. The engine then checks each side against the
 * type's allowed subtypes and lists a record's relationships from its own side.
 */
public record RelationshipSpec(String type, String sideA, String sideB) {

  /** The option list Kith makes from the relationship types: code = type name. */
  public static final String TYPE_LIST = "relationship_type";
}
