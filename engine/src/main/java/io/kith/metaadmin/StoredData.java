package io.kith.metaadmin;

import io.kith.fieldtype.Json;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.schema.SqlNames;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Questions about stored records a change must ask first: is an option code in use, which values
 * would a type conversion not keep. Table and column names come from validated metadata only;
 * values are bind parameters.
 */
final class StoredData {

  /** How many offending values a refused conversion lists. */
  static final int OFFENDERS_SHOWN = 20;

  private final DatabaseClient db;

  StoredData(DatabaseClient db) {
    this.db = db;
  }

  /** The fields ({@code entity.field}) whose stored values use {@code code} of option list {@code list}. */
  Mono<List<String>> optionUses(MetadataSnapshot snapshot, String list, String code) {
    List<Mono<String>> checks = new ArrayList<>();
    for (EntityDef entity : snapshot.entities().values()) {
      collect(entity.name(), entity.name(), entity.fields(), list, code, checks);
    }
    return Flux.concat(checks).collectList();
  }

  private void collect(String owner, String table, List<FieldDef> fields, String list, String code,
      List<Mono<String>> checks) {
    for (FieldDef field : fields) {
      String column = SqlNames.quote(field.name());
      String where = null;
      if (field.type() instanceof FieldType.Option o && o.list().equals(list)) {
        where = column + " = $1";
      } else if (field.type() instanceof FieldType.MultiOption o && o.list().equals(list)) {
        where = "$1 = any(" + column + ")";
      } else if (field.type() instanceof FieldType.Collection c) {
        collect(owner + "." + field.name(), SqlNames.childTable(table, field.name()), c.fields(), list, code, checks);
      }
      if (where != null) {
        String path = owner + "." + field.name();
        checks.add(db.sql("select exists (select 1 from " + SqlNames.table(table) + " where " + where + ")")
            .bind(0, code).map(row -> row.get(0, Boolean.class)).one()
            .filter(Boolean::booleanValue).map(used -> path));
      }
    }
  }

  /** The first stored values of the conversion's column that its new type would not keep: {field, id, value}. */
  Flux<ObjectNode> unconvertible(ModelDelta.Conversion conversion) {
    String column = SqlNames.quote(conversion.column());
    return db.sql("select id, " + column + "::text as value from " + SqlNames.table(conversion.table())
            + " where " + column + " is not null and not kith.converts_losslessly(" + column + "::text, $1)"
            + " order by id limit " + OFFENDERS_SHOWN)
        .bind(0, conversion.to())
        .map(row -> Json.object().put("field", conversion.field()).put("id", row.get("id", Long.class))
            .put("value", row.get("value", String.class)))
        .all();
  }
}
