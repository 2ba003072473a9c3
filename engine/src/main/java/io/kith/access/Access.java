package io.kith.access;

import io.kith.record.RecordException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The permissions of one user, from their roles. An administrator may do everything with every
 * record and field; anyone else what the grants of their roles allow together: for each entity
 * type, each role contributes its own grant for the type, or else its grant for {@code *}, and
 * the contributions are merged ({@link Grant#merge}).
 */
public final class Access {

  /** Entity key of the grant that applies to every type without one of its own. */
  public static final String EVERY_TYPE = "*";

  /** Not signed in: nothing is allowed. */
  public static final Access NOBODY = new Access(null, false, List.of());

  private final Long userId;
  private final boolean administrator;
  private final List<Map<String, Grant>> roles;
  private final Map<String, Grant> merged = new ConcurrentHashMap<>();

  /**
   * @param userId the user, or null for nobody
   * @param roles the grants of each role, by entity type name (or {@code *})
   */
  public Access(Long userId, boolean administrator, List<Map<String, Grant>> roles) {
    this.userId = userId;
    this.administrator = administrator;
    this.roles = roles.stream().map(Map::copyOf).toList();
  }

  /** Everything on every record. */
  public static Access administrator(Long userId) {
    return new Access(userId, true, List.of());
  }

  public Long userId() {
    return userId;
  }

  public boolean administrator() {
    return administrator;
  }

  public Grant grant(String entity) {
    if (administrator) {
      return Grant.EVERYTHING;
    }
    return merged.computeIfAbsent(entity, name -> {
      Grant out = Grant.NONE;
      for (Map<String, Grant> role : roles) {
        Grant g = role.containsKey(name) ? role.get(name) : role.get(EVERY_TYPE);
        if (g != null) {
          out = out.merge(g);
        }
      }
      return out;
    });
  }

  public boolean can(String entity, Action action) {
    return grant(entity).actions().contains(action);
  }

  /** Refuses with a 403 unless {@code action} is allowed on {@code entity}. */
  public void require(String entity, Action action) {
    if (!can(entity, action)) {
      throw new RecordException(RecordException.Reason.FORBIDDEN, "forbidden_action", action.code(), entity);
    }
  }

  public Scope scope(String entity) {
    return grant(entity).scope();
  }

  public boolean hidden(String entity, String field) {
    return grant(entity).hiddenFields().contains(field);
  }

  /** Whether the user may not write {@code field} (read-only or hidden to them). */
  public boolean readOnly(String entity, String field) {
    Grant g = grant(entity);
    return g.readOnlyFields().contains(field) || g.hiddenFields().contains(field);
  }
}
