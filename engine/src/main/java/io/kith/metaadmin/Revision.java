package io.kith.metaadmin;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/**
 * One stored change of one model item: its new body (null when the item was deleted) and the
 * diff against the body before.
 */
record Revision(long id, ModelItem item, JsonNode body, JsonNode diff, String action,
    OffsetDateTime createdAt, Long createdBy, String createdByLogin) {}
