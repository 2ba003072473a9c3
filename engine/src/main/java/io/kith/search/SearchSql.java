package io.kith.search;

import io.kith.fieldtype.FieldTypeSupport;
import io.kith.fieldtype.FieldTypes;
import io.kith.fieldtype.Json;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.query.QuerySql;
import io.kith.schema.SqlNames;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/**
 * The quick-search SQL of one entity type, built from validated names once per metadata version.
 * Every statement binds {@code $1} the exact text, {@code $2} and {@code $3} the value and word
 * prefix texts (they rank each row), then the values of its parts; the term itself is never SQL.
 *
 * <p>Each part asks one index: the GIN index of the grams (a bitmap of the rows holding all the
 * grams, re-checked on {@code search_text}), or the label b-tree (the labels starting with the
 * term, in label order). Every part has a limit.
 */
final class SearchSql {

  /** How a part finds rows: its condition after {@code where "active" and}, with {@code ?} for its values. */
  enum Part {
    /** The whole-value gram ({@code ?} grams, {@code ?} limit). */
    EXACT(SearchSql.GRAMS_MATCH + " and strpos(\"search_text\", $1) > 0 limit ?"),
    /** Labels from {@code ?} up to {@code ?}, re-checked, in label order ({@code ?} limit). */
    LABEL("\"search_label\" >= ? and \"search_label\" < ? and " + SearchSql.PREFIX_CHECK
        + " order by \"search_label\", \"id\" limit ?"),
    /** Values or words starting with the term ({@code ?} grams, {@code ?} limit). */
    PREFIX(SearchSql.GRAMS_MATCH + " and " + SearchSql.PREFIX_CHECK + " limit ?"),
    /** Values containing the term ({@code ?} grams, {@code ?} term, {@code ?} limit). */
    CONTAINS(SearchSql.GRAMS_MATCH + " and strpos(\"search_text\", ?) > 0 limit ?");

    private final String condition;

    Part(String condition) {
      this.condition = condition;
    }
  }

  /**
   * How a statement's parts read the gram index. The last two serve grams PostgreSQL's statistics
   * call common: shown their values, the planner would rightly expect a sequential scan to find
   * a limit's worth of rows quickly, and wrongly so whenever the matches are not spread evenly
   * over the table. Hidden from it (a sub-select it cannot look into), the grams get its default
   * estimate for an array containment, small enough that the GIN index is always the cheaper
   * plan, with no setting and no transaction around the statement.
   */
  enum Grams {
    /** Bound as they are: the planner's estimates of uncommon grams pick the index themselves. */
    ESTIMATED,
    /** Hidden from the planner, each gram's posting list read in full. */
    FULL,
    /**
     * Hidden from the planner and sampled: each part first sets {@code gin_fuzzy_search_limit} for
     * the rest of the statement's own (implicit) transaction, so GIN returns about {@value
     * EntitySearch#SAMPLE} random rows of a longer list. The setting is evaluated once, as a
     * condition with no column (PostgreSQL's one-time filter, checked before the scan below it
     * starts), and ends with the statement; a statement of this mode must therefore not run inside
     * a longer transaction.
     */
    SAMPLED
  }

  /** The table's alias in every statement, for the scope condition. */
  static final String ALIAS = "t";

  private static final String GRAMS_MATCH = "\"search_grams\" @> ?";
  private static final String GRAMS_HIDDEN = "\"search_grams\" @> (select ?::integer[])";
  private static final String SAMPLE_SETTING = "(select set_config('gin_fuzzy_search_limit', '"
      + EntitySearch.SAMPLE + "', true)) is not null and ";
  private static final String PREFIX_CHECK = "(strpos(\"search_text\", $2) > 0 or strpos(\"search_text\", $3) > 0)";
  private static final String RANK = "case when strpos(\"search_text\", $1) > 0 then 0 when " + PREFIX_CHECK
      + " then 1 else 2 end";

  final EntityDef entity;
  private final FieldTypes fieldTypes;
  private final List<FieldDef> labelFields;
  private final String select;

  SearchSql(EntityDef entity, FieldTypes fieldTypes) {
    this.entity = entity;
    this.fieldTypes = fieldTypes;
    this.labelFields = entity.displayName().fieldNames().stream()
        .map(name -> entity.field(name).orElseThrow()).toList();
    List<String> columns = new ArrayList<>(List.of("id"));
    if (entity.hasSubtypes()) {
      columns.add("subtype");
    }
    labelFields.forEach(f -> columns.add(f.name()));
    columns.add(SearchColumns.LABEL);
    this.select = "select " + columns.stream().map(SqlNames::quote).collect(Collectors.joining(", "))
        + ", " + RANK + " as \"search_rank\" from " + SqlNames.table(entity.name()) + " " + ALIAS
        + " where \"active\" and ";
  }

  /** One statement of the given parts ({@code union all}), placeholders numbered from {@code $4} in order. */
  String statement(List<Part> parts) {
    return statement(parts, null);
  }

  /**
   * One statement of the given parts, each narrowed by {@code scope} (the records the caller
   * reaches, compiled for alias {@value #ALIAS} with placeholders from {@code $4}; null for all
   * records); the parts' placeholders follow the scope's.
   */
  String statement(List<Part> parts, QuerySql.Fragment scope) {
    return statement(parts, scope, Grams.ESTIMATED);
  }

  /** One statement of the given parts, narrowed by {@code scope}, reading the grams as {@code grams} says. */
  String statement(List<Part> parts, QuerySql.Fragment scope, Grams grams) {
    StringBuilder sql = new StringBuilder();
    int next = 4 + (scope == null ? 0 : scope.binds().size());
    String reach = scope == null ? "" : scope.sql() + " and ";
    for (Part part : parts) {
      StringBuilder condition = new StringBuilder(grams == Grams.SAMPLED ? SAMPLE_SETTING : "");
      String template = grams == Grams.ESTIMATED ? part.condition : part.condition.replace(GRAMS_MATCH, GRAMS_HIDDEN);
      for (char c : template.toCharArray()) {
        if (c == '?') {
          condition.append('$').append(next++);
        } else {
          condition.append(c);
        }
      }
      String one = select + reach + condition;
      sql.append(sql.length() == 0 ? "" : " union all ").append(parts.size() > 1 ? "(" + one + ")" : one);
    }
    return sql.toString();
  }

  /** One result row: the record's label, its rank and its sort key. */
  Found found(Readable row) {
    long id = row.get("id", Long.class);
    ObjectNode values = Json.object();
    String subtype = entity.hasSubtypes() ? row.get("subtype", String.class) : null;
    for (FieldDef field : labelFields) {
      FieldTypeSupport<FieldType> support = fieldTypes.of(field.type());
      Object value = row.get(field.name(), support.columnClass(field.type()));
      if (value != null) {
        values.set(field.name(), support.fromColumn(field.type(), value));
      }
    }
    String label = entity.displayName().render(subtype, name -> values.has(name) ? values.get(name).asString() : null);
    Integer rank = row.get("search_rank", Integer.class);
    String sortKey = row.get(SearchColumns.LABEL, String.class);
    return new Found(id, label.isEmpty() ? "#" + id : label, Rank.values()[rank],
        sortKey == null ? "" : sortKey);
  }

  /** A row found for one entity type. */
  record Found(long id, String label, Rank rank, String sortKey) {}
}
