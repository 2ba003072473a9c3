package io.kith.record;

import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.RelationshipSpec;
import io.kith.metadata.RelationshipTypeDef;
import io.kith.validation.FieldError;
import java.util.List;
import java.util.Set;

/**
 * For relationship entity types: the records on side A and side B must have a subtype the
 * relationship type allows there ("Employee of" wants an individual on A and an organization on
 * B). Works on the sent values merged over the stored ones, so changing only the type re-checks
 * both sides.
 */
final class RelationshipSides {

  private RelationshipSides() {}

  record Target(String entity, long id) {}

  interface Sink {
    void want(int row, String field, Target target, Set<String> subtypes);
  }

  static void wanted(MetadataSnapshot snapshot, EntityDef entity, List<StoredChecks.Subject> subjects,
      List<List<FieldError>> errors, Sink sink) {
    RelationshipSpec spec = entity.relationship();
    if (spec == null) {
      return;
    }
    for (int row = 0; row < subjects.size(); row++) {
      StoredChecks.Subject s = subjects.get(row);
      if (!touches(s, spec)) {
        continue;
      }
      Object code = value(s, spec.type());
      RelationshipTypeDef type = code == null ? null : snapshot.relationshipTypes().get(code.toString());
      if (type == null) {
        continue;
      }
      side(entity, s, row, spec.sideA(), type.sideA(), errors, sink);
      side(entity, s, row, spec.sideB(), type.sideB(), errors, sink);
    }
  }

  private static void side(EntityDef entity, StoredChecks.Subject s, int row, String field,
      RelationshipTypeDef.Side side, List<List<FieldError>> errors, Sink sink) {
    String target = ((FieldType.Reference) entity.field(field).orElseThrow().type()).entity();
    if (!target.equals(side.entity())) {
      errors.get(row).add(FieldError.of(field, "wrong_entity", side.entity()));
      return;
    }
    if (value(s, field) instanceof Long id && !side.subtypes().isEmpty()) {
      sink.want(row, field, new Target(target, id), side.subtypes());
    }
  }

  private static boolean touches(StoredChecks.Subject s, RelationshipSpec spec) {
    return s.input().columns().containsKey(spec.type()) || s.input().columns().containsKey(spec.sideA())
        || s.input().columns().containsKey(spec.sideB());
  }

  private static Object value(StoredChecks.Subject s, String field) {
    return s.input().columns().containsKey(field) ? s.input().columns().get(field) : s.stored().get(field);
  }

  /** The fields whose stored values a patch needs for this check. */
  static List<String> fields(EntityDef entity) {
    RelationshipSpec spec = entity.relationship();
    return spec == null ? List.of() : List.of(spec.type(), spec.sideA(), spec.sideB());
  }
}
