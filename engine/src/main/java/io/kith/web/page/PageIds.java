package io.kith.web.page;

import io.kith.record.RecordException;
import org.springframework.web.reactive.function.server.ServerRequest;

/** Reads the record id from a page URL; anything but a positive number is "not found". */
final class PageIds {
  private PageIds() {}

  static long id(ServerRequest request) {
    try {
      long id = Long.parseLong(request.pathVariable("id"));
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException ignored) {
      // falls through
    }
    throw new RecordException(RecordException.Reason.NOT_FOUND, "bad_id");
  }

  /** A positive id from a form value, or null for anything else (empty, tampered). */
  static Long positive(String value) {
    if (value == null) {
      return null;
    }
    try {
      long id = Long.parseLong(value.strip());
      return id > 0 ? id : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
