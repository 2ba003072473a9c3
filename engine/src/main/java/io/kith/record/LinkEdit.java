package io.kith.record;

/**
 * What a bulk link edit did: records selected, records whose links changed, link rows added and
 * link rows removed.
 */
public record LinkEdit(long matched, long changed, long added, long removed) {}
