package io.kith.render;

import java.util.List;

/** A record's page: its fields, collections, related records and what can be done with it. */
public record DetailView(
    String entity,
    String entityLabel,
    long id,
    String title,
    String subtypeLabel,
    boolean active,
    int version,
    List<Item> fields,
    List<Table> collections,
    List<Related> related,
    List<Item> system) {

  /** A label with its displayed values. */
  public record Item(String label, List<Cell> values) {}

  /** A collection shown as a table. */
  public record Table(String label, List<String> headers, List<List<List<Cell>>> rows) {}

  /**
   * Records of another type that refer to this one through one field: a tab of the page.
   *
   * @param key the tab's id, {@code <entity>-<field>}
   * @param addUrl the new-record form of that type with the field pre-filled with this record, or
   *     null when the viewer may not create such records
   */
  public record Related(String key, String label, String listUrl, String addUrl, String addManyUrl, List<Cell> records,
      long total) {}
}
