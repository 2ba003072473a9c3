package io.kith.render;

import java.util.List;

/**
 * Everything one form widget needs, resolved before rendering (templates do no lookups).
 *
 * @param inputName the form name ({@code first_name}, {@code emails[0].email})
 * @param id the element id, derived from the input name
 * @param widget the macro in {@code widgets.ftlh} that renders it
 * @param value the single value as the input shows it
 * @param values every value, for multiple choices and multi-references
 * @param options the choices of an option field: active ones plus any the record already has
 * @param references id and label of referenced records (one for a reference, many for multi)
 * @param lookupUrl where a reference widget searches for records
 * @param rows the existing rows of a collection; {@code blankRow} is the template for a new one
 * @param dependsOn for an option field that depends on another: the parent's input name, else null
 * @param optionsUrl for such a field: where the form's script fetches the choices for a parent value
 */
public record FieldView(
    String name,
    String inputName,
    String id,
    String label,
    String help,
    boolean required,
    boolean readOnly,
    String widget,
    String value,
    List<String> values,
    List<OptionView> options,
    List<RefItem> references,
    String lookupUrl,
    String error,
    List<RowView> rows,
    RowView blankRow,
    Integer maxLength,
    String dependsOn,
    String optionsUrl) {

  /** A widget of a field that depends on no other. */
  public FieldView(String name, String inputName, String id, String label, String help, boolean required,
      boolean readOnly, String widget, String value, List<String> values, List<OptionView> options,
      List<RefItem> references, String lookupUrl, String error, List<RowView> rows, RowView blankRow,
      Integer maxLength) {
    this(name, inputName, id, label, help, required, readOnly, widget, value, values, options, references,
        lookupUrl, error, rows, blankRow, maxLength, null, null);
  }

  /** One choice in a select. */
  public record OptionView(String code, String label, boolean selected, String color) {}

  /** A referenced record. */
  public record RefItem(long id, String label) {}

  /** One row of a collection: its index and the widgets of its fields. */
  public record RowView(String index, List<FieldView> fields) {}
}
