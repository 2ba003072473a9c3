package io.kith.access;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * What one user may do with one entity type: actions, record scope, and fields hidden from them or
 * that they may read but not write.
 */
public record Grant(Set<Action> actions, Scope scope, Set<String> hiddenFields, Set<String> readOnlyFields) {

  /** Nothing at all. */
  public static final Grant NONE = new Grant(Set.of(), Scope.OWN, Set.of(), Set.of());

  /** Everything, every record, every field. */
  public static final Grant EVERYTHING = new Grant(EnumSet.allOf(Action.class), Scope.ALL, Set.of(), Set.of());

  public Grant {
    actions = actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
    hiddenFields = Set.copyOf(hiddenFields);
    readOnlyFields = Set.copyOf(readOnlyFields);
  }

  /**
   * This grant and another role's for the same type: any action either allows, the wider scope,
   * and a field hidden (or read-only) only when both say so.
   */
  Grant merge(Grant other) {
    if (this == NONE || actions.isEmpty()) {
      return other;
    }
    if (other == NONE || other.actions.isEmpty()) {
      return this;
    }
    Set<Action> both = EnumSet.copyOf(actions);
    both.addAll(other.actions);
    Set<String> hidden = new HashSet<>(hiddenFields);
    hidden.retainAll(other.hiddenFields);
    Set<String> readOnly = new HashSet<>(readOnlyFields);
    readOnly.addAll(hiddenFields);
    Set<String> otherReadOnly = new HashSet<>(other.readOnlyFields);
    otherReadOnly.addAll(other.hiddenFields);
    readOnly.retainAll(otherReadOnly);
    readOnly.removeAll(hidden);
    return new Grant(both, scope.widest(other.scope), hidden, readOnly);
  }
}
