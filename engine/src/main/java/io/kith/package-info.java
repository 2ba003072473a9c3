/**
 * Kith's application entry point and wiring: start-up order (metadata, database, schema sync,
 * services) and the plain-sentence explanations when start-up fails.
 */
package io.kith;
