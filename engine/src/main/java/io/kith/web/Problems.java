package io.kith.web;

import io.kith.fieldtype.Json;
import io.kith.i18n.KithLocale;
import io.kith.i18n.Messages;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.Identifiers;
import io.kith.validation.DependentOptions;
import io.kith.validation.FieldError;
import io.kith.validation.RecordRules;
import io.kith.record.RecordException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds RFC 9457 problem documents and localized field messages. The one place that turns
 * exceptions into words a user reads, for the API and the HTML forms alike.
 */
public final class Problems {

  public static final String TYPE_BASE = "https://kith.io/problems/";

  private final Messages messages;

  public Problems(Messages messages) {
    this.messages = messages;
  }

  public ObjectNode validation(EntityDef entity, List<FieldError> errors, KithLocale locale) {
    ObjectNode problem = problem(400, "validation", messages.get(locale, "problem.validation.title"),
        messages.get(locale, "problem.validation.detail"));
    ArrayNode list = problem.putArray("errors");
    for (FieldError e : errors) {
      list.addObject().put("field", e.field()).put("code", e.code()).put("message", message(entity, e, locale));
    }
    return problem;
  }

  public ObjectNode record(RecordException e, KithLocale locale) {
    String code = e.messageKey();
    Object[] arguments = plain(e.arguments());
    ObjectNode problem = problem(e.reason().status(), code,
        messages.get(locale, "problem." + code, arguments), null);
    if (e.reason() == RecordException.Reason.BAD_QUERY && e.arguments().length > 0) {
      problem.putArray("errors").addObject()
          .put("field", String.valueOf(e.arguments()[0]))
          .put("code", code)
          .put("message", messages.get(locale, "problem." + code, arguments));
    }
    return problem;
  }

  public ObjectNode simple(int status, String code, KithLocale locale, Object... arguments) {
    return problem(status, code, messages.get(locale, "problem." + code, arguments), null);
  }

  /** The localized sentence for one field error, naming the field by its label. */
  public String message(EntityDef entity, FieldError error, KithLocale locale) {
    if (entity != null && error.code().equals(RecordRules.RULE_FAILED) && !error.arguments().isEmpty()) {
      // A rule's message is written in the metadata, in each language.
      java.util.Optional<String> written = entity.rule(String.valueOf(error.arguments().get(0)))
          .map(rule -> rule.message(locale));
      if (written.isPresent()) {
        return written.get();
      }
    }
    List<Object> args = new ArrayList<>();
    args.add(fieldLabel(entity, error.field(), locale));
    args.addAll(error.arguments());
    if (error.code().equals(DependentOptions.CODE) && args.size() > 2) {
      args.set(2, fieldLabel(entity, String.valueOf(args.get(2)), locale));
    }
    return messages.get(locale, "error." + error.code(), plain(args.toArray()));
  }

  /** Ids and limits read as typed ("id 12345", not "id 12,345"). */
  private static Object[] plain(Object[] arguments) {
    Object[] out = arguments.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof Number) {
        out[i] = out[i].toString();
      }
    }
    return out;
  }

  private static String fieldLabel(EntityDef entity, String path, KithLocale locale) {
    if (entity == null || path.isEmpty()) {
      return path;
    }
    String[] parts = path.split("\\.");
    String head = parts[0].replaceAll("\\[\\d+]$", "");
    FieldDef field = entity.field(head).orElse(null);
    if (field == null) {
      return head.equals("subtype") ? "Subtype" : path;
    }
    String label = field.label(locale);
    if (parts.length > 1 && field.type() instanceof FieldType.Collection c) {
      String row = parts[0].replaceAll("^.*\\[(\\d+)]$", "$1");
      String childName = parts[1];
      String child = c.fields().stream().filter(f -> f.name().equals(childName)).findFirst()
          .map(f -> f.label(locale)).orElse(Identifiers.humanize(childName));
      int number = row.chars().allMatch(Character::isDigit) ? Integer.parseInt(row) + 1 : 0;
      return label + " " + number + ": " + child;
    }
    return label;
  }

  private static ObjectNode problem(int status, String code, String title, String detail) {
    ObjectNode problem = Json.object();
    problem.put("type", TYPE_BASE + code.replace('_', '-'));
    problem.put("title", title);
    problem.put("status", status);
    if (detail != null) {
      problem.put("detail", detail);
    }
    return problem;
  }
}
