package io.kith;

import io.kith.fieldtype.FieldTypes;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataRegistry;
import io.kith.metadata.MetadataSnapshot;
import io.kith.record.RecordService;
import io.kith.search.QuickSearch;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Wires quick search. Before traffic is taken, rows without search columns (a table that just
 * joined quick search, rows written around Kith, or all rows after the search fields changed) are
 * filled in batches; start-up waits for it.
 */
@Configuration(proxyBeanMethods = false)
public class QuickSearchConfiguration {

  private static final Logger log = LoggerFactory.getLogger(QuickSearchConfiguration.class);

  /** Rows filled per entity type at start-up. */
  public record SearchBackfill(Map<String, Long> filled) {}

  @Bean
  SearchBackfill searchBackfill(RecordService records, MetadataRegistry registry) {
    Map<String, Long> filled = new LinkedHashMap<>();
    MetadataSnapshot snapshot = registry.snapshot();
    for (EntityDef entity : snapshot.entities().values()) {
      if (entity.isSearchable()) {
        long rows = records.fillSearchColumns(entity.name()).contextWrite(MetadataRegistry.pin(snapshot)).block();
        filled.put(entity.name(), rows);
        if (rows > 0) {
          log.info("Quick search: filled the search columns of {} {} record(s).", rows, entity.name());
        }
      }
    }
    return new SearchBackfill(filled);
  }

  @Bean
  QuickSearch quickSearch(SearchBackfill backfill, MetadataRegistry registry, FieldTypes fieldTypes,
      DatabaseClient db, TransactionalOperator tx) {
    return new QuickSearch(registry, fieldTypes, db, tx);
  }
}
