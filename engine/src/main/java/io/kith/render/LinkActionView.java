package io.kith.render;

import java.util.List;

/**
 * One multi-reference field a page's selection can be linked through (add to / remove from a
 * group, tag / untag), with the target records to choose from.
 */
public record LinkActionView(String field, String label, String addLabel, String removeLabel, List<Choice> choices) {

  public LinkActionView {
    choices = List.copyOf(choices);
  }

  /** A target record: id and display label. */
  public record Choice(long id, String label) {}
}
