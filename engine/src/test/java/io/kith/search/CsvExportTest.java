package io.kith.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.ApiClient;
import io.kith.testing.HtmlSession;
import io.kith.testing.KithExtension;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CSV export of query results: the chosen columns in their order, every matching row across many
 * batches, values as people read them, RFC 4180 quoting (parsed back with commons-csv), cells that a
 * spreadsheet would run as formulas neutralised, and a UTF-8 byte-order mark so Excel reads Chinese.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvExportTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final String TRICKY = "Hello, \"World\"\nsecond line";

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() {
    person("大文", "陳", "male", "=HYPERLINK(\"http://evil.example\")", true);
    person("Ann", "Lee", "female", "+85291234567", false);
    person("Bob", "Ng", null, "-5", false);
    person("Cat", "Ho", null, "@SUM(A1)", false);
    person("Dan", "Wu", null, TRICKY, false);
    person("Eve", "Au", null, "Tabbed", false);
    // Input is trimmed, so a leading tab can only come from elsewhere (an import, SQL).
    kith.db().execute("update contact set source = E'\\tTabbed' where first_name = 'Eve'");
  }


  private long person(String first, String last, String gender, String source, boolean doNotPhone) {
    String body = ApiClient.JSON.createObjectNode().put("subtype", "individual").put("first_name", first)
        .put("last_name", last).put("gender", gender).put("source", source).put("do_not_phone", doNotPhone)
        .toString();
    Response created = kith.api().post("/api/v1/contact", body);
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private record Csv(int status, String contentType, String disposition, byte[] bytes) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    List<CSVRecord> records() throws IOException {
      return CSVFormat.RFC4180.parse(new StringReader(text().substring(1))).getRecords();
    }
  }

  private Csv export(String entity, String query, String language) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(kith.server().baseUrl() + "/api/v1/" + entity + "/export"))
        .header("Content-Type", "application/json").header("Accept-Language", language)
        .POST(HttpRequest.BodyPublishers.ofString(query)).build();
    return send(request);
  }

  private Csv send(HttpRequest unsigned) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(unsigned, (name, value) -> true)
        .header("Authorization", "Bearer " + kith.server().adminToken()).build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Csv(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
        response.headers().firstValue("Content-Disposition").orElse(""), response.body());
  }

  private static List<String> row(CSVRecord record) {
    return Arrays.asList(record.values());
  }

  @Test
  void exportsTheChosenColumnsInOrderWithLabelsInTheRequestLanguage() throws Exception {
    Csv csv = export("contact", """
        {"filter": {"field": "subtype", "op": "eq", "value": "individual"},
         "columns": ["last_name", "first_name", "gender", "do_not_phone"], "sort": ["last_name"]}""", "zh-Hant");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(csv.disposition()).isEqualTo("attachment; filename=\"contact-" + LocalDate.now() + ".csv\"");
    assertThat(Arrays.copyOf(csv.bytes(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<CSVRecord> records = csv.records();
    assertThat(row(records.get(0))).startsWith("姓氏", "名字", "性別").hasSize(4);
    assertThat(records).hasSize(7);
    assertThat(row(records.get(1))).containsExactly("Au", "Eve", "", "否");
    assertThat(records.stream().map(r -> r.get(0)).toList()).contains("陳");
    CSVRecord chan = records.stream().filter(r -> r.get(0).equals("陳")).findFirst().orElseThrow();
    assertThat(row(chan)).containsExactly("陳", "大文", "男", "是");
  }

  @Test
  void neutralisesFormulaCellsAndQuotesCommasQuotesAndNewlines() throws Exception {
    Csv csv = export("contact", """
        {"columns": ["first_name", "source"], "sort": ["first_name"]}""", "en");
    List<CSVRecord> records = csv.records();
    assertThat(row(records.get(0))).containsExactly("First name", "Source");
    assertThat(records.stream().skip(1).map(CsvExportTest::row).toList()).containsExactly(
        List.of("Ann", "'+85291234567"),
        List.of("Bob", "'-5"),
        List.of("Cat", "'@SUM(A1)"),
        List.of("Dan", TRICKY),
        List.of("Eve", "'\tTabbed"),
        List.of("大文", "'=HYPERLINK(\"http://evil.example\")"));
    assertThat(csv.text()).contains("\"Hello, \"\"World\"\"\nsecond line\"").contains("\r\n");
  }

  @Test
  void columnsDefaultToTheListColumns() throws Exception {
    Csv csv = export("contact", "{\"filter\": {\"field\": \"first_name\", \"op\": \"eq\", \"value\": \"Ann\"}}", "en");
    List<CSVRecord> records = csv.records();
    assertThat(row(records.get(0))).containsExactly("Name", "Gender", "Birth date", "Source");
    assertThat(row(records.get(1))).containsExactly("Ann Lee", "Female", "", "'+85291234567");
  }

  @Test
  void exportsEveryMatchingRowAcrossBatchesInOrder() throws Exception {
    kith.db().execute("insert into activity (activity_type, subject, activity_date_time) "
        + "select 'meeting', 'Bulk ' || lpad(g::text, 4, '0'), now() "
        + "from generate_series(1, 1234) g");
    Csv csv = export("activity", """
        {"filter": {"field": "subject", "op": "starts_with", "value": "Bulk"}, "columns": ["subject"],
         "sort": ["-subject"], "size": 10, "page": 3}""", "en");
    List<CSVRecord> records = csv.records();
    assertThat(records).hasSize(1235);
    assertThat(records.get(1).get(0)).isEqualTo("Bulk 1234");
    assertThat(records.get(1234).get(0)).isEqualTo("Bulk 0001");
    assertThat(records.stream().skip(1).map(r -> r.get(0)).distinct().count()).isEqualTo(1234);
  }

  @Test
  void exportsReferenceLabelsAndLocalDateTimes() throws Exception {
    long ann = kith.api().get("/api/v1/contact?first_name=Ann").body().get("items").get(0).get("id").asLong();
    long bob = kith.api().get("/api/v1/contact?first_name=Bob").body().get("items").get(0).get("id").asLong();
    Response created = kith.api().post("/api/v1/activity", """
        {"activity_type": "meeting", "subject": "Visit", "activity_date_time": "2025-03-04T09:30",
         "source_contact": %d, "target_contacts": [%d, %d]}""".formatted(ann, ann, bob));
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    Csv csv = export("activity", """
        {"filter": {"field": "subject", "op": "eq", "value": "Visit"},
         "columns": ["subject", "activity_date_time", "source_contact", "target_contacts"]}""", "en");
    assertThat(row(csv.records().get(1))).containsExactly("Visit", "2025-03-04 09:30", "Ann Lee", "Ann Lee, Bob Ng");
  }

  @Test
  void aBadQueryIsAProblemBeforeAnyCsv() throws Exception {
    Csv csv = export("contact", "{\"filter\": {\"field\": \"nope\", \"op\": \"eq\", \"value\": 1}}", "en");
    assertThat(csv.status()).isEqualTo(400);
    assertThat(csv.contentType()).startsWith("application/problem+json");
    assertThat(csv.text()).contains("filter.field");
    assertThat(export("ghost", "{}", "en").status()).isEqualTo(404);
  }

  @Test
  void thePageExportsTheCurrentSearchWithItsColumns() throws Exception {
    HtmlSession session = kith.session();
    var page = session.get("/app/contact/search?match=and&c0.field=first_name&c0.op=contains&c0.value=a"
        + "&col=first_name&col=last_name&sort=first_name&size=2&lang=zh-Hans");
    String href = page.document().selectFirst("a.export").attr("href");
    assertThat(href).startsWith("/app/contact/search/export?").doesNotContain("page=");
    Csv all = send(HttpRequest.newBuilder(URI.create(kith.server().baseUrl() + href)).header("Accept-Language", "zh-Hans").build());
    assertThat(all.status()).isEqualTo(200);
    List<CSVRecord> records = all.records();
    assertThat(row(records.get(0))).containsExactly("名字", "姓氏");
    assertThat(records.stream().skip(1).map(r -> r.get(0)).toList()).containsExactly("Ann", "Cat", "Dan");
  }
}
