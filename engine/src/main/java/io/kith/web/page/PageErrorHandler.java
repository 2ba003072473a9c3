package io.kith.web.page;

import freemarker.template.Configuration;
import freemarker.template.Template;
import io.kith.i18n.KithLocale;
import io.kith.i18n.Messages;
import io.kith.record.RecordException;
import io.kith.web.RequestLocale;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.freemarker.FreeMarkerConfig;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/** Errors on {@code /app} pages as a readable, escaped HTML page in the user's language. */
@Component
@Order(-2)
public class PageErrorHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(PageErrorHandler.class);

  private final Configuration freemarker;
  private final Messages messages;

  public PageErrorHandler(FreeMarkerConfig freemarker, Messages messages) {
    this.freemarker = freemarker.getConfiguration();
    this.messages = messages;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (!exchange.getRequest().getPath().value().startsWith("/app") || exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    KithLocale locale = RequestLocale.of(exchange);
    int status;
    String message;
    if (error instanceof RecordException e) {
      status = e.reason().status();
      message = messages.get(locale, "problem." + e.messageKey(), e.arguments());
    } else if (error instanceof ResponseStatusException e) {
      status = e.getStatusCode().value();
      message = messages.get(locale, status == 404 ? "problem.not_found" : "problem.bad_request");
    } else {
      log.error("Unexpected error on {}", exchange.getRequest().getPath(), error);
      status = 500;
      message = "Internal error";
    }
    String html;
    try {
      Template template = freemarker.getTemplate("error.ftlh");
      StringWriter out = new StringWriter();
      template.process(Map.of("status", status, "message", message, "t", messages.all(locale), "lang", locale.tag()), out);
      html = out.toString();
    } catch (Exception e) {
      log.error("Cannot render the error page", e);
      html = "<!doctype html><title>Error</title><p>Error " + status + "</p>";
    }
    var response = exchange.getResponse();
    response.setStatusCode(HttpStatus.valueOf(status));
    response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(response.bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8))));
  }
}
