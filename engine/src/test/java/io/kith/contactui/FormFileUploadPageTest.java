package io.kith.contactui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * File fields in the HTML record form: the form is multipart with a file input, the chosen file is
 * stored through the files service the API uses and held by the record, a file over the limit is
 * refused beside its field with nothing written, and the detail page and the edit form show the
 * file's name with its download link.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormFileUploadPageTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shippedWith("--kith.files.max-bytes=1000");

  private static List<Map.Entry<String, String>> activity(String subject) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    fields.add(Map.entry("activity_type", "phone_call"));
    fields.add(Map.entry("subject", subject));
    fields.add(Map.entry("activity_date_time", "2009-11-17T20:00"));
    fields.add(Map.entry("status", "scheduled"));
    fields.add(Map.entry("attachments__present", "1"));
    fields.add(Map.entry("attachments[0].file", ""));
    fields.add(Map.entry("attachments[0].description", "Minutes"));
    return fields;
  }

  private static long activities() {
    return kith.api().get("/api/v1/activity?size=1").body().get("total").asLong();
  }

  @Test
  void theFormOfATypeWithFileFieldsIsMultipartWithAFileInput() {
    Page form = kith.session().get("/app/activity/new");
    Element record = form.document().selectFirst("form.record-form");
    assertThat(record.attr("enctype")).isEqualTo("multipart/form-data");
    assertThat(form.body()).contains("type=\"file\" name=\"attachments[").contains("].file.upload\"");
    assertThat(kith.session().get("/app/contact/new?subtype=individual").document()
        .selectFirst("form.record-form").hasAttr("enctype")).isFalse();
  }

  @Test
  void aChosenFileIsStoredThroughTheFilesServiceAndListedWithItsDownloadLink() {
    HtmlSession session = kith.session();
    byte[] minutes = "minutes of the call".getBytes(StandardCharsets.UTF_8);
    Page created = session.postMultipart("/app/activity", activity("Call with upload"),
        "attachments[0].file.upload", "會議記錄.txt", minutes);
    assertThat(created.status()).as(created.body()).isEqualTo(303);
    long id = Long.parseLong(created.location().replaceAll("\\D", ""));
    JsonNode record = kith.api().get("/api/v1/activity/" + id).body();
    assertThat(record.get("attachments").get(0).get("description").asString()).isEqualTo("Minutes");
    long file = record.get("attachments").get(0).get("file").asLong();
    JsonNode files = kith.api().get("/api/v1/activity/" + id + "/files").body().get("items");
    assertThat(files.get(0).get("id").asLong()).isEqualTo(file);
    assertThat(files.get(0).get("name").asString()).isEqualTo("會議記錄.txt");
    assertThat(files.get(0).get("size").asLong()).isEqualTo(minutes.length);

    Element onDetail = session.get("/app/activity/" + id).document().selectFirst("a:contains(會議記錄.txt)");
    assertThat(onDetail).isNotNull();
    assertThat(onDetail.attr("href")).isEqualTo("/api/v1/activity/" + id + "/files/" + file);

    Page edit = session.get("/app/activity/" + id + "/edit");
    Element link = edit.document().selectFirst(".widget-file a.download");
    assertThat(link.text()).isEqualTo("會議記錄.txt");
    assertThat(link.attr("href")).isEqualTo("/api/v1/activity/" + id + "/files/" + file);
    assertThat(edit.document().selectFirst("input[type=hidden][name=attachments[0].file]").attr("value"))
        .isEqualTo(String.valueOf(file));
    Page download = session.get(link.attr("href"));
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body()).isEqualTo("minutes of the call");

    // Saving the edit form without choosing a file keeps the one held.
    List<Map.Entry<String, String>> again = new ArrayList<>(activity("Call with upload, edited"));
    again.removeIf(e -> e.getKey().equals("attachments[0].file"));
    again.add(Map.entry("attachments[0].file", String.valueOf(file)));
    again.add(Map.entry("_version", edit.document().selectFirst("input[name=_version]").attr("value")));
    Page saved = session.postMultipart("/app/activity/" + id, again, "attachments[0].file.upload", "", new byte[0]);
    assertThat(saved.status()).as(saved.body()).isEqualTo(303);
    JsonNode after = kith.api().get("/api/v1/activity/" + id).body();
    assertThat(after.get("subject").asString()).isEqualTo("Call with upload, edited");
    assertThat(after.get("attachments").get(0).get("file").asLong()).isEqualTo(file);
  }

  @Test
  void aFileOverTheLimitIsRefusedBesideItsFieldAndNothingIsWritten() {
    long before = activities();
    Page refused = kith.session().postMultipart("/app/activity?lang=en", activity("Too big"),
        "attachments[0].file.upload", "big.bin", new byte[1500]);
    assertThat(refused.status()).isEqualTo(400);
    Element field = refused.document().selectFirst(".widget-file.has-error");
    assertThat(field).isNotNull();
    assertThat(field.selectFirst("p.error").text()).contains("1000").contains("larger than the limit");
    assertThat(refused.document().selectFirst("input[name=subject]").attr("value")).isEqualTo("Too big");
    assertThat(activities()).isEqualTo(before);
  }
}
