/**
 * Records shipped with the metadata (an entity type's {@code seed}, such as the standard tags),
 * created at start-up when missing.
 */
package io.kith.seed;
