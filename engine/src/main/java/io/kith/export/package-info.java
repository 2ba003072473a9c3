/**
 * Exports of query results: CSV (UTF-8 with a byte-order mark, RFC 4180 quoting by commons-csv) of
 * every matching record, read in batches and streamed, with values as people read them and cells
 * that a spreadsheet would run as a formula neutralised.
 */
package io.kith.export;
