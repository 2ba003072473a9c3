/**
 * Runtime metadata administration: administrators change entity types, fields, option lists and
 * relationship types through {@code /api/v1/meta}; each change is validated like a metadata file,
 * planned and applied with its DDL in one transaction, stored as a revision on top of the shipped
 * files, published as a new registry snapshot and announced to every other instance (NOTIFY).
 */
package io.kith.metaadmin;
