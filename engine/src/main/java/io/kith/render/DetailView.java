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

  /** Records of another type that refer to this one. */
  public record Related(String label, String listUrl, List<Cell> records, long total) {}
}
