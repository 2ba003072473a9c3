package io.kith.query;

import io.kith.access.Access;
import io.kith.access.Scope;
import java.util.List;

/**
 * The records of an entity type a caller's scope reaches, as a filter: their own ({@code owner}),
 * or their own plus those shared with them ({@link Filter.SharedWith}). The one definition used by
 * the record service (lists, searches, exports, autocomplete) and by quick search.
 */
public final class ScopeFilter {

  private ScopeFilter() {}

  /** The filter, or null when the caller reaches every record of {@code entity}. */
  public static Filter of(Access access, String entity) {
    Scope scope = access.scope(entity);
    if (scope == Scope.ALL) {
      return null;
    }
    long me = access.userId() == null ? -1L : access.userId();
    Filter own = new Filter.Condition("owner", Operator.EQ, me);
    return scope == Scope.OWN ? own : new Filter.AnyOf(List.of(own, new Filter.SharedWith(entity, me)));
  }
}
