package io.kith.web.api;

import io.kith.i18n.KithLocale;
import io.kith.record.RecordException;
import io.kith.record.RecordService;
import io.kith.validation.RecordValidationException;
import io.kith.web.Problems;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Turns every error on an {@code /api/} path into an RFC 9457 {@code application/problem+json}. */
@Component
@Order(-2)
public class ApiErrorHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

  private final Problems problems;
  private final RecordService records;
  private final ObjectMapper mapper;

  public ApiErrorHandler(Problems problems, RecordService records, ObjectMapper mapper) {
    this.problems = problems;
    this.records = records;
    this.mapper = mapper;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (!exchange.getRequest().getPath().value().startsWith("/api/") || exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    KithLocale locale = RequestLocale.of(exchange);
    ObjectNode problem = problem(exchange, error, locale);
    var response = exchange.getResponse();
    response.setStatusCode(HttpStatus.valueOf(problem.get("status").asInt()));
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    byte[] bytes = mapper.writeValueAsBytes(problem);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
  }

  private ObjectNode problem(ServerWebExchange exchange, Throwable error, KithLocale locale) {
    if (error instanceof RecordValidationException e) {
      return problems.validation(entityOf(exchange), e.errors(), locale);
    }
    if (error instanceof RecordException e) {
      return problems.record(e, locale);
    }
    if (error instanceof UnsupportedMediaTypeStatusException) {
      return problems.simple(415, "unsupported_media_type", locale);
    }
    if (error instanceof ServerWebInputException e && hasCause(e, DecodingException.class)) {
      return problems.simple(400, "malformed_json", locale);
    }
    if (error instanceof ResponseStatusException e) {
      int status = e.getStatusCode().value();
      return problems.simple(status, status == 404 ? "not_found" : "bad_request", locale);
    }
    log.error("Unexpected error on {}", exchange.getRequest().getPath(), error);
    ObjectNode problem = problems.simple(500, "bad_request", locale);
    problem.put("title", "Internal error");
    return problem;
  }

  private io.kith.metadata.EntityDef entityOf(ServerWebExchange exchange) {
    String[] parts = exchange.getRequest().getPath().value().split("/");
    try {
      return parts.length > 3 ? RecordService.entity(RequestSnapshot.of(exchange), parts[3]) : null;
    } catch (RecordException e) {
      return null;
    }
  }

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
