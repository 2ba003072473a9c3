package io.kith.render;

import java.util.List;

/**
 * A whole generated form.
 *
 * @param action where the form posts
 * @param version the version being edited (optimistic locking), or null for a new record
 * @param message a form-level message (errors summary or edit conflict), or null
 */
public record FormView(
    String entity,
    String entityLabel,
    String title,
    String subtype,
    String subtypeLabel,
    String action,
    Integer version,
    List<SectionView> sections,
    String message,
    boolean conflict,
    String cancelUrl) {

  /** A titled group of widgets. */
  public record SectionView(String label, List<FieldView> fields) {}
}
