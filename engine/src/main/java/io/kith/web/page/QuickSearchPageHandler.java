package io.kith.web.page;

import io.kith.i18n.KithLocale;
import io.kith.metadata.MetadataSnapshot;
import io.kith.render.QuickSearchView;
import io.kith.render.QuickSearchView.Group;
import io.kith.render.QuickSearchView.Hit;
import io.kith.search.QuickSearch;
import io.kith.search.SearchHit;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code /app/search?q=}: the results of the search box in every page's header, by entity type. */
final class QuickSearchPageHandler {

  private final QuickSearch search;
  private final PageModel pages;

  QuickSearchPageHandler(QuickSearch search, PageModel pages) {
    this.search = search;
    this.pages = pages;
  }

  Mono<ServerResponse> search(ServerRequest request) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    KithLocale locale = RequestLocale.of(request.exchange());
    String q = request.queryParam("q").orElse("").strip();
    Mono<List<SearchHit>> hits = q.isEmpty() ? Mono.just(List.of()) : search.search(q, QuickSearch.MAX_LIMIT);
    return hits.zipWith(pages.base(request.exchange(), snapshot, locale, null))
        .flatMap(t -> {
          var model = t.getT2();
          model.put("searchQuery", q);
          model.put("view", view(snapshot, q, t.getT1(), locale));
          return ServerResponse.ok()
              .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
              .render("quick-search", model);
        });
  }

  private QuickSearchView view(MetadataSnapshot snapshot, String q, List<SearchHit> hits, KithLocale locale) {
    if (q.isEmpty()) {
      return new QuickSearchView(q, pages.text(locale, "quicksearch.title"),
          pages.text(locale, "quicksearch.prompt"), List.of());
    }
    // Hits come best first, so a group's place is that of its best hit.
    Map<String, List<Hit>> byEntity = new LinkedHashMap<>();
    for (SearchHit h : hits) {
      byEntity.computeIfAbsent(h.entity(), e -> new ArrayList<>())
          .add(new Hit(h.label(), "/app/" + h.entity() + "/" + h.id(), h.rank().code(),
              pages.text(locale, "quicksearch.rank." + h.rank().code())));
    }
    List<Group> groups = new ArrayList<>();
    byEntity.forEach((name, mine) -> snapshot.entity(name)
        .ifPresent(entity -> groups.add(new Group(name, entity.pluralLabel(locale), mine))));
    String message = hits.isEmpty() ? pages.text(locale, "quicksearch.none", q)
        : pages.text(locale, "quicksearch.found", String.valueOf(hits.size()));
    return new QuickSearchView(q, pages.text(locale, "quicksearch.results_for", q), message, groups);
  }
}
