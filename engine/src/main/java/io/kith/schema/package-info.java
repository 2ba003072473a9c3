/**
 * Schema sync: derives the tables the metadata needs, diffs them against the live PostgreSQL
 * catalog, and applies additive DDL in one transaction under an advisory lock. Every identifier in
 * SQL passes through {@link io.kith.schema.SqlNames}.
 */
package io.kith.schema;
