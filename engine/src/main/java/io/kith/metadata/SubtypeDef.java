package io.kith.metadata;

/** A subtype of an entity type (a contact's individual / household / organization). */
public record SubtypeDef(String name, LocalizedText label, LocalizedText pluralLabel) {}
