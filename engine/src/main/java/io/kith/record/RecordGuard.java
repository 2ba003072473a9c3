package io.kith.record;

import io.kith.access.Access;
import io.kith.access.AccessContext;
import io.kith.access.Action;
import io.kith.access.Scope;
import io.kith.metadata.EntityDef;
import io.kith.metadata.SortSpec;
import io.kith.query.Filter;
import io.kith.query.Query;
import io.kith.query.ScopeFilter;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The caller's permissions applied to records, for {@link RecordService}: the action on the type,
 * the record scope (own, own plus shared, all) as a filter or a check, hidden fields left out of
 * what is read and refused in queries, read-only and hidden fields refused in writes. A record out
 * of the caller's scope is "not found", so its existence does not leak.
 */
final class RecordGuard {

  private final DatabaseClient db;

  RecordGuard(DatabaseClient db) {
    this.db = db;
  }

  /** The caller's access, once {@code action} on {@code entity} is allowed (403 otherwise). */
  Mono<Access> require(EntityDef entity, Action action) {
    return AccessContext.current().map(access -> {
      access.require(entity.name(), action);
      return access;
    });
  }

  /** {@code query} narrowed to the caller's scope, refused if it uses a field hidden from them. */
  Query scoped(Access access, EntityDef entity, Query query) {
    refuseHidden(access, entity, query);
    return new Query(query.entity(), scoped(access, entity, query.filter()), query.sort(), query.page(),
        query.size(), query.columns());
  }

  Filter scoped(Access access, EntityDef entity, Filter filter) {
    Filter reach = ScopeFilter.of(access, entity.name());
    if (reach == null) {
      return filter;
    }
    return filter == null ? reach : new Filter.All(List.of(filter, reach));
  }

  /** The record if the caller's scope reaches it, else empty (the caller then says "not found"). */
  Mono<ObjectNode> inScope(Access access, EntityDef entity, ObjectNode record) {
    Scope scope = access.scope(entity.name());
    Long me = access.userId();
    if (scope == Scope.ALL) {
      return Mono.just(record);
    }
    if (me != null && record.path("owner").isNumber() && record.get("owner").asLong() == me) {
      return Mono.just(record);
    }
    if (scope == Scope.OWN || me == null) {
      return Mono.empty();
    }
    return db.sql("select exists (select 1 from kith.record_share where entity = $1 and record_id = $2 and user_id = $3)")
        .bind(0, entity.name()).bind(1, record.get("id").asLong()).bind(2, me)
        .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class))).one()
        .flatMap(shared -> shared ? Mono.just(record) : Mono.empty());
  }

  /** The record without the fields hidden from the caller. */
  static ObjectNode visible(Access access, EntityDef entity, ObjectNode record) {
    for (String field : access.grant(entity.name()).hiddenFields()) {
      record.remove(field);
    }
    return record;
  }

  static Page visible(Access access, EntityDef entity, Page page) {
    if (access.grant(entity.name()).hiddenFields().isEmpty()) {
      return page;
    }
    page.items().forEach(item -> visible(access, entity, item));
    return page;
  }

  /** Refuses a write naming fields the caller may not change (hidden or read-only to them). */
  static void writable(Access access, EntityDef entity, JsonNode body) {
    if (body == null || !body.isObject()) {
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    for (String name : body.propertyNames()) {
      if (entity.field(name).isPresent() && access.readOnly(entity.name(), name)) {
        errors.add(FieldError.of(name, "read_only"));
      }
    }
    if (!errors.isEmpty()) {
      throw new RecordValidationException(errors);
    }
  }

  private static void refuseHidden(Access access, EntityDef entity, Query query) {
    var hidden = access.grant(entity.name()).hiddenFields();
    if (hidden.isEmpty()) {
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    filterFields(query.filter(), hidden, errors);
    for (SortSpec sort : query.sort()) {
      if (hidden.contains(sort.name())) {
        errors.add(FieldError.of("sort", "unknown_sort", sort.name()));
      }
    }
    for (String column : query.columns()) {
      if (hidden.contains(column)) {
        errors.add(FieldError.of("columns", "unknown_column", column));
      }
    }
    if (!errors.isEmpty()) {
      throw new RecordValidationException(errors);
    }
  }

  private static void filterFields(Filter filter, java.util.Set<String> hidden, List<FieldError> errors) {
    if (filter instanceof Filter.All all) {
      all.filters().forEach(f -> filterFields(f, hidden, errors));
    } else if (filter instanceof Filter.AnyOf any) {
      any.filters().forEach(f -> filterFields(f, hidden, errors));
    } else if (filter instanceof Filter.Condition c && hidden.contains(c.field())) {
      errors.add(FieldError.of("filter", "unknown_filter_field", c.field()));
    }
  }
}
