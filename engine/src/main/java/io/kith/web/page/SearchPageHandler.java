package io.kith.web.page;

import io.kith.i18n.KithLocale;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.SortSpec;
import io.kith.query.LenientQuery;
import io.kith.query.Query;
import io.kith.query.QueryReader;
import io.kith.record.DisplayNames;
import io.kith.record.Page;
import io.kith.record.RecordService;
import io.kith.render.Cell;
import io.kith.render.DisplayValues;
import io.kith.render.ListView;
import io.kith.render.ListView.Param;
import io.kith.render.ResultColumns;
import io.kith.render.SearchFields;
import io.kith.render.SearchView;
import io.kith.render.SearchView.Results;
import io.kith.render.SearchView.SavedItem;
import io.kith.render.SearchView.SavedView;
import io.kith.render.SearchViews;
import io.kith.savedsearch.SavedSearch;
import io.kith.savedsearch.SavedSearchService;
import io.kith.security.CurrentUser;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /app/{entity}/search}: the advanced search page, generated from metadata. The form is sent
 * by GET so results are bookmarkable; it becomes query JSON ({@link io.kith.render.SearchForm}) and
 * is checked by the {@link QueryReader}, whose problems come back beside the row they concern.
 */
final class SearchPageHandler {

  private final RecordService records;
  private final QueryReader reader;
  private final SavedSearchService searches;
  private final SearchStates states;
  private final SearchViews searchViews;
  private final DisplayValues display;
  private final PageModel pages;
  private final Views views;
  private final CurrentUser currentUser;
  private final ReferenceLabels referenceLabels;
  private final SearchLinkChoices links;

  SearchPageHandler(RecordService records, QueryReader reader, SavedSearchService searches,
      SearchStates states, SearchViews searchViews, DisplayValues display, PageModel pages, Views views,
      CurrentUser currentUser, SearchLinkChoices links) {
    this.links = links;
    this.records = records;
    this.reader = reader;
    this.searches = searches;
    this.states = states;
    this.searchViews = searchViews;
    this.display = display;
    this.pages = pages;
    this.views = views;
    this.currentUser = currentUser;
    this.referenceLabels = new ReferenceLabels(records);
  }

  Mono<ServerResponse> page(ServerRequest request) {
    return render(request, request.queryParams(), null);
  }

  /** Renders the page for {@code params}; {@code saveError} is shown beside the save form. */
  Mono<ServerResponse> render(ServerRequest request, MultiValueMap<String, String> params, String saveError) {
    return render(request, params, saveError, null);
  }

  /** As above, with {@code linkError} shown beside the selection's group and tag actions. */
  Mono<ServerResponse> render(ServerRequest request, MultiValueMap<String, String> params, String saveError,
      String linkError) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    EntityDef entity = RecordService.entity(snapshot, request.pathVariable("entity"));
    KithLocale locale = RequestLocale.of(request.exchange());
    return records.require(entity.name(), io.kith.access.Action.VIEW).then(currentUser.id(request.exchange()))
        .flatMap(viewer -> states.resolve(snapshot, entity, params, viewer)
        .flatMap(state -> {
          Outcome outcome = read(snapshot, entity, state, locale);
          Mono<Optional<Page>> results = outcome.query == null ? Mono.just(Optional.empty())
              : run(entity, outcome.query, state.params().getFirst("jump")).map(Optional::of);
          return Mono.zip(results, searches.list(entity.name(), viewer).collectList(),
                  referenceLabels.of(SearchViews.referencedIds(states.fields(snapshot, entity), state.form())),
                  pages.base(request.exchange(), snapshot, locale, entity.name()), links.actions(snapshot, entity, locale))
              .flatMap(t -> resultLabels(entity, outcome.query, t.getT1()).flatMap(labels -> {
                Map<String, Object> model = t.getT4();
                model.put("linkActions", t.getT5());
                if (linkError != null) {
                  model.put("linkError", linkError);
                }
                model.put("view", view(snapshot, entity, state, outcome, t.getT1().orElse(null), labels, t.getT2(),
                    t.getT3(), viewer, locale, request.queryParams(), saveError));
                boolean refused = outcome.query == null && !outcome.errors.isEmpty() || !outcome.rowErrors.isEmpty();
                HttpStatus status = refused || saveError != null || linkError != null ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
                return views.render(entity.name(), "search", model, status);
              }));
        }));
  }

  /** The query to run (null when none) and the problems found, by row and for the whole form. */
  private record Outcome(Query query, Map<String, String> rowErrors, List<String> errors, List<String> dropped) {}

  private Outcome read(MetadataSnapshot snapshot, EntityDef entity, SearchStates.State state, KithLocale locale) {
    List<String> dropped = new ArrayList<>();
    if (state.saved() != null && state.opened()) {
      for (LenientQuery.Dropped d : state.saved().query().dropped()) {
        dropped.add(pages.text(locale, "search.dropped." + d.part().name().toLowerCase(java.util.Locale.ROOT), d.describe()));
      }
    }
    if (state.json() == null) {
      return new Outcome(null, Map.of(), List.of(), dropped);
    }
    if (!state.representable()) {
      Query saved = state.saved().query().query();
      Integer page = Pagers.jumpTarget(state.params().getFirst("page"));
      List<String> notes = List.of(pages.text(locale, "search.not_representable"));
      return new Outcome(page == null ? saved : saved.withPage(page), Map.of(), notes, dropped);
    }
    try {
      return new Outcome(reader.read(snapshot, entity, state.json()), Map.of(), List.of(), dropped);
    } catch (RecordValidationException e) {
      SearchFields fields = states.fields(snapshot, entity);
      Map<String, String> rowErrors = new LinkedHashMap<>();
      List<String> errors = new ArrayList<>();
      for (FieldError error : e.errors()) {
        String row = state.converted().rowOf(error.field());
        if (row != null) {
          String field = state.params().getFirst(row + ".field");
          SearchFields.Target target = fields.get(field);
          String label = target == null ? field : searchViews.label(target, locale);
          rowErrors.merge(row, message(locale, label, error), (a, b) -> a + " " + b);
        } else {
          errors.add(message(locale, pages.text(locale, "search.part." + part(error.field())), error));
        }
      }
      return new Outcome(null, rowErrors, errors, dropped);
    }
  }

  private String message(KithLocale locale, String label, FieldError error) {
    List<Object> args = new ArrayList<>();
    args.add(label);
    error.arguments().forEach(a -> args.add(a instanceof Number ? a.toString() : a));
    return pages.text(locale, "error." + error.code(), args.toArray());
  }

  private static String part(String path) {
    String head = path.replaceAll("[.\\[].*$", "");
    return List.of("sort", "size", "page", "columns", "filter").contains(head) ? head : "filter";
  }

  /** A page of results; a jump beyond the last page stays where it was. */
  private Mono<Page> run(EntityDef entity, Query query, String jumpText) {
    Integer jump = Pagers.jumpTarget(jumpText);
    if (jump == null) {
      return records.list(entity.name(), query);
    }
    return records.list(entity.name(), query.withPage(jump))
        .flatMap(p -> jump > p.pages() ? records.list(entity.name(), query) : Mono.just(p));
  }

  private Mono<Map<String, Map<Long, String>>> resultLabels(EntityDef entity, Query query, Optional<Page> page) {
    if (page.isEmpty()) {
      return Mono.just(Map.of());
    }
    return referenceLabels.of(DisplayValues.referencedIds(ResultColumns.of(entity, query.columns()), page.get().items()));
  }

  private SearchView view(MetadataSnapshot snapshot, EntityDef entity, SearchStates.State state, Outcome outcome,
      Page page, Map<String, Map<Long, String>> labels, List<SavedSearch> saved,
      Map<String, Map<Long, String>> conditionLabels, Optional<Long> viewer, KithLocale locale,
      MultiValueMap<String, String> request, String saveError) {
    String base = "/app/" + entity.name() + "/search";
    SearchFields fields = states.fields(snapshot, entity);
    SearchView.Builder builder = searchViews.builder(snapshot, fields, state.form(), outcome.rowErrors(),
        conditionLabels, locale);
    Results results = page == null ? null : results(snapshot, entity, state, outcome.query(), page, labels, locale, base);
    SavedView current = state.saved() == null ? null : new SavedView(state.saved().search().id(),
        state.saved().search().name(), state.saved().search().shared(), state.saved().search().ownedBy(viewer));
    List<SavedItem> items = saved.stream().map(s -> new SavedItem(s.id(), s.name(), s.shared(), s.ownedBy(viewer),
        base + "?saved=" + s.id(), current != null && current.id() == s.id())).toList();
    List<Param> hidden = new ArrayList<>();
    SearchStates.searchOnly(state.params()).forEach((name, values) -> values.forEach(v -> hidden.add(new Param(name, v))));
    return new SearchView(entity.name(), pages.text(locale, "search.title", entity.pluralLabel(locale)), base,
        "/app/" + entity.name(), builder, outcome.errors(), outcome.dropped(), notice(request, locale), results,
        current, items, hidden, saveError);
  }

  private Results results(MetadataSnapshot snapshot, EntityDef entity, SearchStates.State state, Query query,
      Page page, Map<String, Map<Long, String>> labels, KithLocale locale, String base) {
    List<FieldDef> columns = ResultColumns.of(entity, query.columns());
    MultiValueMap<String, String> params = state.params();
    SortSpec sort = query.sort().isEmpty() ? null : query.sort().get(0);
    List<ListView.Column> heads = new ArrayList<>();
    for (FieldDef field : columns) {
      String sorted = sort != null && sort.name().equals(field.name()) ? (sort.descending() ? "desc" : "asc") : "";
      String sortUrl = field.type().hasColumn() && state.representable()
          ? Pagers.url(base, params, Map.of("sort", field.name(), "dir", "asc".equals(sorted) ? "desc" : "asc", "page", "1"))
          : null;
      heads.add(new ListView.Column(field.name(), field.label(locale), sortUrl, sorted));
    }
    List<ListView.Row> rows = new ArrayList<>();
    for (ObjectNode record : page.items()) {
      List<List<Cell>> cells = new ArrayList<>();
      for (FieldDef field : columns) {
        cells.add(display.cells(snapshot, field, record.get(field.name()), locale, labels));
      }
      long id = record.get("id").asLong();
      rows.add(new ListView.Row(id, "/app/" + entity.name() + "/" + id, DisplayNames.render(entity, record),
          record.get("active").asBoolean(), cells));
    }
    MultiValueMap<String, String> search = SearchStates.searchOnly(params);
    String exportUrl = Pagers.url(base + "/export", search, Map.of());
    String back = Pagers.url(base, params, Map.of("page", String.valueOf(page.page())));
    return new Results(heads, rows, Pagers.pager(base, page, params, locale, pages), exportUrl, back);
  }

  private String notice(MultiValueMap<String, String> request, KithLocale locale) {
    if (request.getFirst("deactivated") != null) {
      return pages.text(locale, "bulk.deactivated", request.getFirst("deactivated").replaceAll("\\D", ""));
    }
    if (request.getFirst("linked") != null) {
      String key = "remove".equals(request.getFirst("link_op")) ? "bulk.unlinked" : "bulk.linked";
      return pages.text(locale, key, request.getFirst("linked").replaceAll("\\D", ""));
    }
    if (request.getFirst("saved_notice") != null) {
      return pages.text(locale, "search.saved_notice");
    }
    if (request.getFirst("deleted") != null) {
      return pages.text(locale, "search.deleted_notice");
    }
    return null;
  }
}
