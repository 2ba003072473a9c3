package io.kith.web.page;

import io.kith.access.Action;
import io.kith.i18n.KithLocale;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.record.RecordService;
import io.kith.render.FormViews;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /app/{entity}/options/{field}?parent=code&selected=code}: the {@code <option>} elements
 * of a dependent option field for one parent value, which the form's script puts into the field's
 * select when the parent changes (the form renders the same choices itself for the value it shows).
 */
final class OptionChoicesHandler {

  private final RecordService records;
  private final PageModel pages;
  private final Views views;

  OptionChoicesHandler(RecordService records, PageModel pages, Views views) {
    this.records = records;
    this.pages = pages;
    this.views = views;
  }

  Mono<ServerResponse> choices(ServerRequest request) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    EntityDef entity = RecordService.entity(snapshot, request.pathVariable("entity"));
    FieldDef field = entity.field(request.pathVariable("field"))
        .filter(f -> f.type() instanceof FieldType.Option o && o.dependsOn() != null).orElse(null);
    KithLocale locale = RequestLocale.of(request.exchange());
    return records.require(entity.name(), Action.VIEW).flatMap(access -> {
      if (field == null || access.hidden(entity.name(), field.name())) {
        return ServerResponse.notFound().build();
      }
      String parent = request.queryParam("parent").filter(p -> !p.isBlank()).orElse(null);
      List<String> selected = request.queryParam("selected").map(List::of).orElse(List.of());
      Map<String, Object> model = new HashMap<>();
      model.put("noSelection", pages.text(locale, "label.no_selection"));
      model.put("options", FormViews.choices(snapshot, field, parent, selected, locale));
      return views.render(entity.name(), "options", model);
    });
  }
}
