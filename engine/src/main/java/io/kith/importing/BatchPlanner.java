package io.kith.importing;

import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.record.BulkRecords;
import io.kith.validation.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides, for one batch of rows, what each becomes: converted by the mapping, references looked
 * up, duplicates found (one query for the batch), and every new or changed record checked by the
 * record service. Writes nothing.
 *
 * <p>A row repeating the key of a record created earlier in the same batch (or changing the same
 * record twice) cannot see that record yet; in a job the batch ends just before it, and the row
 * starts the next batch, after the commit. A job plans each batch while the one before it commits
 * (see {@link ImportRunner}), so a row meeting what that batch creates or changes ({@link InFlight})
 * ends its batch in the same way. A dry run commits nothing, so it remembers the keys it would have
 * created for the whole file instead.
 */
final class BatchPlanner {

  /**
   * A planned batch.
   *
   * @param leftover rows moved to the next batch (see the class comment)
   */
  record Plan(List<Outcome> outcomes, List<CsvRow> leftover, InFlight inFlight) {}

  /**
   * What a planned batch will create and change once committed: the duplicate keys of its new
   * records and the ids of the records it updates.
   */
  record InFlight(Set<List<String>> keys, Set<Long> touched) {
    static final InFlight NONE = new InFlight(Set.of(), Set.of());

    boolean meets(List<String> key, Long match) {
      return (key != null && keys.contains(key)) || (match != null && touched.contains(match));
    }
  }

  private final BulkRecords bulk;
  private final Lookups lookups;

  BatchPlanner(BulkRecords bulk, Lookups lookups) {
    this.bulk = bulk;
    this.lookups = lookups;
  }

  /**
   * {@code fileKeys} is null in a job; in a dry run, the keys created so far in the file.
   * {@code inFlight} is what the batch committing meanwhile writes ({@link InFlight#NONE} if none).
   */
  Mono<Plan> plan(MetadataSnapshot snapshot, ImportProfile profile, RowConverter converter, List<CsvRow> rows,
      SeenKeys fileKeys, InFlight inFlight) {
    EntityDef entity = converter.entity();
    List<Converted> converted = rows.stream().map(converter::convert).toList();
    return lookups.resolveReferences(snapshot, converted)
        .then(Mono.defer(() -> duplicates(entity, profile, converted)))
        .flatMap(found -> existing(snapshot, profile, found)
            .flatMap(existing -> decide(snapshot, entity, profile, converted, found, existing, fileKeys, inFlight)));
  }

  private Mono<Map<List<String>, Set<Long>>> duplicates(EntityDef entity, ImportProfile profile, List<Converted> rows) {
    if (profile.mode() == DuplicateMode.NONE) {
      return Mono.just(Map.of());
    }
    List<List<String>> keys = new ArrayList<>();
    for (Converted row : rows) {
      row.key = RowConverter.duplicateKey(row.body, profile.key());
      if (row.key != null) {
        keys.add(row.key);
      }
    }
    return lookups.find(entity, profile.key(), keys);
  }

  private Mono<Map<Long, ObjectNode>> existing(MetadataSnapshot snapshot, ImportProfile profile,
      Map<List<String>, Set<Long>> found) {
    if (profile.mode() != DuplicateMode.UPDATE && profile.mode() != DuplicateMode.FILL) {
      return Mono.just(Map.of());
    }
    Set<Long> ids = new HashSet<>();
    found.values().stream().filter(s -> s.size() == 1).forEach(ids::addAll);
    return bulk.existing(snapshot, profile.entity(), ids);
  }

  private Mono<Plan> decide(MetadataSnapshot snapshot, EntityDef entity, ImportProfile profile, List<Converted> rows,
      Map<List<String>, Set<Long>> found, Map<Long, ObjectNode> existing, SeenKeys fileKeys,
      InFlight inFlight) {
    Set<List<String>> batchKeys = new HashSet<>();
    Set<Long> touched = new HashSet<>();
    List<Outcome> planned = new ArrayList<>();
    List<BulkRecords.Draft> drafts = new ArrayList<>();
    List<Integer> draftAt = new ArrayList<>();
    List<CsvRow> leftover = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Converted row = rows.get(i);
      Set<Long> matches = row.key == null ? Set.of() : found.getOrDefault(row.key, Set.of());
      boolean seen = row.key != null && (fileKeys != null ? fileKeys.contains(row.key) : batchKeys.contains(row.key));
      Long match = matches.size() == 1 ? matches.iterator().next() : null;
      if (fileKeys == null && (seen || (match != null && touched.contains(match)) || inFlight.meets(row.key, match))) {
        rows.subList(i, rows.size()).forEach(r -> leftover.add(r.row));
        break;
      }
      if (profile.mode() != DuplicateMode.NONE && (matches.size() > 0 || seen)) {
        if (profile.mode() == DuplicateMode.SKIP) {
          planned.add(new Outcome(row.row, Outcome.Action.SKIP, row.body, null, List.of()));
          continue;
        }
        if (matches.size() > 1) {
          planned.add(new Outcome(row.row, Outcome.Action.FAIL, row.body, null,
              List.of(FieldError.of(profile.key().get(0).field(), "ambiguous_duplicate", matches.size()))));
          continue;
        }
        if (match == null) {
          // Dry run: the record this row updates would have been created by an earlier row.
          planned.add(new Outcome(row.row, Outcome.Action.UPDATE, row.body, null, row.errors));
          continue;
        }
        touched.add(match);
        ObjectNode patch = patch(entity, row.body, existing.get(match), profile.mode());
        if (patch.isEmpty() && row.errors.isEmpty()) {
          planned.add(new Outcome(row.row, Outcome.Action.SKIP, patch, null, List.of()));
          continue;
        }
        draftAt.add(planned.size());
        drafts.add(new BulkRecords.Draft(patch, existing.get(match)));
        planned.add(new Outcome(row.row, Outcome.Action.UPDATE, patch, null, row.errors));
        continue;
      }
      if (row.key != null && fileKeys != null) {
        fileKeys.add(row.key);
      } else if (row.key != null) {
        batchKeys.add(row.key);
      }
      draftAt.add(planned.size());
      drafts.add(new BulkRecords.Draft(row.body, null));
      planned.add(new Outcome(row.row, Outcome.Action.CREATE, row.body, null, row.errors));
    }
    return bulk.check(snapshot, entity.name(), drafts).map(checked -> {
      List<Outcome> out = new ArrayList<>(planned);
      for (int d = 0; d < checked.size(); d++) {
        int at = draftAt.get(d);
        Outcome o = out.get(at);
        List<FieldError> errors = merge(o.errors(), checked.get(d).errors());
        out.set(at, errors.isEmpty() ? new Outcome(o.row(), o.action(), o.body(), checked.get(d), List.of()) : o.failed(errors));
      }
      for (int i = 0; i < out.size(); i++) {
        Outcome o = out.get(i);
        if (o.checked() == null && !o.errors().isEmpty() && o.action() != Outcome.Action.FAIL) {
          out.set(i, o.failed(o.errors()));
        }
      }
      return new Plan(out, leftover, new InFlight(batchKeys, touched));
    });
  }

  /** The row's own problems first; one message per field. */
  private static List<FieldError> merge(List<FieldError> first, List<FieldError> then) {
    Map<String, FieldError> byField = new LinkedHashMap<>();
    first.forEach(e -> byField.putIfAbsent(e.field(), e));
    then.forEach(e -> byField.putIfAbsent(e.field().replaceAll("\\[\\d+]$", ""), e));
    return List.copyOf(byField.values());
  }

  /**
   * The changes a row makes to an existing record: in update mode every field the row fills; in
   * fill mode only those the record has empty. The subtype of a stored record never changes.
   * Collection rows are added to the stored ones, never replacing them (see {@link #mergeCollections}).
   */
  static ObjectNode patch(EntityDef entity, ObjectNode body, ObjectNode existing, DuplicateMode mode) {
    ObjectNode patch = body.deepCopy();
    patch.remove("subtype");
    if (mode == DuplicateMode.FILL) {
      for (String name : new ArrayList<>(patch.propertyNames())) {
        JsonNode stored = existing.get(name);
        boolean empty = stored == null || stored.isNull() || (stored.isArray() && stored.isEmpty())
            || (stored.isString() && stored.asString().isBlank());
        if (!empty) {
          patch.remove(name);
        }
      }
    }
    if (mode == DuplicateMode.UPDATE) {
      mergeCollections(entity, patch, existing);
    }
    // A field that does not apply to the stored record's subtype is left out rather than refused.
    String subtype = existing.path("subtype").asString(null);
    for (String name : new ArrayList<>(patch.propertyNames())) {
      entity.field(name).filter(f -> !f.appliesTo(subtype) || f.type() instanceof FieldType.Computed)
          .ifPresent(f -> patch.remove(name));
    }
    return patch;
  }

  /**
   * In update mode the file's collection rows join the record's rows: a row equal to a stored one
   * (its values, ignoring case) is already there, any other is added, and no stored row is lost.
   * A collection the row adds nothing to is left out of the patch.
   */
  private static void mergeCollections(EntityDef entity, ObjectNode patch, ObjectNode existing) {
    for (String name : new ArrayList<>(patch.propertyNames())) {
      if (!(entity.field(name).map(f -> f.type() instanceof FieldType.Collection).orElse(false))) {
        continue;
      }
      tools.jackson.databind.node.ArrayNode stored = existing.get(name) instanceof tools.jackson.databind.node.ArrayNode a
          ? a.deepCopy() : patch.arrayNode();
      boolean added = false;
      for (JsonNode row : patch.get(name)) {
        boolean present = false;
        for (JsonNode old : stored) {
          present |= sameValues(row, old);
        }
        if (!present) {
          stored.add(row);
          added = true;
        }
      }
      if (added) {
        patch.set(name, stored);
      } else {
        patch.remove(name);
      }
    }
  }

  /** Whether every value of {@code row} is the stored row's value (text ignoring case). */
  private static boolean sameValues(JsonNode row, JsonNode stored) {
    for (var e : row.properties()) {
      JsonNode value = stored.get(e.getKey());
      if (value == null || !(value.isString() && e.getValue().isString()
          ? value.asString().equalsIgnoreCase(e.getValue().asString()) : value.equals(e.getValue()))) {
        return false;
      }
    }
    return true;
  }
}
