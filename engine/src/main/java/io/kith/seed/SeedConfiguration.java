package io.kith.seed;

import io.kith.access.Access;
import io.kith.access.AccessContext;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataRegistry;
import io.kith.metadata.MetadataSnapshot;
import io.kith.query.Filter;
import io.kith.query.Operator;
import io.kith.query.Query;
import io.kith.record.RecordService;
import io.kith.validation.RecordValidationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Creates each entity type's seed records whose key value no record has yet, through the record
 * service (so they are validated and have history), before traffic is taken. Two instances
 * starting together may both try; the key's unique index lets one win and the other moves on.
 */
@Configuration(proxyBeanMethods = false)
public class SeedConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SeedConfiguration.class);

  /** How many seed records start-up created, once it has run. */
  public record Seeded(long created) {}

  @Bean
  Seeded seedRecords(RecordService records, MetadataRegistry registry) {
    MetadataSnapshot snapshot = registry.snapshot();
    Long created = Flux.fromIterable(snapshot.entities().values())
        .filter(entity -> entity.seed() != null)
        .concatMap(entity -> Flux.fromIterable(entity.seed().records())
            .concatMap(record -> ensure(records, entity, record)))
        .count()
        .contextWrite(AccessContext.with(Access.administrator(null)))
        .contextWrite(MetadataRegistry.pin(snapshot))
        .block();
    if (created != null && created > 0) {
      log.info("Created {} seed record(s).", created);
    }
    return new Seeded(created == null ? 0 : created);
  }

  private static Mono<Long> ensure(RecordService records, EntityDef entity, JsonNode record) {
    String key = entity.seed().key();
    Query existing = new Query(entity.name(), new Filter.Condition(key, Operator.EQ, record.path(key).asString()),
        List.of(), 1, 1, List.of());
    return records.list(entity.name(), existing)
        .flatMap(page -> page.total() > 0 ? Mono.<Long>empty() : records.create(entity.name(), record).map(r -> 1L))
        .onErrorResume(RecordValidationException.class, e -> {
          log.warn("Seed record {} of {} was not created: {}", record, entity.name(), e.errors());
          return Mono.empty();
        });
  }
}
