package io.kith.search;

/**
 * One quick-search result.
 *
 * @param entity the entity type's name
 * @param label the record's display label
 * @param sortKey the normalised label results of the same rank are ordered by
 */
public record SearchHit(String entity, long id, String label, Rank rank, String sortKey) {}
