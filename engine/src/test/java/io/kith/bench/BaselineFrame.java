package io.kith.bench;

import io.kith.i18n.KithLocale;
import java.util.List;

/** The page frame of the hand-written pages: head, menu and language links, as the layout has them. */
final class BaselineFrame {

  private BaselineFrame() {}

  /** {@code nav} rows are label, href and "true" for the current entry. */
  static void open(Html h, List<String[]> nav, String title, String path, String query) {
    h.raw("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").text(title)
        .raw("</title>\n<link rel=\"stylesheet\" href=\"/ui/kith.css\">\n<script src=\"/ui/kith.js\" defer></script>\n")
        .raw("</head>\n<body>\n<header class=\"top\">\n<a class=\"brand\" href=\"/app\">Kith</a>\n")
        .raw("<nav class=\"menu\" aria-label=\"Home\">\n");
    for (String[] link : nav) {
      h.raw("<a href=\"").text(link[1]).raw("\"").raw("true".equals(link[2]) ? " aria-current=\"page\"" : "")
          .raw(">").text(link[0]).raw("</a>\n");
    }
    h.raw("</nav>\n<nav class=\"languages\" aria-label=\"Language\">\n");
    for (KithLocale l : KithLocale.values()) {
      String href = path + (query.isEmpty() ? "?" : query + "&") + "lang=" + l.tag();
      h.raw("<a href=\"").text(href).raw("\" hreflang=\"").text(l.nativeName()).raw("\"")
          .raw(l == KithLocale.EN ? " aria-current=\"true\"" : "").raw(">").text(l.nativeName()).raw("</a>\n");
    }
    h.raw("</nav>\n</header>\n<main>\n");
  }

  static void close(Html h) {
    h.raw("</main>\n</body>\n</html>\n");
  }
}
