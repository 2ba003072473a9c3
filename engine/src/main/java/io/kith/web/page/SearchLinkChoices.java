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
import io.kith.render.LinkActionView;
import io.kith.security.CurrentUser;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import io.kith.web.RequestLocale;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The multi-reference fields a search result's selection can be linked through (a contact's
 * groups and tags), each with the active target records to choose from; none when the viewer may
 * not edit the entity type, and a field is left out when its targets may not be seen.
 */
final class SearchLinkChoices {

  /** Most targets offered in one field's choice list. */
  static final int MAX_CHOICES = Query.MAX_SIZE;

  private final RecordService records;
  private final PageModel pages;

  SearchLinkChoices(RecordService records, PageModel pages) {
    this.records = records;
    this.pages = pages;
  }

  /** The link actions offered for {@code entity}: none when the viewer may not edit it. */
  Mono<List<LinkActionView>> actions(MetadataSnapshot snapshot, EntityDef entity, KithLocale locale) {
    List<FieldDef> fields = entity.fields().stream()
        .filter(f -> f.type() instanceof FieldType.MultiReference && !f.readOnly() && !f.hidden()).toList();
    if (fields.isEmpty()) {
      return Mono.just(List.of());
    }
    return records.require(entity.name(), Action.EDIT)
        .flatMapMany(access -> Flux.fromIterable(fields)
            .filter(f -> !access.hidden(entity.name(), f.name()) && !access.readOnly(entity.name(), f.name()))
            .concatMap(field -> action(snapshot, field, locale)))
        .collectList()
        .onErrorResume(RecordException.class, e -> Mono.just(List.of()));
  }

  private Mono<LinkActionView> action(MetadataSnapshot snapshot, FieldDef field, KithLocale locale) {
    String target = ((FieldType.MultiReference) field.type()).entity();
    EntityDef targetDef = RecordService.entity(snapshot, target);
    Query query = new Query(target, new Filter.Condition("active", io.kith.query.Operator.EQ, true),
        List.of(new SortSpec("id", false)), 1, MAX_CHOICES, List.of());
    return records.list(target, query)
        .map(page -> page.items().stream()
            .map(r -> new LinkActionView.Choice(r.get("id").asLong(), DisplayNames.render(targetDef, r))).toList())
        .map(choices -> new LinkActionView(field.name(), field.label(locale),
            pages.text(locale, "bulk.link_add", field.label(locale)),
            pages.text(locale, "bulk.link_remove", field.label(locale)), choices))
        .onErrorResume(RecordException.class, e -> Mono.empty());
  }

}
