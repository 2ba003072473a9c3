package io.kith.web.api;

import io.kith.record.RecordException;
import org.springframework.web.reactive.function.server.ServerRequest;

/** Whole-number query parameters (page, size, limit): absent means the fallback, anything else is checked. */
final class QueryNumbers {

  private QueryNumbers() {}

  /** The parameter {@code name} from 1 to {@code max}; a 400 naming it otherwise. */
  static int of(ServerRequest request, String name, int fallback, int max) {
    String text = request.queryParam(name).orElse("");
    if (text.isBlank()) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new RecordException(RecordException.Reason.BAD_QUERY, "not_a_number", name);
    }
    if (value < 1 || value > max) {
      throw new RecordException(RecordException.Reason.BAD_QUERY, "out_of_range", name, 1, max);
    }
    return value;
  }
}
