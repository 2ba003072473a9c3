package io.kith.render;

import io.kith.render.FieldView.OptionView;
import java.util.List;

/**
 * The advanced search page: the condition builder, the result table with its pager, and the saved
 * searches of the entity type.
 *
 * @param errors problems that belong to no single row (sort, page size, columns)
 * @param dropped sentences naming conditions of a saved search that no longer apply
 * @param results the result table, or null before a search has run (or when it was refused)
 * @param state the current search as form parameters, for the save and bulk forms to re-send
 */
public record SearchView(
    String entity,
    String title,
    String action,
    String listUrl,
    Builder builder,
    List<String> errors,
    List<String> dropped,
    String notice,
    Results results,
    SavedView saved,
    List<SavedItem> savedSearches,
    List<ListView.Param> state,
    String saveError) {

  /** The condition builder with its choices; blank rows are included so it works without script. */
  public record Builder(
      String match,
      List<FieldChoice> fields,
      List<OperatorChoice> operators,
      List<ConditionRow> rows,
      List<GroupView> groups,
      int nextRow,
      int nextGroup,
      List<ValueTemplate> templates,
      List<ColumnChoice> columns,
      List<OptionView> sortFields,
      String dir,
      String size) {}

  /** A field the builder offers; {@code ops} are its operators' codes, space-separated. */
  public record FieldChoice(String key, String label, String ops) {}

  /** An operator; {@code arity} tells the script which value input it takes. */
  public record OperatorChoice(String code, String label, String arity) {}

  /**
   * One condition row. {@code value} is null when the operator takes no value; {@code to} is the
   * second input of "between" ({@code between} says whether it shows).
   */
  public record ConditionRow(String key, String group, String field, String op, List<OperatorChoice> operators,
      FieldView value, FieldView to, boolean between, String error) {}

  /** A nested group with its own AND/OR. */
  public record GroupView(String key, String match, List<ConditionRow> rows) {}

  /** The value input of one field (or of day counts when {@code field} is empty), for the script. */
  public record ValueTemplate(String field, String variant, FieldView input) {}

  public record ColumnChoice(String name, String label, boolean checked) {}

  /** Results: the chosen columns, rows and pager, and where export and bulk actions go. */
  public record Results(List<ListView.Column> columns, List<ListView.Row> rows, ListView.Pager pager,
      String exportUrl, String back) {}

  /** The saved search being shown; {@code mine} means it may be changed here. */
  public record SavedView(long id, String name, boolean shared, boolean mine) {}

  public record SavedItem(long id, String name, boolean shared, boolean mine, String href, boolean current) {}
}
