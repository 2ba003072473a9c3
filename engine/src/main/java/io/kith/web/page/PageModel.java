package io.kith.web.page;

import io.kith.i18n.KithLocale;
import io.kith.i18n.Messages;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataSnapshot;
import io.kith.render.Link;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.kith.access.Access;
import io.kith.access.Action;
import io.kith.security.Callers;
import io.kith.security.SignedIn;
import io.kith.theme.ThemeWebFilter;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The parts every page shares: UI strings in the page's language, the navigation menu built from
 * metadata, language links, and the CSRF token every form must carry.
 */
final class PageModel {

  private final Messages messages;

  PageModel(Messages messages) {
    this.messages = messages;
  }

  /** The request's CSRF token: parameter name and value. */
  static Mono<CsrfToken> csrf(ServerWebExchange exchange) {
    return exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
  }

  Mono<Map<String, Object>> base(ServerWebExchange exchange, MetadataSnapshot snapshot, KithLocale locale, String currentEntity) {
    Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
    Mono<Optional<SignedIn>> me = Callers.user(exchange).map(Optional::of).defaultIfEmpty(Optional.empty());
    return Mono.zip(token.map(t -> new String[] {t.getParameterName(), t.getToken()}).defaultIfEmpty(new String[] {"_csrf", ""}), me)
        .map(t -> build(exchange, snapshot, locale, currentEntity, t.getT1()[0], t.getT1()[1], t.getT2().orElse(null)));
  }

  private Map<String, Object> build(ServerWebExchange exchange, MetadataSnapshot snapshot, KithLocale locale,
      String currentEntity, String csrfName, String csrfToken, SignedIn me) {
    Map<String, Object> model = new HashMap<>();
    model.put("t", messages.all(locale));
    model.put("lang", locale.tag());
    List<Link> nav = new ArrayList<>();
    Access access = me == null ? Access.NOBODY : me.access();
    for (EntityDef entity : snapshot.entities().values()) {
      if (!access.can(entity.name(), Action.VIEW)) {
        continue;
      }
      nav.add(new Link(entity.pluralLabel(locale), "/app/" + entity.name(), entity.name().equals(currentEntity)));
    }
    model.put("nav", nav);
    if (access.administrator()) {
      String here = exchange.getRequest().getPath().value();
      model.put("adminNav", List.of(
          new Link(messages.get(locale, "admin.users.title"), "/app/admin/users", here.startsWith("/app/admin/users")),
          new Link(messages.get(locale, "admin.roles.title"), "/app/admin/roles", here.startsWith("/app/admin/roles")),
          new Link(messages.get(locale, "meta.entities.title"), "/app/admin/entities",
              here.startsWith("/app/admin/entities")),
          new Link(messages.get(locale, "meta.lists.title"), "/app/admin/option-lists",
              here.startsWith("/app/admin/option-lists")),
          new Link(messages.get(locale, "meta.fields.title"), "/app/admin/fields", here.startsWith("/app/admin/fields")),
          new Link(messages.get(locale, "meta.reltypes.title"), "/app/admin/relationship-types",
              here.startsWith("/app/admin/relationship-types")),
          new Link(messages.get(locale, "meta.revisions.title"), "/app/admin/revisions",
              here.startsWith("/app/admin/revisions"))));
    }
    List<Link> languages = new ArrayList<>();
    String path = exchange.getRequest().getPath().value();
    String otherParameters = withoutLang(exchange.getRequest().getURI().getRawQuery());
    for (KithLocale l : KithLocale.values()) {
      String href = path + "?" + otherParameters + "lang=" + l.tag();
      languages.add(new Link(l.nativeName(), href, l == locale));
    }
    model.put("languages", languages);
    model.put("csrfName", csrfName);
    model.put("csrfToken", csrfToken);
    if (me != null) {
      model.put("me", me);
    }
    // What the caller may do with the page's entity type: pages offer only those actions.
    Map<String, Boolean> can = new HashMap<>();
    for (Action action : Action.values()) {
      can.put(action.code(), currentEntity != null && access.can(currentEntity, action));
    }
    model.put("can", can);
    model.put("theme", ThemeWebFilter.of(exchange));
    model.put("administrator", access.administrator());
    model.put("quickAdd", QuickAddPageHandler.available(snapshot)
        && access.can(QuickAddPageHandler.ENTITY, Action.CREATE));
    return model;
  }

  /** The raw query without its lang parameter, ending in {@code &} when anything is left. */
  static String withoutLang(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String part : rawQuery.split("&")) {
      if (!part.isEmpty() && !part.startsWith("lang=") && !part.equals("lang")) {
        out.append(part).append('&');
      }
    }
    return out.toString();
  }

  String text(KithLocale locale, String key, Object... arguments) {
    return messages.get(locale, key, arguments);
  }
}
