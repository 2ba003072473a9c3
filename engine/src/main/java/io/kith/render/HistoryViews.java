package io.kith.render;

import io.kith.audit.Action;
import io.kith.audit.Change;
import io.kith.audit.HistoryEntry;
import io.kith.audit.HistoryLabels;
import io.kith.audit.HistoryPage;
import io.kith.fieldtype.Json;
import io.kith.i18n.KithLocale;
import io.kith.i18n.Messages;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns a page of history into what people read: option labels, Yes/No, referenced records'
 * names, date-times in Kith's zone, collection rows as one line each. Referenced records' labels
 * are fetched by the caller first ({@link #referencedIds}), so building the view does no I/O.
 */
public final class HistoryViews {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final DisplayValues display;
  private final Messages messages;
  private final HistoryLabels labels;

  public HistoryViews(DisplayValues display, Messages messages) {
    this.display = display;
    this.messages = messages;
    this.labels = new HistoryLabels(messages);
  }

  /** Ids of records the changes refer to (old and new values), by entity type. */
  public static Map<String, Set<Long>> referencedIds(EntityDef entity, HistoryPage page) {
    Map<String, Set<Long>> out = new HashMap<>();
    for (HistoryEntry entry : page.items()) {
      for (Change change : entry.changes()) {
        Optional<FieldDef> field = entity.field(change.field());
        if (field.isEmpty()) {
          continue;
        }
        List<FieldDef> fields = List.of(field.get());
        List<JsonNode> holders = new ArrayList<>();
        if (field.get().type() instanceof FieldType.Collection c) {
          fields = c.fields();
          rows(change.oldValue(), holders);
          rows(change.newValue(), holders);
        } else {
          holders.add(Json.object().set(change.field(), change.oldValue()));
          holders.add(Json.object().set(change.field(), change.newValue()));
        }
        DisplayValues.referencedIds(fields, holders)
            .forEach((type, ids) -> out.computeIfAbsent(type, k -> new HashSet<>()).addAll(ids));
      }
    }
    return out;
  }

  public HistoryView view(MetadataSnapshot snapshot, EntityDef entity, HistoryPage page, KithLocale locale,
      Map<String, Map<Long, String>> referenceLabels) {
    List<HistoryView.Entry> entries = new ArrayList<>();
    for (HistoryEntry entry : page.items()) {
      List<HistoryView.FieldChange> changes = new ArrayList<>();
      for (Change change : entry.changes()) {
        Optional<FieldDef> field = entity.field(change.field());
        changes.add(new HistoryView.FieldChange(change.field(), labels.of(entity, change.field(), locale),
            cells(snapshot, field, change.oldValue(), locale, referenceLabels),
            cells(snapshot, field, change.newValue(), locale, referenceLabels),
            field.map(f -> f.type() instanceof FieldType.Collection).orElse(false)));
      }
      String note = changes.isEmpty() && entry.action() == Action.UPDATE
          ? messages.get(locale, "history.no_visible_changes") : null;
      entries.add(new HistoryView.Entry(entry.action().code(),
          messages.get(locale, "history.action." + entry.action().code()),
          entry.at().format(MINUTES), entry.at().toString(), user(entry, locale), changes, note));
    }
    String more = page.total() > entries.size()
        ? messages.get(locale, "history.latest", entries.size(), page.total()) : null;
    return new HistoryView(entries, page.total(), more);
  }

  private String user(HistoryEntry entry, KithLocale locale) {
    if (entry.userId() == null) {
      return messages.get(locale, "history.anonymous");
    }
    return entry.userName() != null ? entry.userName() : messages.get(locale, "history.user", String.valueOf(entry.userId()));
  }

  private List<Cell> cells(MetadataSnapshot snapshot, Optional<FieldDef> field, JsonNode value, KithLocale locale,
      Map<String, Map<Long, String>> referenceLabels) {
    if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
      return List.of();
    }
    if (field.isEmpty()) {
      // A field since removed from the metadata (or a pseudo-field such as owner): the stored value.
      return List.of(Cell.plain(value.isArray() || value.isObject() ? value.toString() : value.asString()));
    }
    if (field.get().type() instanceof FieldType.Collection c) {
      List<Cell> rows = new ArrayList<>();
      for (JsonNode row : value) {
        rows.add(Cell.plain(row(snapshot, c, row, locale, referenceLabels)));
      }
      return rows;
    }
    return display.cells(snapshot, field.get(), value, locale, referenceLabels);
  }

  /** A collection row on one line, as CSV exports show it: the filled values, ticked boxes by label. */
  private String row(MetadataSnapshot snapshot, FieldType.Collection collection, JsonNode row, KithLocale locale,
      Map<String, Map<Long, String>> referenceLabels) {
    List<String> parts = new ArrayList<>();
    for (FieldDef child : collection.fields()) {
      JsonNode cell = row.get(child.name());
      if (child.type() instanceof FieldType.Bool) {
        if (cell != null && cell.asBoolean(false)) {
          parts.add(child.label(locale));
        }
        continue;
      }
      List<String> texts = display.cells(snapshot, child, cell, locale, referenceLabels).stream().map(Cell::text).toList();
      if (!texts.isEmpty()) {
        parts.add(String.join(", ", texts));
      }
    }
    return String.join(", ", parts);
  }

  private static void rows(JsonNode value, List<JsonNode> into) {
    if (value != null && value.isArray()) {
      value.forEach(into::add);
    }
  }
}
