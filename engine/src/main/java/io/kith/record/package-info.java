/**
 * Generic records: validation of input from the generated JSON Schema and stored checks, SQL built
 * once per entity type and metadata version, and the transactional service behind the API and the
 * HTML pages.
 */
package io.kith.record;
