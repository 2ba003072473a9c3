package io.kith.metaadmin;

import io.kith.access.Access;
import io.kith.access.Action;
import io.kith.fieldtype.Json;
import io.kith.i18n.Messages;
import io.kith.metadata.MetadataKind;
import io.kith.record.RecordException;
import io.kith.security.Callers;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import io.kith.web.RequestLocale;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The write side of {@code /api/v1/meta}: every request is an administrator's (the {@code administer}
 * action on every type), takes {@code ?dryRun=true} and {@code ?confirm=true}, and answers with the
 * change's report or a problem. Codes are stable; the sentences follow Accept-Language, as in the
 * rest of the API.
 */
final class MetaAdminHandler {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final MetaChangeService changes;
  private final Messages messages;

  MetaAdminHandler(MetaChangeService changes, Messages messages) {
    this.changes = changes;
    this.messages = messages;
  }

  private ModelState state() {
    return changes.state();
  }

  Mono<ServerResponse> createItem(ServerRequest request, MetadataKind kind) {
    return withBody(request, HttpStatus.CREATED, body -> base -> List.of(edits(request, base).create(kind, body)),
        "create " + kind.folder());
  }

  Mono<ServerResponse> replaceItem(ServerRequest request, MetadataKind kind, String variable) {
    String name = request.pathVariable(variable);
    return withBody(request, HttpStatus.OK, body -> base -> List.of(edits(request, base).replace(kind, name, body)),
        "change " + kind.folder() + "/" + name);
  }

  Mono<ServerResponse> deleteItem(ServerRequest request, MetadataKind kind, String variable) {
    String name = request.pathVariable(variable);
    return withoutBody(request, base -> List.of(edits(request, base).delete(kind, name)), "delete " + kind.folder() + "/" + name);
  }

  Mono<ServerResponse> addField(ServerRequest request) {
    String entity = request.pathVariable("entity");
    return withBody(request, HttpStatus.CREATED, body -> base -> List.of(edits(request, base).addField(entity, body)),
        "add field to " + entity);
  }

  Mono<ServerResponse> replaceField(ServerRequest request) {
    String entity = request.pathVariable("entity");
    String field = request.pathVariable("field");
    return withBody(request, HttpStatus.OK, body -> base -> List.of(edits(request, base).replaceField(entity, field, body)),
        "change field " + entity + "." + field);
  }

  Mono<ServerResponse> deleteField(ServerRequest request) {
    String entity = request.pathVariable("entity");
    String field = request.pathVariable("field");
    return withoutBody(request, base -> List.of(edits(request, base).deleteField(entity, field)),
        "delete field " + entity + "." + field);
  }

  Mono<ServerResponse> addOption(ServerRequest request) {
    String list = request.pathVariable("name");
    return withBody(request, HttpStatus.CREATED, body -> base -> List.of(edits(request, base).addOption(list, body)),
        "add option to " + list);
  }

  Mono<ServerResponse> replaceOption(ServerRequest request) {
    String list = request.pathVariable("name");
    String code = request.pathVariable("code");
    return withBody(request, HttpStatus.OK, body -> base -> List.of(edits(request, base).replaceOption(list, code, body)),
        "change option " + list + "." + code);
  }

  Mono<ServerResponse> deleteOption(ServerRequest request) {
    String list = request.pathVariable("name");
    String code = request.pathVariable("code");
    return withoutBody(request, base -> List.of(edits(request, base).deleteOption(list, code)),
        "delete option " + list + "." + code);
  }

  /** {@code POST /revisions/{id}/revert}: the model as it stood right after revision {@code id}. */
  Mono<ServerResponse> revert(ServerRequest request) {
    long id = id(request);
    return administrator(request).then(state().store().get(id))
        .switchIfEmpty(Mono.error(() -> new MetaAdminException(404, "not_found", text(request).get("no_revision", id))))
        .flatMap(revision -> run(request, HttpStatus.OK, "revert to revision " + id,
            base -> state().revertTo(base, id)));
  }

  /** {@code POST /import}: the package becomes the model; {@code ?merge=true} keeps items it does not have. */
  Mono<ServerResponse> importPackage(ServerRequest request) {
    boolean merge = flag(request, "merge");
    return withBody(request, HttpStatus.OK,
        body -> base -> ModelPackage.changes(base, body, state().loader(), merge, text(request)), merge ? "import (merge)" : "import");
  }

  Mono<ServerResponse> exportPackage(ServerRequest request) {
    return administrator(request).then(Mono.fromSupplier(() -> ModelPackage.export(state().current(), state().loader())))
        .flatMap(MetaAdminHandler::ok);
  }

  /** {@code GET /revisions?limit=50&before=id}: newest first, with who, when, what and the diff. */
  Mono<ServerResponse> revisions(ServerRequest request) {
    int limit = intParam(request, "limit", 50, 1, 500);
    long before = request.queryParam("before").map(v -> (long) intParam(request, "before", 0, 1, Integer.MAX_VALUE))
        .orElse(Long.MAX_VALUE);
    return administrator(request).thenMany(state().store().latest(limit, before)).map(MetaAdminHandler::json)
        .collectList().flatMap(items -> {
          ObjectNode out = Json.object().put("version", state().current().snapshot().version());
          items.forEach(out.putArray("items")::add);
          if (items.isEmpty()) {
            out.putArray("items");
          }
          return ok(out);
        });
  }

  Mono<ServerResponse> revision(ServerRequest request) {
    long id = id(request);
    return administrator(request).then(state().store().get(id))
        .switchIfEmpty(Mono.error(() -> new MetaAdminException(404, "not_found", text(request).get("no_revision", id))))
        .map(MetaAdminHandler::json).flatMap(MetaAdminHandler::ok);
  }

  private Mono<ServerResponse> withBody(ServerRequest request, HttpStatus success,
      Function<JsonNode, Function<EffectiveModel, List<ItemChange>>> edit, String action) {
    return administrator(request).then(request.bodyToMono(String.class).defaultIfEmpty(""))
        .flatMap(text -> {
          JsonNode body = parse(request, text);
          Function<EffectiveModel, List<ItemChange>> edits = edit.apply(body);
          return run(request, success, action, base -> Mono.fromCallable(() -> edits.apply(base)));
        });
  }

  private Mono<ServerResponse> withoutBody(ServerRequest request, Function<EffectiveModel, List<ItemChange>> edit,
      String action) {
    return administrator(request).then(run(request, HttpStatus.OK, action, base -> Mono.fromCallable(() -> edit.apply(base))));
  }

  private Mono<ServerResponse> run(ServerRequest request, HttpStatus success, String action,
      Function<EffectiveModel, Mono<List<ItemChange>>> edit) {
    boolean dryRun = flag(request, "dryRun");
    boolean confirm = flag(request, "confirm");
    return Callers.id(request.exchange()).flatMap(user -> changes.apply(new ChangeRequest(action, edit, dryRun, confirm,
            user.orElse(null), text(request))))
        .flatMap(out -> ServerResponse.status(dryRun || out.has("unchanged") ? HttpStatus.OK : success)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(out));
  }

  static Mono<ServerResponse> problem(MetaAdminException e) {
    return ServerResponse.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(e.problem());
  }

  private static Mono<Void> administrator(ServerRequest request) {
    return Callers.access(request.exchange()).flatMap(access -> access.can(Access.EVERY_TYPE, Action.ADMINISTER)
        ? Mono.<Void>empty() : Mono.error(new RecordException(RecordException.Reason.FORBIDDEN, "administrators_only")));
  }

  private ModelEdits edits(ServerRequest request, EffectiveModel base) {
    return new ModelEdits(base, state().loader(), text(request));
  }

  private Sentences text(ServerRequest request) {
    return new Sentences(messages, RequestLocale.of(request.exchange()));
  }

  private JsonNode parse(ServerRequest request, String body) {
    if (body.isBlank()) {
      throw new MetaAdminException(400, "body_required", text(request).get("body_required"));
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      throw new MetaAdminException(400, "malformed_json", text(request).get("malformed_json", e.getOriginalMessage()));
    }
  }

  private static boolean flag(ServerRequest request, String name) {
    Optional<String> value = request.queryParam(name).map(String::strip);
    if (value.isEmpty() || value.get().equalsIgnoreCase("false")) {
      return false;
    }
    if (value.get().equalsIgnoreCase("true") || value.get().isEmpty()) {
      return true;
    }
    throw new RecordValidationException(List.of(FieldError.of(name, "true_or_false")));
  }

  private long id(ServerRequest request) {
    try {
      return Long.parseLong(request.pathVariable("id"));
    } catch (NumberFormatException e) {
      throw new MetaAdminException(404, "not_found", text(request).get("no_revision", request.pathVariable("id")));
    }
  }

  private int intParam(ServerRequest request, String name, int fallback, int min, int max) {
    Optional<String> value = request.queryParam(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.get().strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new MetaAdminException(400, "bad_parameter", text(request).get("bad_parameter", name, min, max));
  }

  private static ObjectNode json(Revision r) {
    ObjectNode out = Json.object().put("id", r.id()).put("kind", r.item().kindCode()).put("name", r.item().name())
        .put("action", r.action()).put("deleted", r.body() == null);
    out.put("createdAt", r.createdAt() == null ? null : r.createdAt().toString());
    ObjectNode by = out.putObject("createdBy");
    by.put("id", r.createdBy()).put("login", r.createdByLogin());
    out.set("diff", r.diff());
    out.set("body", r.body());
    return out;
  }

  private static Mono<ServerResponse> ok(ObjectNode body) {
    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
  }
}
