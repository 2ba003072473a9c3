package io.kith.bench;

import io.kith.i18n.KithLocale;
import io.kith.i18n.Messages;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.OptionDef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The first page of contacts (50, by name) as a hand-written handler would do it: literal SQL for
 * the rows and the total the pager shows, and a StringBuilder table with every value escaped.
 */
final class BaselineContactList {

  static final int SIZE = 50;

  private record Row(long id, String name, String gender, LocalDate birthDate, String source, boolean active) {}

  private final DatabaseClient db;
  private final Messages messages;
  private final List<String[]> nav = new ArrayList<>();
  private final Map<String, String> genders;

  BaselineContactList(DatabaseClient db, MetadataSnapshot snapshot, Messages messages) {
    this.db = db;
    this.messages = messages;
    snapshot.entities().values().forEach(e -> nav.add(new String[] {e.pluralLabel(KithLocale.EN), "/app/" + e.name(),
        String.valueOf(e.name().equals("contact"))}));
    this.genders = snapshot.optionList("gender").options().stream()
        .collect(Collectors.toMap(OptionDef::code, o -> o.label(KithLocale.EN), (a, b) -> a, LinkedHashMap::new));
  }

  Mono<String> render(String csrfName, String csrfToken, String path) {
    Mono<List<Row>> rows = db.sql("select id, display_name, gender, birth_date, source, active from contact"
            + " order by display_name, id limit " + SIZE)
        .map(r -> new Row(r.get("id", Long.class), r.get("display_name", String.class), r.get("gender", String.class),
            r.get("birth_date", LocalDate.class), r.get("source", String.class), r.get("active", Boolean.class)))
        .all().collectList();
    Mono<Long> total = db.sql("select count(*) from contact").map(r -> r.get(0, Long.class)).one();
    return Mono.zip(rows, total).map(t -> html(t.getT1(), t.getT2(), csrfName, csrfToken, path));
  }

  private String html(List<Row> rows, long total, String csrfName, String csrfToken, String path) {
    long pages = Math.max(1, (total + SIZE - 1) / SIZE);
    Html h = new Html(32_000);
    BaselineFrame.open(h, nav, "Contacts · Kith", path, "?size=" + SIZE);
    h.raw("<div class=\"page-head\">\n<h1>Contacts</h1>\n")
        .raw("<a class=\"button primary\" href=\"/app/contact/new\">New Contact</a>\n</div>\n");
    h.raw("<form class=\"filters\" method=\"get\" action=\"/app/contact\">\n")
        .raw("<label>Name\n<input type=\"text\" name=\"display_name\" value=\"\">\n</label>\n")
        .raw("<label>Gender\n<select name=\"gender\">\n<option value=\"\"></option>\n");
    genders.forEach((code, label) -> h.raw("<option value=\"").text(code).raw("\">").text(label).raw("</option>\n"));
    h.raw("</select>\n</label>\n<label>Birth date\n<input type=\"text\" name=\"birth_date\" value=\"\">\n</label>\n")
        .raw("<label>Source\n<input type=\"text\" name=\"source\" value=\"\">\n</label>\n")
        .raw("<label>Active\n<select name=\"active\">\n<option value=\"\"></option>\n")
        .raw("<option value=\"true\">Active</option>\n<option value=\"false\">Inactive</option>\n</select>\n</label>\n")
        .raw("<button type=\"submit\">Filter</button>\n<a href=\"/app/contact\">Clear</a>\n</form>\n");
    h.raw("<form method=\"post\" action=\"/app/contact/deactivate\" class=\"bulk\">\n<input type=\"hidden\" name=\"")
        .text(csrfName).raw("\" value=\"").text(csrfToken).raw("\">\n<table class=\"records\">\n<thead>\n<tr>\n")
        .raw("<th class=\"select\"><input type=\"checkbox\" class=\"select-all\"")
        .raw(" title=\"Select all on this page\" aria-label=\"Select all on this page\"></th>\n")
        .raw("<th aria-sort=\"ascending\"><a href=\"/app/contact?size=50&amp;sort=-display_name&amp;page=1\">Name</a> ▲</th>\n")
        .raw("<th><a href=\"/app/contact?size=50&amp;sort=gender&amp;page=1\">Gender</a></th>\n")
        .raw("<th><a href=\"/app/contact?size=50&amp;sort=birth_date&amp;page=1\">Birth date</a></th>\n")
        .raw("<th><a href=\"/app/contact?size=50&amp;sort=source&amp;page=1\">Source</a></th>\n</tr>\n</thead>\n<tbody>\n");
    for (Row row : rows) {
      h.raw(row.active() ? "<tr>\n" : "<tr class=\"inactive\">\n")
          .raw("<td class=\"select\"><input type=\"checkbox\" name=\"ids\" value=\"").number(row.id())
          .raw("\" aria-label=\"Select ").text(row.name()).raw("\"></td>\n")
          .raw("<td><a href=\"/app/contact/").number(row.id()).raw("\">").text(row.name()).raw("</a></td>\n<td>");
      cell(h, row.gender() == null ? null : genders.getOrDefault(row.gender(), row.gender()));
      h.raw("</td>\n<td>");
      cell(h, row.birthDate() == null ? null : row.birthDate().toString());
      h.raw("</td>\n<td>");
      cell(h, row.source());
      h.raw("</td>\n</tr>\n");
    }
    h.raw("</tbody>\n</table>\n<button type=\"submit\" class=\"bulk-deactivate\">Deactivate selected</button>\n</form>\n");
    h.raw("<nav class=\"pager\" aria-label=\"pager\">\n<span class=\"summary\">")
        .text(messages.get(KithLocale.EN, "pager.summary", total, pages, SIZE, 1)).raw("</span>\n")
        .raw("<span class=\"first disabled\">First</span>\n<span class=\"previous disabled\">Previous</span>\n")
        .raw("<a class=\"next\" href=\"/app/contact?size=50&amp;page=2\">Next</a>\n")
        .raw("<a class=\"last\" href=\"/app/contact?size=50&amp;page=").number(pages).raw("\">Last</a>\n")
        .raw("<form class=\"jump\" method=\"get\" action=\"/app/contact\">\n")
        .raw("<input type=\"hidden\" name=\"size\" value=\"50\"><input type=\"hidden\" name=\"page\" value=\"1\">\n")
        .raw("<label>Go to page <input type=\"number\" name=\"jump\" value=\"\" min=\"1\" inputmode=\"numeric\"></label>\n")
        .raw("<button type=\"submit\">Go</button>\n</form>\n</nav>\n");
    BaselineFrame.close(h);
    return h.toString();
  }

  private static void cell(Html h, String text) {
    if (text == null) {
      h.raw("<span class=\"empty\">—</span>");
    } else {
      h.text(text);
    }
  }
}
