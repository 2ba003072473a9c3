package io.kith.render;

import java.util.List;
import java.util.Map;

/**
 * What the metadata administration pages show: option lists, options, fields, revisions, entity
 * types, relationship types and an entity type's list and form layout.
 */
public final class MetaAdminViews {

  private MetaAdminViews() {}

  /** One option list in the list of lists. */
  public record OptionListItem(String name, String label, int options, int inactive) {}

  /**
   * One option: its stable code, its label in each locale ({@code labels} by locale tag), colour
   * ({@code #rrggbb} or empty), whether new input may choose it, and its 1-based position.
   */
  public record OptionItem(String code, String label, Map<String, String> labels, String color, boolean active,
      int position) {}

  /** The add / edit option form; {@code editing} keeps the code fixed, {@code readOnly} for inactive options. */
  public record OptionForm(String code, Map<String, String> labels, String color, boolean active, boolean editing,
      boolean readOnly, Map<String, String> errors) {}

  /** One field of an entity type; {@code custom} when not shipped, {@code retired} when switched off. */
  public record FieldItem(String name, String label, String type, boolean required, boolean custom, boolean retired) {}

  /** The add field form as sent, with the dry run's DDL plan and the problems named by field. */
  public record FieldForm(String name, Map<String, String> labels, String type, String list, String entity,
      String options, String precision, String scale, boolean required, String extra, List<String> ddl,
      List<String> problems) {}

  /** One entity type in the list: label in the page's language, subtype labels, field count, retired or not. */
  public record EntityTypeItem(String name, String label, List<String> subtypes, int fields, boolean retired) {}

  /**
   * The new entity type form as sent: name, labels and plural labels by locale tag, subtypes (one
   * {@code code = English | 繁體 | 简体} a line), the first field, the dry run's DDL, and errors by
   * form field ({@code ""}: about none of them).
   */
  public record EntityForm(String name, Map<String, String> labels, Map<String, String> plurals, String subtypes,
      String fieldName, String fieldType, Map<String, String> fieldLabels, boolean fieldRequired, List<String> ddl,
      Map<String, String> errors) {}

  /** One subtype on the edit form: its name (fixed) and its labels and plural labels by locale tag. */
  public record SubtypeRow(String name, Map<String, String> labels, Map<String, String> plurals) {}

  /** The edit form of an entity type: labels, the subtypes' labels, new subtypes to add, errors by form field. */
  public record EntityEditForm(String name, Map<String, String> labels, Map<String, String> plurals,
      List<SubtypeRow> subtypes, String newSubtypes, Map<String, String> errors) {}

  /** One relationship type in the list: both direction labels, who may be on each side, active or retired. */
  public record RelationshipTypeItem(String name, String labelAToB, String labelBToA, String sideA, String sideB,
      boolean active) {}

  /**
   * The relationship type form: the two direction labels by locale tag, the subtypes allowed on
   * each side (none ticked: any), whether it is an edit (name and sides fixed), and errors by field.
   */
  public record RelationshipTypeForm(String name, Map<String, String> aToB, Map<String, String> bToA,
      List<String> sideA, List<String> sideB, boolean editing, Map<String, String> errors) {}

  /** A field as the layout page shows it: name, label and 1-based position where it stands. */
  public record LayoutField(String name, String label, int position) {}

  /** A form section on the layout page: name, heading, position and its fields in order. */
  public record LayoutSection(String name, String label, int position, List<LayoutField> fields) {}
}
