package io.kith.audit;

import tools.jackson.databind.JsonNode;

/**
 * One changed field: its name and its old and new value as the API shows them (codes, ids, ISO
 * dates; a collection's rows, a multi-reference's ids). A value that was or became empty is JSON
 * {@code null} (or an empty array for collections and multi-values).
 */
public record Change(String field, JsonNode oldValue, JsonNode newValue) {}
