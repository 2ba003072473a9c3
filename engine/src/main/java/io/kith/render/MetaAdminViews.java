package io.kith.render;

import java.util.List;
import java.util.Map;

/** What the metadata administration pages show: option lists, options, fields, revisions. */
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
}
