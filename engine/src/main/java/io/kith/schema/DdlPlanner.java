package io.kith.schema;

import io.kith.schema.TableSpec.ColumnSpec;
import io.kith.schema.TableSpec.ForeignKeySpec;
import io.kith.schema.TableSpec.IndexSpec;
import io.kith.search.SearchColumns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Diffs wanted tables against the live catalog. Only additive or widening changes are planned;
 * nothing is dropped or narrowed. Statements are ordered so that every table exists before a
 * foreign key points at it.
 */
final class DdlPlanner {

  private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)(\\[])?");
  private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");

  DdlPlan plan(List<TableSpec> wanted, LiveCatalog live) {
    List<String> creates = new ArrayList<>();
    List<String> alters = new ArrayList<>();
    List<String> indexes = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<String> retired = new ArrayList<>();
    List<String> refused = new ArrayList<>();

    for (TableSpec table : wanted) {
      Map<String, String> liveColumns = live.tables().get(table.name());
      if (liveColumns == null) {
        creates.add(createTable(table));
      } else {
        diffColumns(table, liveColumns, alters, retired, refused);
      }
      for (IndexSpec index : table.indexes()) {
        String liveDefinition = live.indexes().get(index.name());
        String create = createIndex(table.name(), index);
        if (liveDefinition == null) {
          indexes.add(create);
        } else if (!IndexDefinitions.same(liveDefinition, create)) {
          // An index holds no data of its own: one defined differently (a sort index that gained
          // "id") is rebuilt under its name.
          indexes.add("drop index " + SqlNames.table(index.name()));
          indexes.add(create);
        }
      }
      for (ForeignKeySpec key : table.foreignKeys()) {
        if (!live.constraints().contains(key.name())) {
          keys.add(addForeignKey(table.name(), key));
        }
      }
    }
    retired.addAll(retiredTables(wanted, live));
    List<String> statements = new ArrayList<>(creates);
    statements.addAll(alters);
    statements.addAll(indexes);
    statements.addAll(keys);
    return new DdlPlan(statements, retired, refused);
  }

  private void diffColumns(
      TableSpec table, Map<String, String> liveColumns, List<String> alters, List<String> retired,
      List<String> refused) {
    Set<String> wantedNames = new HashSet<>();
    for (ColumnSpec column : table.columns()) {
      wantedNames.add(column.name());
      String liveType = liveColumns.get(column.name());
      if (liveType == null) {
        alters.add("alter table " + SqlNames.table(table.name()) + " add column "
            + columnDefinition(column));
      } else if (!liveType.equals(column.type())) {
        if (SearchColumns.isSearchColumn(column.name())) {
          // Derived data: emptied here, filled again by the search backfill (its format changed).
          alters.add("alter table " + SqlNames.table(table.name()) + " alter column "
              + SqlNames.quote(column.name()) + " type " + column.type() + " using null");
        } else if (isSafeWidening(liveType, column.type())) {
          alters.add("alter table " + SqlNames.table(table.name()) + " alter column "
              + SqlNames.quote(column.name()) + " type " + column.type());
        } else {
          refused.add("Field \"" + table.owner() + "." + column.name() + "\" cannot change from "
              + liveType + " to " + column.type() + ": existing values could be lost. "
              + "Keep the old type, or add a new field and move the data deliberately.");
        }
      }
    }
    for (String liveColumn : liveColumns.keySet()) {
      if (!wantedNames.contains(liveColumn) && !SearchColumns.isSearchColumn(liveColumn)) {
        retired.add("Field \"" + table.owner() + "." + liveColumn + "\" is no longer in the metadata: "
            + "it is retired and hidden; its column and data are kept.");
      }
    }
  }

  /**
   * Child and link tables of fields no longer in the metadata ({@code entity__field} where the
   * entity type is still wanted): kept with their data, and reported like retired columns.
   */
  private static List<String> retiredTables(List<TableSpec> wanted, LiveCatalog live) {
    Set<String> wantedNames = new HashSet<>();
    Set<String> entities = new HashSet<>();
    for (TableSpec table : wanted) {
      wantedNames.add(table.name());
      if (!table.owner().contains(".")) {
        entities.add(table.name());
      }
    }
    List<String> retired = new ArrayList<>();
    for (String table : live.tables().keySet()) {
      int split = table.indexOf("__");
      if (split > 0 && !wantedNames.contains(table) && entities.contains(table.substring(0, split))) {
        retired.add("Field \"" + table.substring(0, split) + "." + table.substring(split + 2)
            + "\" is no longer in the metadata: it is retired and hidden; its table " + table
            + " and data are kept.");
      }
    }
    return retired;
  }

  /** Widening that keeps every existing value: longer text, text, more digits. */
  static boolean isSafeWidening(String from, String to) {
    Matcher fromVarchar = VARCHAR.matcher(from);
    if (fromVarchar.matches()) {
      boolean array = fromVarchar.group(2) != null;
      if (!array && to.equals("text")) {
        return true;
      }
      Matcher toVarchar = VARCHAR.matcher(to);
      return toVarchar.matches()
          && array == (toVarchar.group(2) != null)
          && Integer.parseInt(toVarchar.group(1)) >= Integer.parseInt(fromVarchar.group(1));
    }
    Matcher fromNumeric = NUMERIC.matcher(from);
    Matcher toNumeric = NUMERIC.matcher(to);
    if (fromNumeric.matches() && toNumeric.matches()) {
      int fromScale = Integer.parseInt(fromNumeric.group(2));
      int toScale = Integer.parseInt(toNumeric.group(2));
      int fromWhole = Integer.parseInt(fromNumeric.group(1)) - fromScale;
      int toWhole = Integer.parseInt(toNumeric.group(1)) - toScale;
      return toScale >= fromScale && toWhole >= fromWhole;
    }
    return from.equals("integer") && to.equals("bigint");
  }

  private static String createTable(TableSpec table) {
    String columns = table.columns().stream()
        .map(DdlPlanner::columnDefinition)
        .collect(Collectors.joining(", "));
    String key = table.primaryKey().contains(",")
        ? java.util.Arrays.stream(table.primaryKey().split(",\\s*")).map(SqlNames::quote).collect(Collectors.joining(", "))
        : SqlNames.quote(table.primaryKey());
    return "create table " + SqlNames.table(table.name()) + " (" + columns + ", primary key (" + key + "))";
  }

  private static String columnDefinition(ColumnSpec column) {
    String definition = SqlNames.quote(column.name()) + " " + column.type();
    return column.constraints().isEmpty() ? definition : definition + " " + column.constraints();
  }

  static String createIndex(String table, IndexSpec index) {
    List<String> columns = new ArrayList<>();
    for (String column : index.columns()) {
      String quoted = SqlNames.quote(column);
      columns.add((index.lowerCase() ? "lower(" + quoted + "::text)" : quoted)
          + (index.descending().contains(column) ? " desc nulls last" : ""));
    }
    return "create " + (index.unique() ? "unique " : "") + "index " + SqlNames.quote(index.name())
        + " on " + SqlNames.table(table) + (index.method() == null ? "" : " using " + index.method())
        + " (" + String.join(", ", columns) + ")";
  }

  private static String addForeignKey(String table, ForeignKeySpec key) {
    return "alter table " + SqlNames.table(table) + " add constraint " + SqlNames.quote(key.name())
        + " foreign key (" + SqlNames.quote(key.column()) + ") references "
        + SqlNames.table(key.targetTable()) + " (\"id\") on delete " + key.onDelete();
  }
}
