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
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
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

  Mono<Map<String, Object>> base(ServerWebExchange exchange, MetadataSnapshot snapshot, KithLocale locale, String currentEntity) {
    Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
    return token.map(t -> build(exchange, snapshot, locale, currentEntity, t.getParameterName(), t.getToken()))
        .defaultIfEmpty(build(exchange, snapshot, locale, currentEntity, "_csrf", ""));
  }

  private Map<String, Object> build(ServerWebExchange exchange, MetadataSnapshot snapshot, KithLocale locale,
      String currentEntity, String csrfName, String csrfToken) {
    Map<String, Object> model = new HashMap<>();
    model.put("t", messages.all(locale));
    model.put("lang", locale.tag());
    List<Link> nav = new ArrayList<>();
    for (EntityDef entity : snapshot.entities().values()) {
      nav.add(new Link(entity.pluralLabel(locale), "/app/" + entity.name(), entity.name().equals(currentEntity)));
    }
    model.put("nav", nav);
    List<Link> languages = new ArrayList<>();
    for (KithLocale l : KithLocale.values()) {
      var uri = exchange.getRequest().getURI();
      String href = UriComponentsBuilder
          .fromUriString(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
          .replaceQueryParam("lang", l.tag())
          .build(true)
          .toUriString();
      languages.add(new Link(l.nativeName(), href, l == locale));
    }
    model.put("languages", languages);
    model.put("csrfName", csrfName);
    model.put("csrfToken", csrfToken);
    return model;
  }

  String text(KithLocale locale, String key, Object... arguments) {
    return messages.get(locale, key, arguments);
  }
}
