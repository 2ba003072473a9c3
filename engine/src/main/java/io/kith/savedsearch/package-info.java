/**
 * Saved searches: a named query document (the one query model of {@code io.kith.query}) for one
 * entity type, private to its owner or shared with everybody, stored in {@code kith.saved_search}.
 * A saved search is checked strictly when saved and read leniently when opened, so one that names a
 * field retired since still opens and says which conditions no longer apply.
 */
package io.kith.savedsearch;
