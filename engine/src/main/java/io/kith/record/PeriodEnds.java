package io.kith.record;

import io.kith.metadata.Derivation;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.schema.SqlNames;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stored {@code period_end} values of a write: one query per such field for the referenced record
 * holding the duration (a membership's type), then {@link DateDerivations#periodEnd}. A patch that
 * changes neither the start nor the reference keeps the stored end.
 */
final class PeriodEnds {

  private final DatabaseClient db;

  PeriodEnds(DatabaseClient db) {
    this.db = db;
  }

  /** Whether the entity type has a period-end field at all. */
  static boolean applies(EntityDef entity) {
    return entity.fields().stream().anyMatch(PeriodEnds::isPeriodEnd);
  }

  private static boolean isPeriodEnd(FieldDef f) {
    return f.type() instanceof FieldType.Computed c && c.derivation() instanceof Derivation.PeriodEnd;
  }

  Mono<Map<String, Object>> of(EntityDef entity, RecordInput input, ObjectNode existing) {
    Map<String, Object> out = new HashMap<>();
    return Flux.fromIterable(entity.fields())
        .filter(PeriodEnds::isPeriodEnd)
        .concatMap(field -> {
          Derivation.PeriodEnd p = (Derivation.PeriodEnd) ((FieldType.Computed) field.type()).derivation();
          boolean touched = existing == null || input.columns().containsKey(p.from())
              || p.start().stream().anyMatch(input.columns()::containsKey);
          if (!touched) {
            return Mono.empty();
          }
          LocalDate start = p.start().stream().map(name -> date(input, existing, name))
              .filter(java.util.Objects::nonNull).findFirst().orElse(null);
          Long from = reference(input, existing, p.from());
          if (start == null || from == null) {
            out.put(field.name(), null);
            return Mono.empty();
          }
          return end(entity, p, start, from).doOnNext(end -> out.put(field.name(), end.orElse(null))).then();
        })
        .then(Mono.fromSupplier(() -> out));
  }

  private Mono<java.util.Optional<LocalDate>> end(EntityDef entity, Derivation.PeriodEnd p, LocalDate start, long from) {
    FieldDef reference = entity.field(p.from()).orElseThrow();
    String target = ((FieldType.Reference) reference.type()).entity();
    String type = p.periodType() == null ? "null::text" : SqlNames.quote(p.periodType());
    String fixed = p.fixedStart() == null ? "null::text" : SqlNames.quote(p.fixedStart());
    return db.sql("select " + SqlNames.quote(p.interval()) + ", " + SqlNames.quote(p.unit()) + ", " + type + ", " + fixed
            + " from " + SqlNames.table(target) + " where \"id\" = $1")
        .bind(0, from)
        .map(row -> java.util.Optional.ofNullable(DateDerivations.periodEnd(start, row.get(0, Integer.class),
            row.get(1, String.class), row.get(2, String.class), row.get(3, String.class))))
        .one()
        .defaultIfEmpty(java.util.Optional.empty());
  }

  private static LocalDate date(RecordInput input, ObjectNode existing, String name) {
    if (input.columns().containsKey(name)) {
      return (LocalDate) input.columns().get(name);
    }
    String stored = existing == null ? null : existing.path(name).asString(null);
    return stored == null ? null : LocalDate.parse(stored);
  }

  private static Long reference(RecordInput input, ObjectNode existing, String name) {
    if (input.columns().containsKey(name)) {
      return (Long) input.columns().get(name);
    }
    return existing == null || existing.path(name).isNull() ? null : existing.path(name).asLong();
  }
}
