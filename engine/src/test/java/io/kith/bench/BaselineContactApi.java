package io.kith.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.r2dbc.spi.Readable;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hand-written baseline for contacts: literal SQL, a request record, and the same JSON shape as
 * {@code /api/v1/contact} built field by field. Reads the row and then its three child tables (the
 * generic engine does the same), so the answer is the same for any contact.
 */
final class BaselineContactApi {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String COLUMNS = "id, version, subtype, created_at, created_by, updated_at, updated_by,"
      + " owner, active, prefix, first_name, last_name, organization_name, household_name, gender, birth_date,"
      + " display_name, do_not_phone, do_not_email, do_not_mail, do_not_sms, do_not_trade,"
      + " preferred_communication_methods, email_format, source, external_identifier";
  private static final Set<String> PREFIXES = Set.of("mr", "mrs", "ms", "miss", "dr");
  private static final Set<String> GENDERS = Set.of("female", "male", "other");
  private static final Set<String> LOCATIONS = Set.of("home", "work", "billing", "main", "other");

  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final Clock clock;
  private final ZoneId zone;

  BaselineContactApi(DatabaseClient db, TransactionalOperator tx, Clock clock) {
    this.db = db;
    this.tx = tx;
    this.clock = clock;
    this.zone = clock.getZone();
  }

  /** What a client may send for a new individual. */
  record NewContact(
      String subtype, String prefix,
      @JsonProperty("first_name") String firstName,
      @JsonProperty("last_name") String lastName,
      String gender,
      @JsonProperty("birth_date") LocalDate birthDate,
      String source,
      List<NewEmail> emails) {}

  record NewEmail(
      String email,
      @JsonProperty("location_type") String locationType,
      @JsonProperty("is_primary") Boolean isPrimary,
      @JsonProperty("on_hold") Boolean onHold) {}

  Mono<ServerResponse> get(ServerRequest request) {
    long id;
    try {
      id = Long.parseLong(request.pathVariable("id"));
    } catch (NumberFormatException e) {
      return ServerResponse.notFound().build();
    }
    return db.sql("select " + COLUMNS + " from contact where id = $1").bind(0, id)
        .map(this::contact).one()
        .flatMap(contact -> children(id, contact))
        .flatMap(contact -> ServerResponse.ok().eTag("\"" + contact.get("version").asInt() + "\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(contact))
        .switchIfEmpty(ServerResponse.notFound().build());
  }

  Mono<ServerResponse> create(ServerRequest request) {
    return request.bodyToMono(NewContact.class).flatMap(input -> {
      String problem = problem(input);
      if (problem != null) {
        return ServerResponse.badRequest().contentType(MediaType.TEXT_PLAIN).bodyValue(problem);
      }
      List<NewEmail> emails = input.emails() == null ? List.of() : input.emails();
      Mono<ObjectNode> work = insertContact(input)
          .flatMap(contact -> insertEmails(contact.get("id").asLong(), emails).then(Mono.fromCallable(() -> {
            ArrayNode rows = contact.putArray("emails");
            emails.forEach(e -> rows.addObject().put("email", e.email()).put("location_type", e.locationType())
                .put("is_primary", Boolean.TRUE.equals(e.isPrimary())).put("on_hold", Boolean.TRUE.equals(e.onHold())));
            return contact;
          })));
      return tx.transactional(work).flatMap(contact -> ServerResponse
          .created(URI.create("/api/bench/contact/" + contact.get("id").asLong()))
          .eTag("\"" + contact.get("version").asInt() + "\"")
          .contentType(MediaType.APPLICATION_JSON).bodyValue(contact));
    });
  }

  private static String problem(NewContact input) {
    if (!"individual".equals(input.subtype())) {
      return "subtype must be individual";
    }
    if (tooLong(input.firstName(), 64) || tooLong(input.lastName(), 64) || tooLong(input.source(), 255)) {
      return "text too long";
    }
    if (input.prefix() != null && !PREFIXES.contains(input.prefix())
        || input.gender() != null && !GENDERS.contains(input.gender())) {
      return "unknown option";
    }
    if (input.emails() != null) {
      for (NewEmail e : input.emails()) {
        if (e == null || e.email() == null || e.email().indexOf('@') < 1 || e.email().length() > 254
            || e.locationType() != null && !LOCATIONS.contains(e.locationType())) {
          return "bad email";
        }
      }
    }
    return null;
  }

  private static boolean tooLong(String text, int max) {
    return text != null && text.length() > max;
  }

  private Mono<ObjectNode> insertContact(NewContact input) {
    String name = (input.firstName() == null ? "" : input.firstName()) + " " + (input.lastName() == null ? "" : input.lastName());
    GenericExecuteSpec insert = db.sql("insert into contact (subtype, prefix, first_name, last_name, gender,"
        + " birth_date, display_name, do_not_phone, do_not_email, do_not_mail, do_not_sms, do_not_trade, source)"
        + " values ('individual', $1, $2, $3, $4, $5, $6, false, false, false, false, false, $7) returning " + COLUMNS);
    insert = bind(insert, 0, input.prefix(), String.class);
    insert = bind(insert, 1, input.firstName(), String.class);
    insert = bind(insert, 2, input.lastName(), String.class);
    insert = bind(insert, 3, input.gender(), String.class);
    insert = bind(insert, 4, input.birthDate(), LocalDate.class);
    insert = bind(insert, 5, name.isBlank() ? null : name.strip(), String.class);
    insert = bind(insert, 6, input.source(), String.class);
    return insert.map(this::contact).one();
  }

  private Mono<Long> insertEmails(long contactId, List<NewEmail> emails) {
    if (emails.isEmpty()) {
      return Mono.just(0L);
    }
    StringBuilder sql = new StringBuilder(
        "insert into contact__emails (parent_id, position, email, location_type, is_primary, on_hold) values ");
    for (int i = 0; i < emails.size(); i++) {
      int p = i * 6;
      sql.append(i > 0 ? ", " : "").append("($").append(p + 1).append(", $").append(p + 2).append(", $").append(p + 3)
          .append(", $").append(p + 4).append(", $").append(p + 5).append(", $").append(p + 6).append(')');
    }
    GenericExecuteSpec insert = db.sql(sql.toString());
    for (int i = 0; i < emails.size(); i++) {
      NewEmail e = emails.get(i);
      int p = i * 6;
      insert = insert.bind(p, contactId).bind(p + 1, i).bind(p + 2, e.email());
      insert = bind(insert, p + 3, e.locationType(), String.class);
      insert = insert.bind(p + 4, Boolean.TRUE.equals(e.isPrimary())).bind(p + 5, Boolean.TRUE.equals(e.onHold()));
    }
    return insert.fetch().rowsUpdated();
  }

  private static GenericExecuteSpec bind(GenericExecuteSpec spec, int index, Object value, Class<?> type) {
    return value == null ? spec.bindNull(index, type) : spec.bind(index, value);
  }

  private Mono<ObjectNode> children(long id, ObjectNode contact) {
    Mono<List<ObjectNode>> emails = db.sql("select email, location_type, is_primary, on_hold from contact__emails"
            + " where parent_id = $1 order by position").bind(0, id)
        .map(row -> JSON.objectNode().put("email", row.get("email", String.class))
            .put("location_type", row.get("location_type", String.class))
            .put("is_primary", row.get("is_primary", Boolean.class))
            .put("on_hold", row.get("on_hold", Boolean.class)))
        .all().collectList();
    Mono<List<ObjectNode>> phones = db.sql("select phone, phone_type, location_type, is_primary from contact__phones"
            + " where parent_id = $1 order by position").bind(0, id)
        .map(row -> JSON.objectNode().put("phone", row.get("phone", String.class))
            .put("phone_type", row.get("phone_type", String.class))
            .put("location_type", row.get("location_type", String.class))
            .put("is_primary", row.get("is_primary", Boolean.class)))
        .all().collectList();
    Mono<List<ObjectNode>> addresses = db.sql("select street_address, city, postal_code, state_province, country,"
            + " location_type, is_primary from contact__addresses where parent_id = $1 order by position").bind(0, id)
        .map(row -> JSON.objectNode().put("street_address", row.get("street_address", String.class))
            .put("city", row.get("city", String.class))
            .put("postal_code", row.get("postal_code", String.class))
            .put("state_province", row.get("state_province", String.class))
            .put("country", row.get("country", String.class))
            .put("location_type", row.get("location_type", String.class))
            .put("is_primary", row.get("is_primary", Boolean.class)))
        .all().collectList();
    return Mono.zip(emails, phones, addresses).map(t -> {
      contact.putArray("emails").addAll(t.getT1());
      contact.putArray("phones").addAll(t.getT2());
      contact.putArray("addresses").addAll(t.getT3());
      return contact;
    });
  }

  /** The row in the API's field order; collections are placed here and filled afterwards. */
  private ObjectNode contact(Readable row) {
    ObjectNode out = JSON.objectNode();
    out.put("id", row.get("id", Long.class));
    out.put("subtype", row.get("subtype", String.class));
    out.put("version", row.get("version", Integer.class));
    out.put("created_at", row.get("created_at", OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime().toString());
    out.put("created_by", row.get("created_by", Long.class));
    out.put("updated_at", row.get("updated_at", OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime().toString());
    out.put("updated_by", row.get("updated_by", Long.class));
    out.put("owner", row.get("owner", Long.class));
    out.put("active", row.get("active", Boolean.class));
    out.put("prefix", row.get("prefix", String.class));
    out.put("first_name", row.get("first_name", String.class));
    out.put("last_name", row.get("last_name", String.class));
    out.put("organization_name", row.get("organization_name", String.class));
    out.put("household_name", row.get("household_name", String.class));
    out.put("gender", row.get("gender", String.class));
    LocalDate birth = row.get("birth_date", LocalDate.class);
    out.put("birth_date", birth == null ? null : birth.toString());
    if (birth == null) {
      out.putNull("age");
    } else {
      out.put("age", Period.between(birth, LocalDate.now(clock)).getYears());
    }
    out.put("display_name", row.get("display_name", String.class));
    out.putArray("emails");
    out.putArray("phones");
    out.putArray("addresses");
    out.put("do_not_phone", row.get("do_not_phone", Boolean.class));
    out.put("do_not_email", row.get("do_not_email", Boolean.class));
    out.put("do_not_mail", row.get("do_not_mail", Boolean.class));
    out.put("do_not_sms", row.get("do_not_sms", Boolean.class));
    out.put("do_not_trade", row.get("do_not_trade", Boolean.class));
    String[] methods = row.get("preferred_communication_methods", String[].class);
    if (methods == null) {
      out.putNull("preferred_communication_methods");
    } else {
      ArrayNode array = out.putArray("preferred_communication_methods");
      for (String m : methods) {
        array.add(m);
      }
    }
    out.put("email_format", row.get("email_format", String.class));
    out.put("source", row.get("source", String.class));
    out.put("external_identifier", row.get("external_identifier", String.class));
    return out;
  }
}
