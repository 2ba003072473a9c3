package io.kith.access;

import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataSnapshot;
import io.kith.validation.FieldError;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a role's permission document:
 * <pre>{"contact": {"actions": ["view", "edit"], "scope": "own_shared",
 *              "fields": {"birth_date": "hidden", "external_identifier": "read_only"}},
 *  "*": {"actions": ["view"]}}</pre>
 * Keys are entity type names, or {@code *} for every type without its own entry; {@code scope}
 * defaults to {@code all}.
 */
public final class RoleGrants {

  private RoleGrants() {}

  /** Checks a document against the metadata, adding each problem (named {@code prefix.entity...}). */
  public static void check(JsonNode permissions, MetadataSnapshot snapshot, String prefix, List<FieldError> errors) {
    if (permissions == null || permissions.isNull()) {
      return;
    }
    if (!permissions.isObject()) {
      errors.add(FieldError.of(prefix, "not_an_object"));
      return;
    }
    for (Map.Entry<String, JsonNode> e : permissions.properties()) {
      String at = prefix + "." + e.getKey();
      EntityDef entity = snapshot.entity(e.getKey()).orElse(null);
      if (entity == null && !e.getKey().equals(Access.EVERY_TYPE)) {
        errors.add(FieldError.of(at, "unknown_entity_type", e.getKey()));
        continue;
      }
      JsonNode grant = e.getValue();
      if (!grant.isObject()) {
        errors.add(FieldError.of(at, "not_an_object"));
        continue;
      }
      for (String key : grant.propertyNames()) {
        if (!Set.of("actions", "scope", "fields").contains(key)) {
          errors.add(FieldError.of(at + "." + key, "unknown_field"));
        }
      }
      JsonNode actions = grant.path("actions");
      if (!actions.isMissingNode() && !actions.isArray()) {
        errors.add(FieldError.of(at + ".actions", "list_expected", Action.values().length));
      }
      for (int i = 0; i < actions.size(); i++) {
        if (!actions.get(i).isString() || Action.of(actions.get(i).asString()) == null) {
          errors.add(FieldError.of(at + ".actions[" + i + "]", "unknown_action", actions.get(i).asString("")));
        }
      }
      JsonNode scope = grant.path("scope");
      if (!scope.isMissingNode() && (!scope.isString() || Scope.of(scope.asString()) == null)) {
        errors.add(FieldError.of(at + ".scope", "unknown_scope", scope.asString("")));
      }
      JsonNode fields = grant.path("fields");
      if (fields.isMissingNode()) {
        continue;
      }
      if (!fields.isObject() || entity == null) {
        errors.add(FieldError.of(at + ".fields", entity == null ? "fields_need_entity" : "not_an_object"));
        continue;
      }
      for (Map.Entry<String, JsonNode> f : fields.properties()) {
        if (entity.field(f.getKey()).isEmpty()) {
          errors.add(FieldError.of(at + ".fields." + f.getKey(), "unknown_field"));
        } else if (!f.getValue().isString() || !Set.of("hidden", "read_only").contains(f.getValue().asString())) {
          errors.add(FieldError.of(at + ".fields." + f.getKey(), "unknown_field_access", f.getValue().asString("")));
        }
      }
    }
  }

  /** The grants of one role's document, leniently: whatever no longer applies is left out. */
  public static Map<String, Grant> read(JsonNode permissions) {
    Map<String, Grant> out = new HashMap<>();
    if (permissions == null || !permissions.isObject()) {
      return out;
    }
    for (Map.Entry<String, JsonNode> e : permissions.properties()) {
      JsonNode g = e.getValue();
      Set<Action> actions = EnumSet.noneOf(Action.class);
      g.path("actions").forEach(a -> {
        Action action = Action.of(a.asString(""));
        if (action != null) {
          actions.add(action);
        }
      });
      Scope scope = Scope.of(g.path("scope").asString("all"));
      Set<String> hidden = new HashSet<>();
      Set<String> readOnly = new HashSet<>();
      g.path("fields").properties().forEach(f -> {
        if ("hidden".equals(f.getValue().asString(""))) {
          hidden.add(f.getKey());
        } else if ("read_only".equals(f.getValue().asString(""))) {
          readOnly.add(f.getKey());
        }
      });
      out.put(e.getKey(), new Grant(actions, scope == null ? Scope.ALL : scope, hidden, readOnly));
    }
    return out;
  }

  /** The access of a user holding roles with these documents. */
  public static Access of(Long userId, boolean administrator, List<JsonNode> documents) {
    if (administrator) {
      return Access.administrator(userId);
    }
    return new Access(userId, false, documents.stream().map(RoleGrants::read).toList());
  }
}
