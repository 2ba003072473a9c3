package io.kith.web.page;

import io.kith.i18n.KithLocale;
import io.kith.record.Page;
import io.kith.render.ListView.Pager;
import io.kith.render.ListView.Param;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pager of the CRM manual for any list of records: totals (an estimate says so), first /
 * previous / next / last links that keep the other parameters, and the jump form's hidden fields.
 */
final class Pagers {

  /** Parameters that never travel in pager links: one-off actions and notices. */
  private static final Set<String> TRANSIENT = Set.of("jump", "lang", "deactivated", "deleted", "saved_notice");

  private Pagers() {}

  static Pager pager(String base, Page page, MultiValueMap<String, String> params, KithLocale locale, PageModel pages) {
    long last = page.pages();
    int current = page.page();
    List<Param> hidden = new ArrayList<>();
    params.forEach((name, values) -> {
      if (!TRANSIENT.contains(name)) {
        values.forEach(v -> hidden.add(new Param(name, v)));
      }
    });
    if (!params.containsKey("page")) {
      hidden.add(new Param("page", String.valueOf(current)));
    }
    String summary = pages.text(locale, page.estimated() ? "pager.summary_estimated" : "pager.summary",
        page.total(), last, page.size(), current);
    return new Pager(summary, page.total(), last, page.size(), current,
        current > 1 ? url(base, params, Map.of("page", "1")) : null,
        current > 1 ? url(base, params, Map.of("page", String.valueOf(Math.min(current - 1, last)))) : null,
        current < last ? url(base, params, Map.of("page", String.valueOf(current + 1))) : null,
        current < last ? url(base, params, Map.of("page", String.valueOf(last))) : null,
        hidden);
  }

  /** {@code base} with the current parameters, {@code changes} applied, every value encoded. */
  static String url(String base, MultiValueMap<String, String> params, Map<String, String> changes) {
    UriComponentsBuilder builder = UriComponentsBuilder.fromPath(base);
    Map<String, List<String>> merged = new LinkedHashMap<>(params);
    TRANSIENT.forEach(merged::remove);
    changes.forEach((k, v) -> merged.put(k, List.of(v)));
    Map<String, Object> vars = new LinkedHashMap<>();
    int[] n = {0};
    merged.forEach((k, values) -> values.forEach(v -> {
      String var = "v" + n[0]++;
      builder.queryParam(k, "{" + var + "}");
      vars.put(var, v);
    }));
    return builder.encode().buildAndExpand(vars).toUriString();
  }

  /** The jump box: a page number ≥ 1, or null when empty, zero or not a number (no jump). */
  static Integer jumpTarget(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      int page = Integer.parseInt(text.strip());
      return page >= 1 ? page : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
