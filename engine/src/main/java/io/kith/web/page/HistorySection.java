package io.kith.web.page;

import io.kith.audit.HistoryReader;
import io.kith.i18n.KithLocale;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataSnapshot;
import io.kith.render.HistoryView;
import io.kith.render.HistoryViews;
import reactor.core.publisher.Mono;

/**
 * The History section of a detail page: the newest entries of the record, with the labels of the
 * records they refer to fetched up front (one query per referenced entity type). Fields the page
 * hides ({@code hidden: true} in the metadata) are hidden in the history too.
 */
final class HistorySection {

  static final int LIMIT = 50;

  private final HistoryReader history;
  private final HistoryViews views;
  private final ReferenceLabels referenceLabels;

  HistorySection(HistoryReader history, HistoryViews views, ReferenceLabels referenceLabels) {
    this.history = history;
    this.views = views;
    this.referenceLabels = referenceLabels;
  }

  Mono<HistoryView> of(MetadataSnapshot snapshot, EntityDef entity, long id, KithLocale locale) {
    return io.kith.access.AccessContext.current().flatMap(access -> history.page(entity.name(), id, 1, LIMIT,
            field -> !access.hidden(entity.name(), field) && entity.field(field).map(f -> !f.hidden()).orElse(true)))
        .flatMap(page -> referenceLabels.of(HistoryViews.referencedIds(entity, page))
            .map(labels -> views.view(snapshot, entity, page, locale, labels)));
  }
}
