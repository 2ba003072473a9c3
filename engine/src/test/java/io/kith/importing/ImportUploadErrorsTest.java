package io.kith.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.Imports;
import io.kith.testing.KithExtension;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Uploads that cannot be imported are refused as a whole with a problem naming the part at fault
 * (the file, the encoding, a column) in words, with nothing queued or written: files over the size
 * or row limit, text that is not in the chosen encoding, broken CSV, unusable delimiters, empty
 * files, profile columns the file lacks, and missing parts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportUploadErrorsTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shippedWith("--kith.import.max-bytes=4000", "--kith.import.max-rows=10");

  private static final String PROFILE = """
      {"name": "p", "entity": "contact", "subtype": "individual"%s,
       "columns": [{"column": "First", "field": "first_name"}, {"column": "Last", "field": "last_name"}]}""";

  Stream<Arguments> refusals() {
    StringBuilder big = new StringBuilder("First,Last");
    for (int i = 0; i < 400; i++) {
      big.append("\r\nSomeone,Number").append(i);
    }
    StringBuilder rows = new StringBuilder("First,Last");
    for (int i = 0; i < 11; i++) {
      rows.append("\r\nA,B").append(i);
    }
    StringBuilder huge = new StringBuilder("First,Last");
    for (int i = 0; i < 20_000; i++) {
      huge.append("\r\nSomeone,Number").append(i);
    }
    return Stream.of(
        Arguments.of("a file far over the size limit (read to its end, the rest discarded)", utf8(huge.toString()), profile(""),
            "file", "file_too_large", "file is larger than the limit of 4000 bytes."),
        Arguments.of("file over the size limit", utf8(big.toString()), profile(""), "file", "file_too_large",
            "file is larger than the limit of 4000 bytes."),
        Arguments.of("more rows than the limit", utf8(rows.toString()), profile(""), "file", "too_many_rows",
            "file has more than 10 rows, the limit for one import."),
        Arguments.of("Big5 text read as UTF-8", Imports.csv(Charset.forName("Big5"), false, "First,Last", "大文,陳"),
            profile(", \"file\": {\"encoding\": \"UTF-8\"}"), "file.encoding", "not_in_encoding",
            "file.encoding: the file is not valid UTF-8 text; choose the file's encoding."),
        Arguments.of("a quote left open", utf8("First,Last\r\n\"Tai Man,Chan\r\n"), profile(""), "file", "unreadable_csv",
            "file cannot be read as CSV"),
        Arguments.of("a delimiter of two characters", utf8("First,Last\r\nA,B\r\n"),
            profile(", \"file\": {\"delimiter\": \";;\"}"), "file.delimiter", "bad_delimiter",
            "file.delimiter: \";;\" cannot separate fields"),
        Arguments.of("an empty file", new byte[0], profile(""), "file", "empty_file", "file has no rows."),
        Arguments.of("a column the file lacks", utf8("First,Surname\r\nA,B\r\n"), profile(""), "columns[1].column",
            "no_such_column", "columns[1].column: the file has no column \"Last\"."),
        Arguments.of("no profile", utf8("First,Last\r\nA,B\r\n"), null, "profile", "required", "profile is required."),
        Arguments.of("a profile that is not JSON", utf8("First,Last\r\nA,B\r\n"), "{\"name\": ", "profile",
            "malformed_profile", "profile is not valid JSON."),
        Arguments.of("an unknown profile name", utf8("First,Last\r\nA,B\r\n"), "no_such_profile", null, null,
            "There is no import profile \"no_such_profile\"."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusesTheWholeUploadNamingTheProblem(String description, byte[] file, String profile, String field, String code,
      String message) {
    for (boolean dryRun : new boolean[] {true, false}) {
      Response refused = new Imports(kith.api()).upload(file, profile, dryRun);

      assertThat(refused.status()).as(String.valueOf(refused.body())).isIn(400, 404);
      assertThat(refused.contentType().toString()).startsWith("application/problem+json");
      if (field == null) {
        assertThat(refused.body().get("title").asString()).isEqualTo(message);
      } else {
        assertThat(refused.body().at("/errors/0/field").asString()).isEqualTo(field);
        assertThat(refused.body().at("/errors/0/code").asString()).isEqualTo(code);
        assertThat(refused.body().at("/errors/0/message").asString()).startsWith(message);
      }
    }
    assertThat(kith.db().count("kith.import_job")).isZero();
    assertThat(kith.db().count("contact")).isZero();
  }

  @org.junit.jupiter.api.Test
  void refusesADryRunFlagThatIsNeitherTrueNorFalse() {
    io.kith.testing.ApiClient.Response refused = kith.api().multipart("/api/v1/imports?dryRun=maybe",
        new org.springframework.http.client.MultipartBodyBuilder().build());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().at("/errors/0/field").asString()).isEqualTo("dryRun");
    assertThat(refused.body().at("/errors/0/message").asString()).isEqualTo("dryRun must be true or false.");
  }

  private static String profile(String file) {
    return PROFILE.formatted(file);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
