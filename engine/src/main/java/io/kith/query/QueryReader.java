package io.kith.query;

import io.kith.fieldtype.FieldTypeSupport;
import io.kith.fieldtype.FieldTypes;
import io.kith.fieldtype.InvalidValueException;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.SortSpec;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads query JSON against one metadata snapshot. Every field, operator and value is checked and
 * converted here; what comes out holds only names from the metadata and typed values, so the SQL
 * compiler never sees request text. All problems are reported together, each with its JSON path
 * ({@code filter.and[1].op}).
 */
public final class QueryReader {

  private static final int MAX_DEPTH = 8;
  private static final int MAX_LIST = 1000;
  private static final int MAX_DAYS = 36_500;
  private static final Set<String> TOP_LEVEL = Set.of("entity", "filter", "sort", "page", "size", "columns");

  private final FieldTypes fieldTypes;
  private final ZoneId zone;

  public QueryReader(FieldTypes fieldTypes, ZoneId zone) {
    this.fieldTypes = fieldTypes;
    this.zone = zone;
  }

  public Query read(MetadataSnapshot snapshot, EntityDef entity, JsonNode json) {
    List<FieldError> errors = new ArrayList<>();
    if (json == null || !json.isObject()) {
      throw new RecordValidationException(List.of(FieldError.of("", "not_an_object")));
    }
    for (String key : json.propertyNames()) {
      if (!TOP_LEVEL.contains(key)) {
        errors.add(FieldError.of(key, "unknown_field"));
      }
    }
    if (json.hasNonNull("entity") && !entity.name().equals(json.get("entity").asString(""))) {
      errors.add(FieldError.of("entity", "entity_mismatch", entity.name()));
    }
    Filter filter = json.hasNonNull("filter")
        ? filter(snapshot, entity, entity.fields(), json.get("filter"), "filter", 1, errors) : null;
    List<SortSpec> sort = sort(entity, json.get("sort"), errors);
    int page = integer(json.get("page"), "page", 1, 1, Integer.MAX_VALUE, errors);
    int size = integer(json.get("size"), "size", Query.DEFAULT_SIZE, 1, Query.MAX_SIZE, errors);
    List<String> columns = columns(entity, json.get("columns"), errors);
    if (!errors.isEmpty()) {
      throw new RecordValidationException(errors);
    }
    return new Query(entity.name(), filter, sort, page, size, columns);
  }

  /**
   * Reads a stored query (a saved search) leniently: conditions, sort keys and columns that today's
   * metadata refuses (a retired field, a removed option, a changed type) are left out and listed,
   * so the rest still runs. Only a document that is not a query at all is refused.
   */
  public LenientQuery readLenient(MetadataSnapshot snapshot, EntityDef entity, JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new RecordValidationException(List.of(FieldError.of("", "not_an_object")));
    }
    tools.jackson.databind.node.ObjectNode work = (tools.jackson.databind.node.ObjectNode) json.deepCopy();
    List<LenientQuery.Dropped> dropped = new ArrayList<>();
    for (int attempt = 0; ; attempt++) {
      try {
        return new LenientQuery(read(snapshot, entity, work), work, dropped);
      } catch (RecordValidationException e) {
        if (attempt >= MAX_DEPTH || !QueryPruner.prune(work, e.errors(), dropped)) {
          throw e;
        }
      }
    }
  }

  /**
   * A query of simple filters, as list parameters give them: equality, or "contains" for text when
   * {@code fuzzyText} (the list pages: the CRM manual wants fuzzy text conditions).
   */
  public Query equalities(MetadataSnapshot snapshot, EntityDef entity, Map<String, JsonNode> equalities,
      List<SortSpec> sort, int page, int size, boolean fuzzyText) {
    List<FieldError> errors = new ArrayList<>();
    List<Filter> conditions = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : equalities.entrySet()) {
      Target target = Target.of(entity, entity.fields(), e.getKey());
      if (target == null || !operators(target).contains(Operator.EQ) && !operators(target).contains(Operator.IN)) {
        errors.add(FieldError.of(e.getKey(), "unknown_filter"));
        continue;
      }
      if (e.getValue() == null) {
        conditions.add(new Filter.Condition(target.column(), Operator.EMPTY, null));
      } else {
        Operator op = fuzzyText && operators(target).contains(Operator.CONTAINS) && e.getValue().isString()
            ? Operator.CONTAINS
            : operators(target).contains(Operator.EQ) ? Operator.EQ : Operator.IN;
        JsonNode value = op == Operator.IN ? io.kith.fieldtype.Json.array().add(e.getValue()) : e.getValue();
        Object converted = op == Operator.IN ? list(snapshot, target, value, e.getKey(), errors)
            : op == Operator.CONTAINS ? e.getValue().asString().strip()
            : one(snapshot, target, value, e.getKey(), errors);
        conditions.add(new Filter.Condition(target.column(), op, converted));
      }
    }
    if (!errors.isEmpty()) {
      throw new RecordValidationException(errors);
    }
    return new Query(entity.name(), conditions.isEmpty() ? null : new Filter.All(conditions), sort, page, size, List.of());
  }

  private Filter filter(MetadataSnapshot snapshot, EntityDef entity, List<FieldDef> fields, JsonNode node,
      String path, int depth, List<FieldError> errors) {
    if (depth > MAX_DEPTH) {
      errors.add(FieldError.of(path, "too_deep", MAX_DEPTH));
      return null;
    }
    if (node == null || !node.isObject()) {
      errors.add(FieldError.of(path, "not_an_object"));
      return null;
    }
    for (String group : List.of("and", "or")) {
      if (node.has(group)) {
        if (node.size() != 1 || !node.get(group).isArray() || node.get(group).isEmpty()) {
          errors.add(FieldError.of(path + "." + group, "bad_group"));
          return null;
        }
        List<Filter> children = new ArrayList<>();
        JsonNode items = node.get(group);
        for (int i = 0; i < items.size(); i++) {
          Filter child = filter(snapshot, entity, fields, items.get(i), path + "." + group + "[" + i + "]", depth + 1, errors);
          if (child != null) {
            children.add(child);
          }
        }
        return group.equals("and") ? new Filter.All(children) : new Filter.AnyOf(children);
      }
    }
    return condition(snapshot, entity, fields, node, path, depth, errors);
  }

  private Filter condition(MetadataSnapshot snapshot, EntityDef entity, List<FieldDef> fields, JsonNode node,
      String path, int depth, List<FieldError> errors) {
    for (String key : node.propertyNames()) {
      if (!Set.of("field", "op", "value").contains(key)) {
        errors.add(FieldError.of(path + "." + key, "unknown_field"));
      }
    }
    String name = node.path("field").asString("");
    Target target = Target.of(entity, fields, name);
    if (target == null) {
      errors.add(FieldError.of(path + ".field", "unknown_filter_field", name));
      return null;
    }
    Operator op = Operator.ofJson(node.path("op").asString(""));
    if (op == null) {
      errors.add(FieldError.of(path + ".op", "unknown_operator", node.path("op").asString("")));
      return null;
    }
    if (!operators(target).contains(op)) {
      errors.add(FieldError.of(path + ".op", "operator_not_allowed", op.jsonName(), name));
      return null;
    }
    JsonNode value = node.get("value");
    String at = path + ".value";
    Object converted = switch (op.arity()) {
      case NONE -> {
        if (value != null && !value.isNull()) {
          errors.add(FieldError.of(at, "no_value_expected", op.jsonName()));
        }
        yield null;
      }
      case ONE -> one(snapshot, target, value, at, errors);
      case TWO -> {
        if (value == null || !value.isArray() || value.size() != 2) {
          errors.add(FieldError.of(at, "two_values_expected"));
          yield null;
        }
        // Either bound may be null (an error recorded): List.of would throw.
        yield java.util.Arrays.asList(one(snapshot, target, value.get(0), at + "[0]", errors),
            one(snapshot, target, value.get(1), at + "[1]", errors));
      }
      case MANY -> list(snapshot, target, value, at, errors);
      case TEXT -> {
        if (value == null || !value.isString() || value.asString().isBlank()) {
          errors.add(FieldError.of(at, "text_expected"));
          yield null;
        }
        yield value.asString().strip();
      }
      case DAYS -> {
        if (value == null || !value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > MAX_DAYS) {
          errors.add(FieldError.of(at, "days_expected", MAX_DAYS));
          yield null;
        }
        yield value.asInt();
      }
      case FILTER -> {
        FieldType.Collection collection = (FieldType.Collection) target.field().type();
        yield filter(snapshot, null, collection.fields(), value, at, depth + 1, errors);
      }
    };
    return new Filter.Condition(target.column(), op, converted);
  }

  private List<Object> list(MetadataSnapshot snapshot, Target target, JsonNode value, String at, List<FieldError> errors) {
    if (value == null || !value.isArray() || value.isEmpty() || value.size() > MAX_LIST) {
      errors.add(FieldError.of(at, "list_expected", MAX_LIST));
      return List.of();
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      out.add(one(snapshot, target, value.get(i), at + "[" + i + "]", errors));
    }
    return out;
  }

  /** One value converted to what the column holds; null with an error recorded when it does not fit. */
  private Object one(MetadataSnapshot snapshot, Target target, JsonNode value, String at, List<FieldError> errors) {
    Object converted = value == null || value.isNull() ? null : convert(snapshot, target, value);
    if (converted == null) {
      errors.add(FieldError.of(at, "bad_filter_value"));
    }
    return converted;
  }

  private Object convert(MetadataSnapshot snapshot, Target target, JsonNode value) {
    switch (target.kind()) {
      case ID:
        return value.isIntegralNumber() ? value.asLong() : null;
      case BOOLEAN:
        return value.isBoolean() ? value.asBoolean() : null;
      case TIMESTAMP:
        return value.isString() ? instantOrDate(value.asString()) : null;
      default:
        break;
    }
    if (target.kind() == Target.Kind.SUBTYPE) {
      return value.isString() && target.subtypes().contains(value.asString()) ? value.asString() : null;
    }
    FieldDef field = target.field();
    FieldType type = field.type();
    if (type instanceof FieldType.Option o) {
      return value.isString() && snapshot.optionList(o.list()).option(value.asString()).isPresent() ? value.asString() : null;
    }
    if (type instanceof FieldType.MultiOption o) {
      return value.isString() && snapshot.optionList(o.list()).option(value.asString()).isPresent() ? value.asString() : null;
    }
    if (type instanceof FieldType.Date) {
      return value.isString() ? date(value.asString()) : null;
    }
    if (type instanceof FieldType.DateTime) {
      return value.isString() ? instantOrDate(value.asString()) : null;
    }
    if (type instanceof FieldType.MultiReference || type instanceof FieldType.Reference) {
      return value.isIntegralNumber() && value.asLong() > 0 ? value.asLong() : null;
    }
    if (type instanceof FieldType.Computed) {
      return value.isString() ? value.asString() : null;
    }
    FieldTypeSupport<FieldType> support = fieldTypes.of(type);
    Class<?> columnClass = support.columnClass(type);
    boolean fits = columnClass == Long.class ? value.isIntegralNumber()
        : columnClass == BigDecimal.class ? value.isNumber()
        : columnClass == Boolean.class ? value.isBoolean()
        : value.isString();
    if (!fits) {
      return null;
    }
    try {
      return support.toColumn(type, field, value);
    } catch (InvalidValueException e) {
      return null;
    }
  }

  private Set<Operator> operators(Target target) {
    return switch (target.kind()) {
      case ID -> Target.ID_OPS;
      case BOOLEAN -> Operators.BOOLEAN;
      case SUBTYPE -> Target.SUBTYPE_OPS;
      case TIMESTAMP -> Operators.DATE;
      case FIELD -> fieldTypes.of(target.field().type()).operators(target.field().type());
    };
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A date means the whole day; a date-time (with or without offset) an instant. */
  private Object instantOrDate(String text) {
    LocalDate date = date(text);
    if (date != null) {
      return date;
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static List<SortSpec> sort(EntityDef entity, JsonNode node, List<FieldError> errors) {
    List<SortSpec> sort = new ArrayList<>();
    if (node == null || node.isNull()) {
      if (entity.defaultSort() != null) {
        sort.add(entity.defaultSort());
      }
      return sort;
    }
    if (!node.isArray() || node.size() > 5) {
      errors.add(FieldError.of("sort", "bad_sort"));
      return sort;
    }
    for (int i = 0; i < node.size(); i++) {
      String text = node.get(i).asString("");
      SortSpec spec = text.isEmpty() ? null : SortSpec.parse(text);
      Target target = spec == null ? null : Target.of(entity, entity.fields(), spec.name());
      if (target == null || (target.field() != null && !target.field().type().hasColumn())) {
        errors.add(FieldError.of("sort[" + i + "]", "unknown_sort", text));
      } else {
        sort.add(spec);
      }
    }
    return sort;
  }

  private static List<String> columns(EntityDef entity, JsonNode node, List<FieldError> errors) {
    List<String> columns = new ArrayList<>();
    if (node == null || node.isNull()) {
      return columns;
    }
    if (!node.isArray()) {
      errors.add(FieldError.of("columns", "list_expected", 100));
      return columns;
    }
    for (int i = 0; i < node.size(); i++) {
      String name = node.get(i).asString("");
      if (entity.field(name).isEmpty()) {
        errors.add(FieldError.of("columns[" + i + "]", "unknown_column", name));
      } else {
        columns.add(name);
      }
    }
    return columns;
  }

  private static int integer(JsonNode node, String name, int fallback, int min, int max, List<FieldError> errors) {
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
      errors.add(FieldError.of(name, "out_of_range", min, max));
      return fallback;
    }
    return node.asInt();
  }
}
