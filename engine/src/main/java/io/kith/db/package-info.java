/**
 * The PostgreSQL server itself: creating Kith's database when missing at start-up, and
 * {@code COPY FROM STDIN} for bulk writes ({@link io.kith.db.CopyIn}).
 */
package io.kith.db;
