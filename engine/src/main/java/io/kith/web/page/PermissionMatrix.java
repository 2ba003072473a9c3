package io.kith.web.page;

import io.kith.access.Access;
import io.kith.access.Action;
import io.kith.access.Scope;
import io.kith.fieldtype.Json;
import io.kith.i18n.KithLocale;
import io.kith.render.AdminViews.Choice;
import io.kith.render.AdminViews.FieldRule;
import io.kith.render.AdminViews.PermissionRow;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.MetadataSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The permission matrix of a role's page, both ways: the role's permission document as one row
 * per entity type (plus {@code *}, every type without rules of its own), and the submitted form
 * back as a document for {@link io.kith.users.RoleService}, which checks it as it checks the API's.
 *
 * <p>Form fields: {@code own.<entity>} (the type has rules of its own rather than those of
 * {@code *}), {@code actions.<entity>} (one value per ticked action), {@code scope.<entity>} and
 * {@code field.<entity>.<field>} ({@code hidden}, {@code read_only} or empty). Only the entity
 * types and fields of the metadata are read, so nothing else can reach the document.
 */
final class PermissionMatrix {

  private final PageModel pages;

  PermissionMatrix(PageModel pages) {
    this.pages = pages;
  }

  /** The rows showing {@code permissions} (null: a new role with no rules). */
  List<PermissionRow> rows(MetadataSnapshot snapshot, JsonNode permissions, KithLocale locale) {
    JsonNode document = permissions == null ? Json.object() : permissions;
    List<PermissionRow> rows = new ArrayList<>();
    rows.add(row(Access.EVERY_TYPE, pages.text(locale, "admin.permissions.every_type"), null, document, locale));
    for (EntityDef entity : snapshot.entities().values()) {
      rows.add(row(entity.name(), entity.pluralLabel(locale), entity, document, locale));
    }
    return rows;
  }

  /** The rows as the form sent them (a refused save is shown again as the user left it). */
  List<PermissionRow> rows(MetadataSnapshot snapshot, MultiValueMap<String, String> form, KithLocale locale) {
    return rows(snapshot, document(snapshot, form), locale);
  }

  /** The permission document the form describes. */
  static ObjectNode document(MetadataSnapshot snapshot, MultiValueMap<String, String> form) {
    ObjectNode out = Json.object();
    ObjectNode every = grant(form, Access.EVERY_TYPE);
    if (!every.path("actions").isEmpty()) {
      out.set(Access.EVERY_TYPE, every);
    }
    for (EntityDef entity : snapshot.entities().values()) {
      if (form.getFirst("own." + entity.name()) == null) {
        continue;
      }
      ObjectNode grant = grant(form, entity.name());
      ObjectNode fields = Json.object();
      for (FieldDef field : entity.fields()) {
        String rule = form.getFirst("field." + entity.name() + "." + field.name());
        if (rule != null && !rule.isBlank()) {
          fields.put(field.name(), rule.strip());
        }
      }
      if (!fields.isEmpty()) {
        grant.set("fields", fields);
      }
      out.set(entity.name(), grant);
    }
    return out;
  }

  private static ObjectNode grant(MultiValueMap<String, String> form, String key) {
    ObjectNode grant = Json.object();
    ArrayNode actions = grant.putArray("actions");
    form.getOrDefault("actions." + key, List.of()).stream().distinct().forEach(actions::add);
    String scope = form.getFirst("scope." + key);
    grant.put("scope", scope == null || scope.isBlank() ? Scope.ALL.code() : scope.strip());
    return grant;
  }

  private PermissionRow row(String key, String label, EntityDef entity, JsonNode document, KithLocale locale) {
    boolean every = entity == null;
    JsonNode grant = document.path(key);
    boolean own = every || grant.isObject();
    List<String> ticked = new ArrayList<>();
    grant.path("actions").forEach(a -> ticked.add(a.asString("")));
    List<Choice> actions = new ArrayList<>();
    for (Action action : Action.values()) {
      actions.add(new Choice(action.code(), pages.text(locale, "admin.action." + action.code()),
          ticked.contains(action.code())));
    }
    String scope = grant.path("scope").asString(Scope.ALL.code());
    List<Choice> scopes = new ArrayList<>();
    for (Scope s : Scope.values()) {
      scopes.add(new Choice(s.code(), pages.text(locale, "admin.scope." + s.code()), s.code().equals(scope)));
    }
    List<FieldRule> fields = new ArrayList<>();
    if (entity != null) {
      for (FieldDef field : entity.fields()) {
        if (field.hidden()) {
          continue;
        }
        String rule = grant.path("fields").path(field.name()).asString("");
        List<Choice> choices = new ArrayList<>();
        for (String code : List.of("", "hidden", "read_only")) {
          choices.add(new Choice(code, pages.text(locale, "admin.field_rule." + (code.isEmpty() ? "none" : code)),
              code.equals(rule)));
        }
        fields.add(new FieldRule(field.name(), field.label(locale), "field." + key + "." + field.name(), choices,
            !rule.isEmpty()));
      }
    }
    long restricted = fields.stream().filter(FieldRule::restricted).count();
    return new PermissionRow(key, label, every, own, actions, scopes, fields, restricted);
  }
}
