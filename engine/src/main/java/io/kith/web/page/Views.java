package io.kith.web.page;

import freemarker.template.Configuration;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Picks the template for a page: {@code entities/<entity>/<page>.ftlh} when an override exists,
 * otherwise the generic {@code records/<page>.ftlh}. Which one exists is looked up once per name.
 */
final class Views {

  private final Configuration freemarker;
  private final Map<String, String> chosen = new ConcurrentHashMap<>();

  Views(Configuration freemarker) {
    this.freemarker = freemarker;
  }

  Mono<ServerResponse> render(String entity, String page, Map<String, Object> model) {
    return render(entity, page, model, HttpStatus.OK);
  }

  Mono<ServerResponse> render(String entity, String page, Map<String, Object> model, HttpStatus status) {
    return ServerResponse.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .render(template(entity, page), model);
  }

  /** Renders to a string, for pages cached per metadata version (templates do no I/O). */
  String renderToString(String entity, String page, Map<String, Object> model) {
    try {
      java.io.StringWriter out = new java.io.StringWriter(16_384);
      freemarker.getTemplate(template(entity, page) + ".ftlh").process(model, out);
      return out.toString();
    } catch (IOException | freemarker.template.TemplateException e) {
      throw new IllegalStateException("cannot render " + page + " of " + entity, e);
    }
  }

  Mono<ServerResponse> html(String body) {
    return ServerResponse.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .bodyValue(body);
  }

  private String template(String entity, String page) {
    return chosen.computeIfAbsent(entity + "/" + page, key -> {
      String override = "entities/" + entity + "/" + page;
      try {
        if (freemarker.getTemplate(override + ".ftlh", null, null, true, true) != null) {
          return override;
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot read template " + override, e);
      }
      return "records/" + page;
    });
  }
}
