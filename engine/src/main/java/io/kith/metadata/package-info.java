/**
 * The model as data: immutable records for entity types, fields, option lists and relationship
 * types; the loader that reads YAML/JSON files, validates them against the shipped JSON Schemas and
 * semantic rules, and the registry that hands one consistent snapshot to every request. Rules and
 * computed fields are written in CEL; {@code Expressions} compiles them against an entity type's fields.
 */
package io.kith.metadata;
