package io.kith.record;

import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.schema.SqlNames;
import io.kith.validation.FieldError;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code acyclic} references (parent tag, parent groups): a changed record may not become its own
 * ancestor. One recursive query per changed record and field walks up from the new parents; {@code
 * union} (not {@code union all}) ends the walk even over a cycle written around Kith. A new record
 * has no children yet, so only changes of existing records are checked.
 */
final class Acyclic {

  private Acyclic() {}

  static Mono<Void> check(DatabaseClient db, EntityDef entity, List<StoredChecks.Subject> subjects,
      List<List<FieldError>> errors) {
    return Flux.range(0, subjects.size())
        .filter(row -> subjects.get(row).selfId() != null)
        .concatMap(row -> Flux.fromIterable(entity.fields())
            .concatMap(field -> parents(subjects.get(row), field)
                .map(parents -> reaches(db, entity, field, parents, subjects.get(row).selfId())
                    .doOnNext(cycle -> {
                      if (cycle) {
                        errors.get(row).add(FieldError.of(field.name(), "cycle"));
                      }
                    }).then())
                .orElse(Mono.empty())))
        .then();
  }

  /** The parents a write sets in an acyclic field, if it sets that field. */
  private static java.util.Optional<Long[]> parents(StoredChecks.Subject s, FieldDef field) {
    if (field.type() instanceof FieldType.Reference r && r.acyclic() && s.input().columns().get(field.name()) instanceof Long id) {
      return java.util.Optional.of(new Long[] {id});
    }
    if (field.type() instanceof FieldType.MultiReference r && r.acyclic() && s.input().links().containsKey(field.name())) {
      return java.util.Optional.of(s.input().links().get(field.name()).toArray(Long[]::new));
    }
    return java.util.Optional.empty();
  }

  /** Whether {@code self} is among {@code parents} or their ancestors. */
  static Mono<Boolean> reaches(DatabaseClient db, EntityDef entity, FieldDef field, Long[] parents, long self) {
    if (parents.length == 0) {
      return Mono.just(false);
    }
    String step = field.type() instanceof FieldType.MultiReference
        ? "select l.\"target_id\" from " + SqlNames.table(SqlNames.childTable(entity.name(), field.name()))
            + " l join up on l.\"source_id\" = up.\"id\""
        : "select t." + SqlNames.quote(field.name()) + " from " + SqlNames.table(entity.name())
            + " t join up on t.\"id\" = up.\"id\" where t." + SqlNames.quote(field.name()) + " is not null";
    String sql = "with recursive up(\"id\") as (select unnest($1::bigint[]) union " + step
        + ") select exists (select 1 from up where \"id\" = $2)";
    return db.sql(sql).bind(0, parents).bind(1, self).map(row -> row.get(0, Boolean.class)).one();
  }
}
