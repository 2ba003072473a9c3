package io.kith.metaadmin;

import io.kith.metadata.MetadataKind;
import io.kith.metadata.MetadataLoader;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one API request into the new body of the item it changes, in the file shape: a whole item
 * as sent, or the item's current body with one field or option added, replaced or removed.
 * Missing items are 404s, duplicates 409s; whether the result is valid is the loader's question.
 * Refusals are said in the language of who asks ({@link Sentences}).
 */
final class ModelEdits {

  private final EffectiveModel base;
  private final MetadataLoader loader;
  private final Sentences text;

  ModelEdits(EffectiveModel base, MetadataLoader loader, Sentences text) {
    this.base = base;
    this.loader = loader;
    this.text = text;
  }

  /** A new item (POST): the body names it; it must not exist yet. */
  ItemChange create(MetadataKind kind, JsonNode body) {
    ObjectNode object = object(body, "");
    JsonNode name = object.get("name");
    if (name == null || !name.isString() || name.asString().isBlank()) {
      throw new MetaAdminException(422, "invalid_metadata", text.get("name_missing"),
          problem("/name", text.get("name_property_missing")));
    }
    ModelItem item = new ModelItem(kind, name.asString());
    if (base.files().containsKey(item)) {
      throw new MetaAdminException(409, "already_exists", text.get("item_exists", item));
    }
    return new ItemChange(item, object);
  }

  /** An item replaced as a whole (PUT); its name comes from the path. */
  ItemChange replace(MetadataKind kind, String name, JsonNode body) {
    ModelItem item = existing(kind, name);
    return new ItemChange(item, named(object(body, ""), name, "/name"));
  }

  ItemChange delete(MetadataKind kind, String name) {
    return new ItemChange(existing(kind, name), null);
  }

  ItemChange addField(String entity, JsonNode field) {
    ObjectNode body = current(existing(MetadataKind.ENTITY, entity));
    ObjectNode added = object(field, "");
    String name = added.path("name").asString("");
    if (indexOf(body.withArray("fields"), "name", name) >= 0) {
      throw new MetaAdminException(409, "already_exists", text.get("field_exists", entity, name));
    }
    body.withArray("fields").add(added);
    return new ItemChange(new ModelItem(MetadataKind.ENTITY, entity), body);
  }

  ItemChange replaceField(String entity, String field, JsonNode replacement) {
    ObjectNode body = current(existing(MetadataKind.ENTITY, entity));
    ArrayNode fields = body.withArray("fields");
    int at = fieldIndex(entity, fields, field);
    fields.set(at, named(object(replacement, ""), field, "/fields/" + at + "/name"));
    return new ItemChange(new ModelItem(MetadataKind.ENTITY, entity), body);
  }

  /** Removes a field and its mentions in list columns, form sections and search fields. */
  ItemChange deleteField(String entity, String field) {
    ObjectNode body = current(existing(MetadataKind.ENTITY, entity));
    ArrayNode fields = body.withArray("fields");
    fields.remove(fieldIndex(entity, fields, field));
    removeName(body.path("list").path("columns"), field);
    body.path("form").path("sections").forEach(section -> removeName(section.path("fields"), field));
    removeName(body.path("search").path("fields"), field);
    return new ItemChange(new ModelItem(MetadataKind.ENTITY, entity), body);
  }

  ItemChange addOption(String list, JsonNode option) {
    ObjectNode body = current(existing(MetadataKind.OPTION_LIST, list));
    ObjectNode added = object(option, "");
    ArrayNode options = body.withArray("options");
    String code = added.path("code").asString("");
    if (indexOf(options, "code", code) >= 0) {
      throw new MetaAdminException(409, "already_exists", text.get("option_exists", list, code));
    }
    if (!added.has("order")) {
      // An option without "order" sorts as its position times 10 (MetadataBinder): after the last of those.
      int last = 0;
      for (int i = 0; i < options.size(); i++) {
        last = Math.max(last, options.get(i).path("order").asInt((i + 1) * 10));
      }
      added.put("order", last + 1);
    }
    options.add(added);
    return new ItemChange(new ModelItem(MetadataKind.OPTION_LIST, list), body);
  }

  ItemChange replaceOption(String list, String code, JsonNode replacement) {
    ObjectNode body = current(existing(MetadataKind.OPTION_LIST, list));
    ArrayNode options = body.withArray("options");
    int at = optionIndex(list, options, code);
    ObjectNode option = object(replacement, "");
    JsonNode sent = option.get("code");
    if (sent != null && !sent.asString("").equals(code)) {
      throw new MetaAdminException(422, "invalid_metadata", text.get("code_fixed"),
          problem("/options/" + at + "/code", text.get("code_must_stay", code)));
    }
    option.put("code", code);
    if (!option.has("order")) {
      option.set("order", options.get(at).get("order"));
    }
    options.set(at, option);
    return new ItemChange(new ModelItem(MetadataKind.OPTION_LIST, list), body);
  }

  ItemChange deleteOption(String list, String code) {
    ObjectNode body = current(existing(MetadataKind.OPTION_LIST, list));
    ArrayNode options = body.withArray("options");
    options.remove(optionIndex(list, options, code));
    return new ItemChange(new ModelItem(MetadataKind.OPTION_LIST, list), body);
  }

  private ModelItem existing(MetadataKind kind, String name) {
    ModelItem item = new ModelItem(kind, name);
    if (!base.files().containsKey(item)) {
      throw new MetaAdminException(404, "not_found", text.get("no_item", item));
    }
    return item;
  }

  private ObjectNode current(ModelItem item) {
    ObjectNode body = base.body(item, loader);
    return body == null ? null : body.deepCopy();
  }

  private int fieldIndex(String entity, ArrayNode fields, String field) {
    int at = indexOf(fields, "name", field);
    if (at < 0) {
      throw new MetaAdminException(404, "not_found", text.get("no_field", entity, field));
    }
    return at;
  }

  private int optionIndex(String list, ArrayNode options, String code) {
    int at = indexOf(options, "code", code);
    if (at < 0) {
      throw new MetaAdminException(404, "not_found", text.get("no_option", list, code));
    }
    return at;
  }

  private static int indexOf(ArrayNode items, String key, String value) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).path(key).asString("").equals(value)) {
        return i;
      }
    }
    return -1;
  }

  private static void removeName(JsonNode names, String name) {
    if (names instanceof ArrayNode array) {
      for (int i = array.size() - 1; i >= 0; i--) {
        if (array.get(i).asString("").equals(name)) {
          array.remove(i);
        }
      }
    }
  }

  private ObjectNode named(ObjectNode body, String name, String pointer) {
    JsonNode sent = body.get("name");
    if (sent != null && !sent.asString("").equals(name)) {
      throw new MetaAdminException(422, "invalid_metadata", text.get("rename_refused", name),
          problem(pointer, text.get("name_must_be", name)));
    }
    body.put("name", name);
    return body;
  }

  private ObjectNode object(JsonNode body, String pointer) {
    if (body == null || !body.isObject()) {
      throw new MetaAdminException(422, "invalid_metadata", text.get("one_object"),
          problem(pointer, text.get("one_object_detail")));
    }
    return ((ObjectNode) body).deepCopy();
  }

  private static ObjectNode problem(String pointer, String message) {
    ObjectNode details = io.kith.fieldtype.Json.object();
    details.putArray("problems").addObject().put("file", "").put("field", pointer).put("message", message);
    return details;
  }

  static List<ItemChange> one(ItemChange change) {
    return List.of(change);
  }
}
