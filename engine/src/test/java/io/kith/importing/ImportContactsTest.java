package io.kith.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.Imports;
import io.kith.testing.KithExtension;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance 1: contacts from a UTF-8 file with a byte-order mark, a Big5 file and a GBK file, with
 * Chinese names and Chinese or English headers. The encoding is detected, the suggested mapping
 * (a profile without columns) is right for every header, and the import stores what the file says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportContactsTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final String SUGGEST = """
      {"name": "suggested", "entity": "contact", "subtype": "individual"}""";

  Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("UTF-8 with BOM, English headers", StandardCharsets.UTF_8, true, "UTF-8",
            List.of("First Name,Last Name,E-mail Address,Gender,Email (Work),Birth Date",
                "大文,陳,tai.man@example.com,Male,tm.work@example.com,1950/3/7",
                "美玲,李,mei.ling@example.com,Female,,1948-12-01"),
            List.of("first_name", "last_name", "emails.email", "gender", "emails.email", "birth_date"),
            "陳", "tai.man@example.com"),
        Arguments.of("Big5, Traditional Chinese headers", Charset.forName("Big5"), false, "Big5",
            List.of("名字,姓氏,電郵,性別,住宅電話,出生日期",
                "志明,黃,chi.ming@example.com,男,2345 6789,1945-01-02",
                "嘉欣,張,ka.yan@example.com,女,,1952-07-08"),
            List.of("first_name", "last_name", "emails.email", "gender", "phones.phone", "birth_date"),
            "黃", "chi.ming@example.com"),
        Arguments.of("GBK, Simplified Chinese headers", Charset.forName("GBK"), false, "GB18030",
            List.of("名字,姓氏,电子邮件,性别,电话号码,城市",
                "建国,刘,jian.guo@example.com,男,13800138000,深圳",
                "秀英,赵,xiu.ying@example.com,女,,广州"),
            List.of("first_name", "last_name", "emails.email", "gender", "phones.phone", "addresses.city"),
            "刘", "jian.guo@example.com"));
  }

  @org.junit.jupiter.api.Test
  void storesTextWithQuotesBackslashesAndBracesExactly() {
    String tricky = "Jo \"JJ\" \\ {x}, y";
    byte[] file = Imports.csv(StandardCharsets.UTF_8, false, "First Name,Last Name",
        "\"" + tricky.replace("\"", "\"\"") + "\",O'Brien");

    JsonNode done = new Imports(kith.api()).run(file, SUGGEST);

    assertThat(done.get("created").asInt()).isEqualTo(1);
    assertThat(kith.db().query("select first_name, display_name from contact where last_name = 'O''Brien'"))
        .containsExactly(Map.of("first_name", tricky, "display_name", tricky + " O'Brien"));
    // The quick-search columns (a text array among them) were written too: the record is found.
    assertThat(kith.api().get("/api/v1/search?q=O'Brien").body().get("items").findValuesAsString("label"))
        .contains(tricky + " O'Brien");
  }

  @org.junit.jupiter.api.Test
  void readsCellsAsPeopleWriteThemInAFileWithoutHeaderRow() {
    // Semicolons, single quotes and no header row, all chosen in the profile; columns by position.
    byte[] file = Imports.csv(StandardCharsets.UTF_8, false,
        "'Ka Ming';Ho;是;'電話, 短訊';1947/2/3;Home;ho.ka.ming@example.com;x",
        "Wing;Lau;No;Email;1951-11-30;Work;lau.wing@example.com;y",
        "Bad;Choice;maybe;Pigeon;1951-02-03;Moon;bad.choice@example.com;z",
        "Date;Only;No;Email;1951-02-30;Home;date.only@example.com;w");
    String profile = """
        {"name": "positions", "entity": "contact", "subtype": "individual",
         "file": {"delimiter": ";", "quote": "'", "header": false},
         "columns": [{"index": 1, "field": "first_name"}, {"index": 2, "field": "last_name"},
                     {"index": 3, "field": "do_not_phone"},
                     {"index": 4, "field": "preferred_communication_methods", "separator": ","},
                     {"index": 5, "field": "birth_date"},
                     {"index": 6, "field": "emails.location_type", "values": {"home": "home", "work": "work"}},
                     {"index": 7, "field": "emails.email"}, {"index": 8, "skip": true}],
         "constants": {"source": "positions", "gender": "other"}}""";
    Imports imports = new Imports(kith.api());

    JsonNode done = imports.run(file, profile);

    assertThat(done.get("created").asInt()).isEqualTo(2);
    assertThat(done.get("failed").asInt()).isEqualTo(2);
    List<Map<String, Object>> stored = kith.db().query("""
        select c.first_name, c.do_not_phone, c.preferred_communication_methods::text as methods, c.birth_date::text as born,
               c.source, c.gender, e.location_type, e.email
          from contact c join contact__emails e on e.parent_id = c.id where c.source = 'positions' order by c.id""");
    assertThat(stored).containsExactly(
        Map.of("first_name", "Ka Ming", "do_not_phone", true, "methods", "{phone,sms}", "born", "1947-02-03",
            "source", "positions", "gender", "other", "location_type", "home", "email", "ho.ka.ming@example.com"),
        Map.of("first_name", "Wing", "do_not_phone", false, "methods", "{email}", "born", "1951-11-30",
            "source", "positions", "gender", "other", "location_type", "work", "email", "lau.wing@example.com"));
    // The file had no header row, so neither has the file of failed rows; they are written with the
    // file's own delimiter and quote, so the same profile reads them again once fixed.
    List<String> failed = imports.failedCsv(done.get("id").asLong()).replace("\uFEFF", "").lines().toList();
    assertThat(failed).hasSize(2);
    assertThat(failed.get(0)).startsWith("Bad;Choice;maybe;Pigeon;")
        .contains("Do not phone has the wrong kind of value.")
        .contains("Preferred communication methods is not one of the choices in its list.")
        .contains("Email addresses 1: Location is not one of the choices in its list.");
    assertThat(failed.get(1)).startsWith("Date;Only;").endsWith("Birth date must be a date (YYYY-MM-DD).");
    String fixed = String.join("\r\n", failed.get(0).replace("maybe;Pigeon;", "no;Email;").replace(";Moon;", ";Work;"),
        failed.get(1).replace("1951-02-30", "1951-02-28"));
    JsonNode again = imports.run(Imports.csv(StandardCharsets.UTF_8, true, fixed), profile);
    assertThat(List.of(again.get("created").asInt(), again.get("failed").asInt())).containsExactly(2, 0);
    assertThat(kith.db().query("select first_name from contact where source = 'positions' order by id"))
        .extracting(row -> row.get("first_name")).containsExactly("Ka Ming", "Wing", "Bad", "Date");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void detectsEncodingSuggestsMappingAndImports(String description, Charset charset, boolean bom, String encoding,
      List<String> lines, List<String> expectedTargets, String lastName, String email) {
    byte[] file = Imports.csv(charset, bom, lines.toArray(String[]::new));
    Imports imports = new Imports(kith.api());

    Response preview = imports.upload(file, SUGGEST, true);

    assertThat(preview.status()).as(String.valueOf(preview.body())).isEqualTo(200);
    assertThat(preview.body().at("/file/encoding").asString()).isEqualTo(encoding);
    assertThat(preview.body().at("/file/columns").valueStream().map(JsonNode::asString).toList())
        .isEqualTo(List.of(lines.get(0).split(",")));
    assertThat(preview.body().at("/profile/columns").valueStream().map(c -> c.path("field").asString(null)).toList())
        .isEqualTo(expectedTargets);
    assertThat(preview.body().at("/counts/create").asInt()).isEqualTo(2);
    assertThat(preview.body().at("/counts/invalid").asInt()).isZero();
    assertThat(kith.db().query("select 1 from contact where last_name = $1", lastName)).isEmpty();

    JsonNode done = imports.run(file, SUGGEST);

    assertThat(done.get("status").asString()).isEqualTo("completed");
    assertThat(done.get("created").asInt()).isEqualTo(2);
    List<Map<String, Object>> stored = kith.db().query("""
        select c.first_name, c.last_name, c.gender, c.subtype, e.email from contact c
          join contact__emails e on e.parent_id = c.id where c.last_name = $1 order by e.position""", lastName);
    assertThat(stored).isNotEmpty();
    Map<String, Object> first = new LinkedHashMap<>(stored.get(0));
    assertThat(first).containsEntry("first_name", lines.get(1).split(",")[0])
        .containsEntry("gender", "male").containsEntry("subtype", "individual").containsEntry("email", email);
  }
}
