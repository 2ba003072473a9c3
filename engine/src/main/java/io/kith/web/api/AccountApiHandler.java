package io.kith.web.api;

import io.kith.fieldtype.Json;
import io.kith.record.RecordException;
import io.kith.record.RecordException.Reason;
import io.kith.security.Callers;
import io.kith.security.SignIns;
import io.kith.security.SignedIn;
import io.kith.users.UserService;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpCookie;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/me}: the caller's own account: who they are, their password, and their personal
 * access tokens (created and revoked by themselves; the secret is shown once).
 */
final class AccountApiHandler {

  private final UserService users;
  private final SignIns signIns;

  AccountApiHandler(UserService users, SignIns signIns) {
    this.users = users;
    this.signIns = signIns;
  }

  Mono<ServerResponse> me(ServerRequest request) {
    return caller(request).flatMap(me -> users.get(me.userId()))
        .flatMap(user -> ok(UserApiHandler.json(user)));
  }

  /** {@code {"current_password", "new_password"}}; ends the caller's other sessions. */
  Mono<ServerResponse> changePassword(ServerRequest request) {
    return Mono.zip(caller(request), body(request)).flatMap(t -> {
      JsonFields fields = new JsonFields(t.getT2(), Set.of("current_password", "new_password"));
      String current = fields.text("current_password", null);
      String next = fields.text("new_password", null);
      fields.check();
      HttpCookie session = request.cookies().getFirst(SignIns.SESSION_COOKIE);
      return users.changeOwnPassword(t.getT1().userId(), current, next)
          .then(signIns.endOtherSessions(t.getT1().userId(), session == null ? null : session.getValue()))
          .then(ServerResponse.noContent().build());
    });
  }

  Mono<ServerResponse> tokens(ServerRequest request) {
    return caller(request).flatMap(me -> signIns.tokens(me.userId()).map(AccountApiHandler::tokenJson).collectList())
        .flatMap(AccountApiHandler::items);
  }

  /** {@code {"name"}} → 201 with the token's details and, this once, its secret ({@code token}). */
  Mono<ServerResponse> createToken(ServerRequest request) {
    return Mono.zip(caller(request), body(request)).flatMap(t -> {
      JsonFields fields = new JsonFields(t.getT2(), Set.of("name"));
      String name = fields.text("name", null);
      fields.check();
      if (name == null || name.isBlank()) {
        throw new RecordValidationException(List.of(FieldError.of("name", "required")));
      }
      if (name.strip().length() > 100) {
        throw new RecordValidationException(List.of(FieldError.of("name", "too_long", 100)));
      }
      return signIns.createToken(t.getT1().userId(), name.strip()).flatMap(created -> {
        ObjectNode out = tokenJson(created.token());
        out.put("token", created.secret());
        return ServerResponse.created(URI.create("/api/v1/me/tokens/" + created.token().id()))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(out);
      });
    });
  }

  Mono<ServerResponse> revokeToken(ServerRequest request) {
    long id = RecordApiHandler.id(request);
    return caller(request).flatMap(me -> signIns.revokeToken(me.userId(), id))
        .flatMap(revoked -> revoked ? ServerResponse.noContent().build()
            : Mono.error(new RecordException(Reason.NOT_FOUND, "token_not_found", id)));
  }

  private static ObjectNode tokenJson(io.kith.security.AccessToken token) {
    ObjectNode out = Json.object();
    out.put("id", token.id()).put("name", token.name()).put("createdAt", token.createdAt().toString());
    out.put("lastUsedAt", token.lastUsedAt() == null ? null : token.lastUsedAt().toString());
    out.put("revokedAt", token.revokedAt() == null ? null : token.revokedAt().toString());
    out.put("active", token.revokedAt() == null);
    return out;
  }

  private static Mono<SignedIn> caller(ServerRequest request) {
    return Callers.user(request.exchange())
        .switchIfEmpty(Mono.error(() -> new RecordException(Reason.FORBIDDEN, "sign_in_required")));
  }

  static Mono<JsonNode> body(ServerRequest request) {
    return request.bodyToMono(JsonNode.class).defaultIfEmpty(Json.NODES.nullNode());
  }

  /** {@code {"items": [...]}}, the shape of every listing. */
  static Mono<ServerResponse> items(java.util.List<? extends JsonNode> items) {
    ObjectNode out = Json.object();
    out.putArray("items").addAll(items);
    return ok(out);
  }

  static Mono<ServerResponse> ok(JsonNode body) {
    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
  }
}
