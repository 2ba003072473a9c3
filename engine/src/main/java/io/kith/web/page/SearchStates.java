package io.kith.web.page;

import io.kith.fieldtype.FieldTypes;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataSnapshot;
import io.kith.render.SearchFields;
import io.kith.render.SearchForm;
import io.kith.savedsearch.SavedSearchService;
import io.kith.savedsearch.SavedSearchService.Opened;
import io.kith.support.SnapshotCache;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Works out which search an advanced search request means. With {@code match} in the parameters the
 * form is the search; without it, {@code saved=<id>} opens a saved search (read leniently) and shows
 * it in the form; with neither, nothing has been searched yet. Used by the page, the export and the
 * save action alike, so they always agree on the query.
 */
final class SearchStates {

  /** Parameters that are notices or one-off actions, never part of a search. */
  static final Set<String> TRANSIENT = Set.of("jump", "lang", "deactivated", "deleted", "saved_notice", "_csrf",
      "ids", "back", "name", "shared", "save_as");
  static final String SAVED = "saved";

  private static final Pattern ROW = Pattern.compile("(c\\d{1,4})\\.(field|op|value|to|group)");
  private static final Pattern GROUP = Pattern.compile("g(\\d{1,4})\\.match");

  private final FieldTypes fieldTypes;
  private final SavedSearchService searches;
  private final SnapshotCache<SearchFields> fields = new SnapshotCache<>();

  SearchStates(FieldTypes fieldTypes, SavedSearchService searches) {
    this.fieldTypes = fieldTypes;
    this.searches = searches;
  }

  /**
   * A resolved search.
   *
   * @param params the search as form parameters (blank rows and notices removed)
   * @param json the query document to run, or null when nothing has been searched
   * @param converted the form's conversion (paths of rows), or null when the form cannot show the search
   * @param saved the saved search named by {@code saved}, or null
   * @param opened whether the saved search was just opened (its dropped conditions are news)
   */
  record State(MultiValueMap<String, String> params, SearchForm.Parsed form, SearchForm.Converted converted,
      JsonNode json, Opened saved, boolean opened) {

    boolean representable() {
      return json == null || converted != null;
    }
  }

  SearchFields fields(MetadataSnapshot snapshot, EntityDef entity) {
    return fields.get(snapshot, entity.name(), k -> new SearchFields(entity, fieldTypes));
  }

  Mono<State> resolve(MetadataSnapshot snapshot, EntityDef entity, MultiValueMap<String, String> raw,
      Optional<Long> viewer) {
    MultiValueMap<String, String> params = normalise(raw);
    Long savedId = savedId(params.getFirst(SAVED));
    if (savedId == null) {
      params.remove(SAVED);
      return Mono.just(fromForm(snapshot, entity, params, null, false));
    }
    return searches.open(savedId, viewer)
        .filter(opened -> opened.search().entity().equals(entity.name()))
        .switchIfEmpty(Mono.error(() -> new io.kith.record.RecordException(
            io.kith.record.RecordException.Reason.NOT_FOUND, "saved_search_not_found", savedId)))
        .map(opened -> {
          if (params.containsKey(SearchForm.MATCH)) {
            return fromForm(snapshot, entity, params, opened, false);
          }
          SearchFields targets = fields(snapshot, entity);
          Map<String, List<String>> form = SearchForm.fromJson(targets, opened.query().json());
          if (form == null) {
            MultiValueMap<String, String> kept = new LinkedMultiValueMap<>();
            kept.add(SAVED, String.valueOf(savedId));
            copy(params, kept, SearchForm.PAGE);
            copy(params, kept, "jump");
            return new State(kept, SearchForm.parse(Map.of()), null, opened.query().json(), opened, true);
          }
          MultiValueMap<String, String> fromSaved = new LinkedMultiValueMap<>(form);
          fromSaved.add(SAVED, String.valueOf(savedId));
          copy(params, fromSaved, SearchForm.PAGE);
          copy(params, fromSaved, "jump");
          return fromForm(snapshot, entity, fromSaved, opened, true);
        });
  }

  private State fromForm(MetadataSnapshot snapshot, EntityDef entity, MultiValueMap<String, String> params,
      Opened saved, boolean opened) {
    SearchForm.Parsed form = SearchForm.parse(params);
    if (!params.containsKey(SearchForm.MATCH)) {
      return new State(params, form, null, null, saved, opened);
    }
    SearchForm.Converted converted = SearchForm.toJson(fields(snapshot, entity), form);
    return new State(params, form, converted, converted.json(), saved, opened);
  }

  /** The search parameters without blanks, blank rows, empty groups or notices. */
  static MultiValueMap<String, String> normalise(MultiValueMap<String, String> raw) {
    MultiValueMap<String, String> kept = new LinkedMultiValueMap<>();
    raw.forEach((name, values) -> {
      List<String> nonBlank = values.stream().filter(v -> !v.isBlank()).toList();
      if (!nonBlank.isEmpty() && (!TRANSIENT.contains(name) || name.equals("jump"))) {
        kept.put(name, nonBlank);
      }
    });
    java.util.Set<String> liveRows = new java.util.HashSet<>();
    java.util.Set<String> liveGroups = new java.util.HashSet<>();
    kept.forEach((name, values) -> {
      Matcher m = ROW.matcher(name);
      if (m.matches() && m.group(2).equals("field")) {
        liveRows.add(m.group(1));
        String group = kept.getFirst(m.group(1) + ".group");
        if (group != null) {
          liveGroups.add(group);
        }
      }
    });
    kept.keySet().removeIf(name -> {
      Matcher row = ROW.matcher(name);
      Matcher group = GROUP.matcher(name);
      return row.matches() && !liveRows.contains(row.group(1)) || group.matches() && !liveGroups.contains(group.group(1));
    });
    return kept;
  }

  /** Parameters that describe the search (for forms that re-send it): no page, jump or notice. */
  static MultiValueMap<String, String> searchOnly(MultiValueMap<String, String> params) {
    MultiValueMap<String, String> out = new LinkedMultiValueMap<>(params);
    out.remove(SearchForm.PAGE);
    out.remove("jump");
    return out;
  }

  private static void copy(MultiValueMap<String, String> from, MultiValueMap<String, String> to, String name) {
    if (from.containsKey(name)) {
      to.put(name, from.get(name));
    }
  }

  private static Long savedId(String text) {
    if (text == null) {
      return null;
    }
    try {
      long id = Long.parseLong(text.strip());
      return id > 0 ? id : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
