package io.kith.web.page;

import java.util.regex.Pattern;

/**
 * A page rendered once per metadata version with a placeholder where each request's CSRF token
 * goes: serving it is joining the parts around the token. Only pages that depend on nothing but
 * metadata, language and the token are cached (the blank new-record form).
 */
final class CachedPage {

  /** Letters only, so escaping leaves it as is; it cannot come from metadata (names are lower case). */
  static final String TOKEN_PLACEHOLDER = "KITHxCSRFxTOKENxPLACEHOLDER";

  private final String[] parts;

  CachedPage(String html) {
    this.parts = html.split(Pattern.quote(TOKEN_PLACEHOLDER), -1);
  }

  String with(String token) {
    return String.join(token, parts);
  }
}
