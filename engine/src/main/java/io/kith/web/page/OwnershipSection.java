package io.kith.web.page;

import io.kith.access.Access;
import io.kith.access.Action;
import io.kith.access.Scope;
import io.kith.i18n.KithLocale;
import io.kith.record.RecordService;
import io.kith.render.AdminViews.Choice;
import io.kith.render.OwnershipView;
import io.kith.users.User;
import io.kith.users.UserService;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The owner and sharing part of a record's page, and its two forms: give the record to another
 * active user, and choose the users it is shared with. Both go through the record service, which
 * checks the edit permission and the scope and records the change in the history.
 */
final class OwnershipSection {

  private final RecordService records;
  private final UserService users;
  private final PageModel pages;

  OwnershipSection(RecordService records, UserService users, PageModel pages) {
    this.records = records;
    this.users = users;
    this.pages = pages;
  }

  /** The section for {@code record} as {@code access} sees it. */
  Mono<OwnershipView> of(String entity, JsonNode record, Access access, KithLocale locale) {
    long id = record.get("id").asLong();
    Long owner = record.path("owner").isNumber() ? record.get("owner").asLong() : null;
    boolean editable = access.can(entity, Action.EDIT) && record.path("active").asBoolean(true);
    return Mono.zip(users.list().collectList(), records.shares(entity, id)).map(t -> {
      Map<Long, String> names = t.getT1().stream().collect(Collectors.toMap(User::id, User::name));
      List<Long> shared = t.getT2();
      List<Choice> owners = new ArrayList<>();
      List<Choice> sharing = new ArrayList<>();
      if (editable) {
        for (User u : t.getT1()) {
          if (u.active()) {
            owners.add(new Choice(String.valueOf(u.id()), u.name(), u.id() == (owner == null ? -1 : owner)));
            sharing.add(new Choice(String.valueOf(u.id()), u.name(), shared.contains(u.id())));
          }
        }
      }
      String ownerName = owner == null ? pages.text(locale, "label.none")
          : names.getOrDefault(owner, pages.text(locale, "history.user", String.valueOf(owner)));
      List<String> sharedNames = shared.stream()
          .map(u -> names.getOrDefault(u, pages.text(locale, "history.user", String.valueOf(u)))).toList();
      return new OwnershipView(ownerName, sharedNames, editable, owners, sharing);
    });
  }

  /** {@code POST /app/{entity}/{id}/owner} with {@code owner}: gives the record to that user. */
  Mono<ServerResponse> changeOwner(ServerRequest request) {
    String entity = request.pathVariable("entity");
    long id = PageIds.id(request);
    return request.formData().flatMap(form -> {
      long owner = userId(form.getFirst("owner"));
      return records.changeOwner(entity, List.of(id), owner).then(afterwards(entity, id));
    });
  }

  /** {@code POST /app/{entity}/{id}/shares} with one {@code users} value per user: shares with exactly them. */
  Mono<ServerResponse> share(ServerRequest request) {
    String entity = request.pathVariable("entity");
    long id = PageIds.id(request);
    return request.formData().flatMap(form -> {
      List<Long> with = form.getOrDefault("users", List.of()).stream().map(OwnershipSection::userId).toList();
      return records.share(entity, id, with).then(afterwards(entity, id));
    });
  }

  /** Back to the record, or to the list when the caller no longer reaches it (they gave away their own). */
  private Mono<ServerResponse> afterwards(String entity, long id) {
    return records.require(entity, Action.VIEW).flatMap(access -> access.scope(entity) == Scope.ALL
        ? ServerResponse.seeOther(URI.create("/app/" + entity + "/" + id)).build()
        : records.get(entity, id).flatMap(r -> ServerResponse.seeOther(URI.create("/app/" + entity + "/" + id)).build())
            .onErrorResume(e -> ServerResponse.seeOther(URI.create("/app/" + entity)).build()));
  }

  private static long userId(String text) {
    try {
      return Long.parseLong(text == null ? "" : text.strip());
    } catch (NumberFormatException e) {
      throw new io.kith.record.RecordException(io.kith.record.RecordException.Reason.BAD_QUERY, "bad_request");
    }
  }
}
