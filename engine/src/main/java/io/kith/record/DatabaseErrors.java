package io.kith.record;

import io.kith.validation.RecordValidationException;
import io.kith.validation.FieldError;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.schema.SqlNames;
import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;
import java.util.List;

/**
 * Maps the database's own refusals to the errors a client understands: a unique index hit by a
 * concurrent write becomes {@code duplicate} on its field; a delete blocked by a foreign key
 * becomes a conflict.
 */
final class DatabaseErrors {

  private DatabaseErrors() {}

  static Throwable translate(EntityDef entity, Throwable error) {
    ErrorDetails details = details(error);
    if (details == null) {
      return error;
    }
    String state = details.getCode();
    String constraint = details.getConstraintName().orElse("");
    if ("23505".equals(state)) {
      for (FieldDef field : entity.fields()) {
        if (constraint.equals(SqlNames.constraintName(entity.name(), field.name(), "key"))) {
          return new RecordValidationException(List.of(FieldError.of(field.name(), "duplicate")));
        }
      }
      for (List<String> group : entity.uniqueTogether()) {
        if (constraint.equals(SqlNames.constraintName(entity.name(), String.join("_", group), "key"))) {
          return new RecordValidationException(List.of(FieldError.of(group.get(0), "duplicate")));
        }
      }
    }
    if ("23503".equals(state)) {
      return new RecordException(RecordException.Reason.REFERENCED, "referenced", entity.name());
    }
    return error;
  }

  private static ErrorDetails details(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof PostgresqlException postgres) {
        return postgres.getErrorDetails();
      }
    }
    return null;
  }
}
