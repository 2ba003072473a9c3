package io.kith.schema;

import java.util.Map;
import java.util.Set;

/**
 * What the database has now: columns with their types as {@code format_type} prints them, indexes
 * by name with their definitions as {@code pg_get_indexdef} prints them, and constraint names.
 */
record LiveCatalog(Map<String, Map<String, String>> tables, Map<String, String> indexes, Set<String> constraints) {

  static final String COLUMNS_SQL = """
      select c.relname as table_name, a.attname as column_name,
             format_type(a.atttypid, a.atttypmod) as column_type
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = $1 and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
       order by c.relname, a.attnum""";

  static final String INDEXES_SQL = "select indexname, indexdef from pg_indexes where schemaname = $1";

  static final String CONSTRAINTS_SQL = """
      select con.conname from pg_constraint con
        join pg_namespace n on n.oid = con.connamespace
       where n.nspname = $1""";
}
