package io.kith.web.page;

import io.kith.access.Action;
import io.kith.i18n.KithLocale;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.query.Filter;
import io.kith.query.Query;
import io.kith.query.QueryReader;
import io.kith.metadata.SortSpec;
import io.kith.record.DisplayNames;
import io.kith.record.RecordException;
import io.kith.record.RecordService;
import io.kith.security.CurrentUser;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The search page's "Add to / Remove from" actions for multi-reference fields (contacts into a
 * group, a tag onto contacts): the ticked records, or the whole result, through
 * {@link RecordService#editLinks}, the service {@code POST /api/v1/{entity}/links/{field}} uses.
 */
final class SearchLinksHandler {

  private final RecordService records;
  private final QueryReader reader;
  private final SearchStates states;
  private final CurrentUser currentUser;
  private final PageModel pages;
  private final SearchPageHandler page;

  SearchLinksHandler(RecordService records, QueryReader reader, SearchStates states,
      CurrentUser currentUser, PageModel pages, SearchPageHandler page) {
    this.records = records;
    this.reader = reader;
    this.states = states;
    this.currentUser = currentUser;
    this.pages = pages;
    this.page = page;
  }

  /**
   * {@code POST /app/{entity}/search/links}: {@code link=<field>:add|remove}, {@code target.<field>}
   * the chosen target, {@code ids} the ticked records or {@code all_results=true} with the search's
   * own parameters. Goes back to the results with what changed, or with the problem.
   */
  Mono<ServerResponse> edit(ServerRequest request) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    EntityDef entity = RecordService.entity(snapshot, request.pathVariable("entity"));
    KithLocale locale = RequestLocale.of(request.exchange());
    String base = "/app/" + entity.name() + "/search";
    return request.formData().flatMap(form -> {
      String back = form.getFirst("back");
      String target = back != null && (back.equals(base) || back.startsWith(base + "?")) ? back : base;
      String[] link = String.valueOf(form.getFirst("link")).split(":", 2);
      String field = link[0];
      boolean add = link.length == 2 && "add".equals(link[1]);
      boolean remove = link.length == 2 && "remove".equals(link[1]);
      FieldDef def = entity.field(field).filter(f -> f.type() instanceof FieldType.MultiReference).orElse(null);
      if (def == null || !add && !remove) {
        return page.render(request, form, null, pages.text(locale, "error.not_a_multi_reference", field, field));
      }
      Long chosen = PageIds.positive(form.getFirst("target." + field));
      if (chosen == null) {
        return page.render(request, form, null, pages.text(locale, "error.required", def.label(locale)));
      }
      boolean all = "true".equals(form.getFirst("all_results"));
      List<Long> ids = SearchActionsHandler.ids(form);
      if (!all && ids.isEmpty()) {
        return page.render(request, form, null, pages.text(locale, "bulk.none_selected"));
      }
      Mono<Filter> selection = all ? filterOf(snapshot, entity, form, request) : Mono.just(NO_FILTER);
      return selection.flatMap(filter -> records.editLinks(entity.name(), field, all ? null : ids,
              filter == NO_FILTER ? null : filter, add ? List.of(chosen) : List.of(), remove ? List.of(chosen) : List.of()))
          .flatMap(done -> back(target, done.changed(), add ? "add" : "remove"))
          .onErrorResume(RecordValidationException.class,
              e -> page.render(request, form, null, message(e, def, locale)));
    });
  }

  /** Stands for "no filter: every record in the caller's scope" (a Mono cannot carry null). */
  private static final Filter NO_FILTER = new Filter.All(List.of());

  private Mono<Filter> filterOf(MetadataSnapshot snapshot, EntityDef entity, MultiValueMap<String, String> form,
      ServerRequest request) {
    return currentUser.id(request.exchange())
        .flatMap(viewer -> states.resolve(snapshot, entity, form, viewer))
        .map(state -> {
          if (state.json() == null) {
            return NO_FILTER;
          }
          Filter filter = reader.read(snapshot, entity, state.json()).filter();
          return filter == null ? NO_FILTER : filter;
        });
  }

  private String message(RecordValidationException e, FieldDef def, KithLocale locale) {
    List<String> lines = new ArrayList<>();
    for (FieldError error : e.errors()) {
      List<Object> args = new ArrayList<>();
      args.add(def.label(locale));
      error.arguments().forEach(a -> args.add(a instanceof Number ? a.toString() : a));
      lines.add(pages.text(locale, "error." + error.code(), args.toArray()));
    }
    return String.join(" ", lines);
  }

  private static Mono<ServerResponse> back(String target, long changed, String op) {
    String location = target + (target.contains("?") ? "&" : "?") + "linked=" + changed + "&link_op=" + op;
    return ServerResponse.seeOther(URI.create(location)).build();
  }
}
