package io.kith.record;

import io.kith.validation.RecordValidationException;
import io.kith.validation.FieldError;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.schema.SqlNames;
import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the database's own refusals to the errors a client understands: a unique index hit by a
 * concurrent write becomes {@code duplicate} on its field, a reference to a record deleted meanwhile
 * {@code not_found} on its field; a delete blocked by a foreign key becomes a conflict.
 */
final class DatabaseErrors {

  /** The value in PostgreSQL's detail of a foreign key violation: {@code Key (owner)=(42) is not present ...}. */
  private static final Pattern KEY_VALUE = Pattern.compile("\\)=\\(([^)]*)\\)");

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
      // On a create or an update, a reference whose record went away after it was checked.
      for (FieldDef field : entity.fields()) {
        if (constraint.equals(SqlNames.constraintName(entity.name(), field.name(), "fk"))
            || constraint.equals(SqlNames.constraintName(SqlNames.childTable(entity.name(), field.name()), "target_id", "fk"))) {
          Matcher id = KEY_VALUE.matcher(details.getDetail().orElse(""));
          return new RecordValidationException(List.of(FieldError.of(field.name(), "not_found", id.find() ? id.group(1) : "")));
        }
      }
      return new RecordException(RecordException.Reason.REFERENCED, "referenced", entity.name());
    }
    return error;
  }

  /** A delete's refusals: blocked by a foreign key, it is a conflict naming the entity type. */
  static Throwable translateDelete(EntityDef entity, Throwable error) {
    ErrorDetails details = details(error);
    if (details != null && "23503".equals(details.getCode())) {
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
