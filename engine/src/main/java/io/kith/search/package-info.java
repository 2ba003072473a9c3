/**
 * Quick search: Kith's own normalisation and n-grams of the searchable values of a record (stored
 * in system columns on every write, GIN- and b-tree-indexed), and the ranked, index-only-by-design
 * look-up behind the search box, {@code GET /api/v1/search} and reference autocomplete. Works on
 * stock PostgreSQL whatever the database's ctype; see the README's "Quick search".
 */
package io.kith.search;
