package io.kith.web.page;

import io.kith.record.RecordService;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Fetches labels for referenced records: one query per target entity type, for a whole page. */
final class ReferenceLabels {

  private final RecordService records;

  ReferenceLabels(RecordService records) {
    this.records = records;
  }

  Mono<Map<String, Map<Long, String>>> of(Map<String, Set<Long>> ids) {
    return Flux.fromIterable(ids.entrySet())
        .flatMap(e -> records.labels(e.getKey(), e.getValue()).map(l -> Map.entry(e.getKey(), l)))
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }
}
