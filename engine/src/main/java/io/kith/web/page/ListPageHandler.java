package io.kith.web.page;

import io.kith.i18n.KithLocale;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.SortSpec;
import io.kith.record.DisplayNames;
import io.kith.query.ListParameters;
import io.kith.query.Query;
import io.kith.record.Page;
import io.kith.record.RecordService;
import io.kith.render.Cell;
import io.kith.render.DisplayValues;
import io.kith.render.FieldView.OptionView;
import io.kith.render.ListView;
import io.kith.render.ListView.Column;
import io.kith.render.ListView.Filter;
import io.kith.render.ListView.Pager;
import io.kith.render.ListView.Param;
import io.kith.render.ListView.Row;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /app/{entity}}: the generated list with sortable columns, a simple filter, row selection
 * for bulk deactivation and the pager the CRM manual describes (totals; first, previous, next,
 * last; a jump box that ignores 0, empty and beyond-the-end and is always shown empty).
 */
final class ListPageHandler {

  private final RecordService records;
  private final ListParameters queries;
  private final DisplayValues display;
  private final PageModel pages;
  private final Views views;
  private final ReferenceLabels referenceLabels;

  ListPageHandler(RecordService records, ListParameters queries,
      DisplayValues display, PageModel pages, Views views) {
    this.records = records;
    this.queries = queries;
    this.display = display;
    this.pages = pages;
    this.views = views;
    this.referenceLabels = new ReferenceLabels(records);
  }

  Mono<ServerResponse> list(ServerRequest request) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    EntityDef entity = RecordService.entity(snapshot, request.pathVariable("entity"));
    KithLocale locale = RequestLocale.of(request.exchange());
    MultiValueMap<String, String> params = withoutBlankFilters(request.queryParams());
    return io.kith.security.Callers.id(request.exchange())
        .flatMap(me -> list(request, snapshot, entity, locale, params, ListParameters.mine(params, me)));
  }

  /** {@code params} as links keep them; {@code filters} with "my records" ({@code owner=me}) as the caller's id. */
  private Mono<ServerResponse> list(ServerRequest request, MetadataSnapshot snapshot, EntityDef entity,
      KithLocale locale, MultiValueMap<String, String> params, MultiValueMap<String, String> filters) {
    List<String> shown = columns(entity).stream().map(FieldDef::name).toList();
    Query query = queries.parseFuzzy(snapshot, entity, filters).withColumns(shown);
    Integer jump = jumpTarget(params.getFirst("jump"));
    Mono<Page> page = jump == null
        ? records.list(entity.name(), query)
        : records.list(entity.name(), withPage(query, jump))
            .flatMap(p -> jump > p.pages() ? records.list(entity.name(), query) : Mono.just(p));
    return page.flatMap(p -> {
      List<FieldDef> columns = columns(entity);
      return referenceLabels.of(DisplayValues.referencedIds(columns, p.items()))
          .zipWith(pages.base(request.exchange(), snapshot, locale, entity.name()))
          .flatMap(t -> {
            Map<String, Object> model = t.getT2();
            model.put("mine", "me".equals(params.getFirst("owner")));
            model.put("view", view(snapshot, entity, columns, p, params, query, locale, t.getT1(),
                request.queryParam("deactivated").orElse(null)));
            return views.render(entity.name(), "list", model);
          });
    });
  }

  private ListView view(MetadataSnapshot snapshot, EntityDef entity, List<FieldDef> columns, Page page,
      MultiValueMap<String, String> params, Query query, KithLocale locale,
      Map<String, Map<Long, String>> labels, String deactivated) {
    String base = "/app/" + entity.name();
    SortSpec sort = query.sort().isEmpty() ? null : query.sort().get(0);
    List<Column> heads = new ArrayList<>();
    for (FieldDef field : columns) {
      boolean sortable = field.type().hasColumn();
      String state = sort != null && sort.name().equals(field.name()) ? (sort.descending() ? "desc" : "asc") : "";
      String next = "asc".equals(state) ? "-" + field.name() : field.name();
      heads.add(new Column(field.name(), field.label(locale),
          sortable ? url(base, params, Map.of("sort", next, "page", "1")) : null, state));
    }
    List<Row> rows = new ArrayList<>();
    for (ObjectNode record : page.items()) {
      List<List<Cell>> cells = new ArrayList<>();
      for (FieldDef field : columns) {
        cells.add(display.cells(snapshot, field, record.get(field.name()), locale, labels));
      }
      long id = record.get("id").asLong();
      rows.add(new Row(id, base + "/" + id, DisplayNames.render(entity, record), record.get("active").asBoolean(), cells));
    }
    String notice = deactivated == null ? null : pages.text(locale, "bulk.deactivated", deactivated);
    return new ListView(entity.name(), entity.pluralLabel(locale),
        pages.text(locale, "action.new", entity.label(locale)), heads, rows,
        filters(snapshot, entity, columns, params, locale), pager(base, page, params, locale), notice);
  }

  private Pager pager(String base, Page page, MultiValueMap<String, String> params, KithLocale locale) {
    return Pagers.pager(base, page, params, locale, pages);
  }

  private List<Filter> filters(MetadataSnapshot snapshot, EntityDef entity, List<FieldDef> columns,
      MultiValueMap<String, String> params, KithLocale locale) {
    List<Filter> out = new ArrayList<>();
    for (FieldDef field : columns) {
      String value = params.getFirst(field.name());
      if (field.type() instanceof FieldType.Option o) {
        List<OptionView> options = snapshot.optionList(o.list()).options().stream()
            .map(opt -> new OptionView(opt.code(), opt.label(locale), opt.code().equals(value), opt.color()))
            .toList();
        out.add(new Filter(field.name(), field.label(locale), value, options));
      } else if (field.isText() || field.type().hasColumn() && !(field.type() instanceof FieldType.Reference)) {
        out.add(new Filter(field.name(), field.label(locale), value, List.of()));
      }
    }
    String active = params.getFirst("active");
    out.add(new Filter("active", pages.text(locale, "label.active"), active, List.of(
        new OptionView("true", pages.text(locale, "label.active"), "true".equals(active), null),
        new OptionView("false", pages.text(locale, "label.inactive"), "false".equals(active), null))));
    return out;
  }

  private static List<FieldDef> columns(EntityDef entity) {
    return io.kith.render.ResultColumns.defaults(entity);
  }


  /** The jump box: a page number ≥ 1, or null when empty, zero or not a number (no jump). */
  static Integer jumpTarget(String text) {
    return Pagers.jumpTarget(text);
  }

  private static Query withPage(Query query, int page) {
    return query.withPage(page);
  }

  /** Filter inputs left empty mean "no filter", not "is empty". */
  private static MultiValueMap<String, String> withoutBlankFilters(MultiValueMap<String, String> params) {
    MultiValueMap<String, String> out = new LinkedMultiValueMap<>();
    params.forEach((name, values) -> {
      List<String> kept = values.stream().filter(v -> !v.isBlank() || Set.of("jump").contains(name)).toList();
      if (!kept.isEmpty() && !name.equals("deactivated")) {
        out.put(name, kept);
      }
    });
    return out;
  }

  private static String url(String base, MultiValueMap<String, String> params, Map<String, String> changes) {
    return Pagers.url(base, params, changes);
  }

}
