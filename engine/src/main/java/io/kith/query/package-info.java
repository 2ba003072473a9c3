/**
 * The one query model: an AND/OR tree of {field, operator, value} conditions with sort, page and
 * columns, read and checked against the metadata ({@link io.kith.query.QueryReader}) and compiled to
 * SQL with bind parameters only ({@link io.kith.query.QuerySql}). Field types name their operators.
 */
package io.kith.query;
