package io.kith.web.page;

import io.kith.export.CsvExport;
import io.kith.fieldtype.Json;
import io.kith.i18n.KithLocale;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataSnapshot;
import io.kith.query.Query;
import io.kith.query.QueryReader;
import io.kith.record.RecordService;
import io.kith.savedsearch.SavedSearchDraft;
import io.kith.savedsearch.SavedSearchService;
import io.kith.security.CurrentUser;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import io.kith.web.CsvResponses;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the advanced search page does besides showing results: export them as CSV (all of them by
 * GET, or the ticked ones by POST), deactivate the ticked ones, save the search, delete a saved one.
 * Every POST comes from a form carrying the CSRF token.
 */
final class SearchActionsHandler {

  private final RecordService records;
  private final QueryReader reader;
  private final SavedSearchService searches;
  private final SearchStates states;
  private final CsvExport export;
  private final CurrentUser currentUser;
  private final SearchPageHandler page;
  private final PageModel pages;

  SearchActionsHandler(RecordService records, QueryReader reader,
      SavedSearchService searches, SearchStates states, CsvExport export, CurrentUser currentUser,
      SearchPageHandler page, PageModel pages) {
    this.records = records;
    this.reader = reader;
    this.searches = searches;
    this.states = states;
    this.export = export;
    this.currentUser = currentUser;
    this.page = page;
    this.pages = pages;
  }

  /** {@code GET /app/{entity}/search/export?<the search>}: every result, with the chosen columns. */
  Mono<ServerResponse> exportAll(ServerRequest request) {
    return exportOf(request, request.queryParams(), List.of());
  }

  /** {@code POST /app/{entity}/search/export}: the ticked results only (all when none is ticked). */
  Mono<ServerResponse> exportSelected(ServerRequest request) {
    return request.formData().flatMap(form -> exportOf(request, form, ids(form)));
  }

  private Mono<ServerResponse> exportOf(ServerRequest request, MultiValueMap<String, String> params, List<Long> ids) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    EntityDef entity = RecordService.entity(snapshot, request.pathVariable("entity"));
    KithLocale locale = RequestLocale.of(request.exchange());
    return currentUser.id(request.exchange())
        .flatMap(viewer -> states.resolve(snapshot, entity, params, viewer))
        .flatMap(state -> {
          if (state.json() == null) {
            return page.render(request, params, null);
          }
          ObjectNode json = ((ObjectNode) state.json()).deepCopy();
          if (!ids.isEmpty()) {
            ObjectNode byId = Json.object().put("field", "id").put("op", "in");
            ids.forEach(byId.putArray("value")::add);
            JsonNode filter = json.get("filter");
            if (filter == null) {
              json.set("filter", byId);
            } else {
              json.putObject("filter").putArray("and").add(filter).add(byId);
            }
          }
          Query query;
          try {
            query = reader.read(snapshot, entity, json);
          } catch (RecordValidationException e) {
            return page.render(request, params, null);
          }
          return CsvResponses.attachment(export.fileName(entity), export.csv(snapshot, entity, query, locale));
        });
  }

  /** Deactivates the ticked results and goes back to the same results page. */
  Mono<ServerResponse> deactivate(ServerRequest request) {
    EntityDef entity = RecordService.entity(RequestSnapshot.of(request), request.pathVariable("entity"));
    String base = "/app/" + entity.name() + "/search";
    return request.formData().flatMap(form -> {
      String back = form.getFirst("back");
      String target = back != null && (back.equals(base) || back.startsWith(base + "?")) ? back : base;
      List<Long> ids = ids(form);
      if (ids.isEmpty()) {
        return redirect(target);
      }
      return records.setActive(entity.name(), ids, false)
          .flatMap(count -> redirect(target + (target.contains("?") ? "&" : "?") + "deactivated=" + count));
    });
  }

  /** Saves the search shown as a new saved search, or as changes to the saved one being edited. */
  Mono<ServerResponse> save(ServerRequest request) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    EntityDef entity = RecordService.entity(snapshot, request.pathVariable("entity"));
    KithLocale locale = RequestLocale.of(request.exchange());
    return Mono.zip(request.formData(), currentUser.id(request.exchange())).flatMap(t -> {
      MultiValueMap<String, String> form = t.getT1();
      Optional<Long> viewer = t.getT2();
      return states.resolve(snapshot, entity, form, viewer).flatMap(state -> {
        ObjectNode query = state.json() == null ? Json.object() : ((ObjectNode) state.json()).deepCopy();
        SavedSearchDraft draft = new SavedSearchDraft(entity.name(),
            Optional.ofNullable(form.getFirst("name")).map(String::strip).orElse(""), query,
            "true".equals(form.getFirst("shared")));
        boolean update = "update".equals(form.getFirst("save_as")) && state.saved() != null;
        return (update ? searches.update(state.saved().search().id(), draft, viewer) : searches.create(draft, viewer))
            .flatMap(saved -> redirect("/app/" + entity.name() + "/search?saved=" + saved.id() + "&saved_notice=1"))
            .onErrorResume(RecordValidationException.class,
                e -> page.render(request, form, saveError(e, locale)));
      });
    });
  }

  /** Deletes one of the viewer's saved searches. */
  Mono<ServerResponse> delete(ServerRequest request) {
    EntityDef entity = RecordService.entity(RequestSnapshot.of(request), request.pathVariable("entity"));
    long id = PageIds.id(request);
    return currentUser.id(request.exchange())
        .flatMap(viewer -> searches.delete(id, viewer))
        .then(redirect("/app/" + entity.name() + "/search?deleted=1"));
  }

  private String saveError(RecordValidationException e, KithLocale locale) {
    return e.errors().stream().map(error -> {
      List<Object> args = new ArrayList<>();
      args.add(pages.text(locale, "search.part." + (error.field().startsWith("query") ? "filter" : "name")));
      error.arguments().forEach(a -> args.add(a instanceof Number ? a.toString() : a));
      return pages.text(locale, "error." + error.code(), args.toArray());
    }).collect(Collectors.joining(" "));
  }

  static List<Long> ids(MultiValueMap<String, String> form) {
    List<Long> ids = new ArrayList<>();
    for (String value : form.getOrDefault("ids", List.of())) {
      try {
        long id = Long.parseLong(value.strip());
        if (id > 0) {
          ids.add(id);
        }
      } catch (NumberFormatException ignored) {
        // a tampered checkbox value selects nothing
      }
    }
    return ids;
  }

  private static Mono<ServerResponse> redirect(String location) {
    return ServerResponse.seeOther(URI.create(location)).build();
  }
}
