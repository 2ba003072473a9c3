package io.kith.render;

import java.util.List;

/**
 * The quick-search results page: what was asked, a one-line summary (or prompt), and the hits
 * grouped by entity type, best first within each group.
 */
public record QuickSearchView(String query, String heading, String message, List<Group> groups) {

  /** The hits of one entity type; {@code title} is its plural label. */
  public record Group(String entity, String title, List<Hit> hits) {}

  /** One record found; {@code rank} is exact, prefix or contains, {@code rankLabel} its words. */
  public record Hit(String label, String href, String rank, String rankLabel) {}
}
