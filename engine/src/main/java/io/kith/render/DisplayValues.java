package io.kith.render;

import io.kith.i18n.KithLocale;
import io.kith.i18n.Messages;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Formats stored values for people: option labels in their language, Yes/No, local date-times,
 * labelled links to referenced records. Escaping is the template's job (auto-escaped .ftlh).
 */
public final class DisplayValues {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Messages messages;
  private final ZoneId zone;

  public DisplayValues(Messages messages, ZoneId zone) {
    this.messages = messages;
    this.zone = zone;
  }

  /** Ids referenced by {@code fields} in {@code records}, by target entity type. */
  public static Map<String, Set<Long>> referencedIds(List<FieldDef> fields, List<? extends JsonNode> records) {
    Map<String, Set<Long>> out = new HashMap<>();
    for (FieldDef field : fields) {
      String target = field.type() instanceof FieldType.Reference r ? r.entity()
          : field.type() instanceof FieldType.MultiReference m ? m.entity() : null;
      if (target == null) {
        continue;
      }
      for (JsonNode record : records) {
        JsonNode value = record.get(field.name());
        if (value != null && value.isArray()) {
          value.forEach(id -> out.computeIfAbsent(target, t -> new HashSet<>()).add(id.asLong()));
        } else if (value != null && value.isNumber()) {
          out.computeIfAbsent(target, t -> new HashSet<>()).add(value.asLong());
        }
      }
    }
    return out;
  }

  public List<Cell> cells(MetadataSnapshot snapshot, FieldDef field, JsonNode value, KithLocale locale,
      Map<String, Map<Long, String>> labels) {
    List<Cell> out = new ArrayList<>();
    if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
      return out;
    }
    FieldType type = field.type();
    if (type instanceof FieldType.Option o) {
      out.add(Cell.plain(optionLabel(snapshot, o.list(), value.asString(), locale)));
    } else if (type instanceof FieldType.Computed c && c.derivation() instanceof io.kith.metadata.Derivation.Status st) {
      out.add(Cell.plain(optionLabel(snapshot, st.list(), value.asString(), locale)));
    } else if (type instanceof FieldType.MultiOption m) {
      value.forEach(code -> out.add(Cell.plain(optionLabel(snapshot, m.list(), code.asString(), locale))));
    } else if (type instanceof FieldType.Reference r) {
      out.add(reference(r.entity(), value.asLong(), labels));
    } else if (type instanceof FieldType.MultiReference r) {
      value.forEach(id -> out.add(reference(r.entity(), id.asLong(), labels)));
    } else if (type instanceof FieldType.Bool) {
      out.add(Cell.plain(messages.get(locale, value.asBoolean() ? "label.yes" : "label.no")));
    } else if (type instanceof FieldType.DateTime) {
      out.add(Cell.plain(OffsetDateTime.parse(value.asString()).atZoneSameInstant(zone).format(MINUTES)));
    } else if (type instanceof FieldType.Email) {
      out.add(new Cell(value.asString(), "mailto:" + value.asString()));
    } else if (type instanceof FieldType.Url) {
      out.add(new Cell(value.asString(), value.asString()));
    } else {
      out.add(Cell.plain(value.asString()));
    }
    return out;
  }

  /** A system timestamp in local time. */
  public String timestamp(JsonNode value) {
    return value == null || value.isNull() ? "" : OffsetDateTime.parse(value.asString()).atZoneSameInstant(zone).format(MINUTES);
  }

  private static Cell reference(String entity, long id, Map<String, Map<Long, String>> labels) {
    String label = labels.getOrDefault(entity, Map.of()).getOrDefault(id, "#" + id);
    return new Cell(label, "/app/" + entity + "/" + id);
  }

  private static String optionLabel(MetadataSnapshot snapshot, String list, String code, KithLocale locale) {
    return snapshot.optionList(list).option(code).map(o -> o.label(locale)).orElse(code);
  }

}
