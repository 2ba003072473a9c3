package io.kith.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/**
 * Activities with assignees, a follow-up and attachments: a generic file field stored in the
 * database, size-limited (here 1,000 bytes), served with its content type and a safe file name, and
 * only to callers who can see the record holding it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityAttachmentsApiTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shippedWith("--kith.files.max-bytes=1000");

  private long chan;
  private long staffMember;

  @BeforeAll
  void contacts() {
    chan = kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "first_name": "陳", "last_name": "大文"}""").body().get("id").asLong();
    staffMember = kith.api().post("/api/v1/contact", """
        {"subtype": "individual", "first_name": "Mei", "last_name": "Wong"}""").body().get("id").asLong();
  }

  private static Response upload(ApiClient api, String name, String type, byte[] content) {
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.part("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    }).contentType(MediaType.parseMediaType(type));
    return api.multipart("/api/v1/files", parts.build());
  }

  private long activity(String extra) {
    Response r = kith.api().post("/api/v1/activity", """
        {"activity_type": "phone_call", "subject": "Phone Call", "activity_date_time": "2009-11-17T20:00:00+08:00",
         "location": "ABC Ltd", "status": "scheduled", "target_contacts": [%d], "assignees": [%d]%s}"""
        .formatted(chan, staffMember, extra));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return r.body().get("id").asLong();
  }

  @Test
  void anAttachmentIsStoredAndServedWithItsTypeAndASafeName() {
    byte[] pdf = "%PDF-1.4 minutes of the call".getBytes(StandardCharsets.UTF_8);
    Response up = upload(kith.api(), "../notes/會議 \"記錄\".pdf", "application/pdf", pdf);
    assertThat(up.status()).as(String.valueOf(up.body())).isEqualTo(201);
    assertThat(up.body().get("name").asString()).isEqualTo("會議 \"記錄\".pdf");
    assertThat(up.body().get("size").asLong()).isEqualTo(pdf.length);
    long file = up.body().get("id").asLong();

    long id = activity(", \"attachments\": [{\"file\": %d, \"description\": \"Minutes\"}]".formatted(file));

    EntityExchangeResult<byte[]> download = kith.server().client().get()
        .uri("/api/v1/activity/" + id + "/files/" + file)
        .header("Authorization", "Bearer " + kith.server().adminToken())
        .exchange().expectBody().returnResult();
    assertThat(download.getStatus().value()).isEqualTo(200);
    assertThat(download.getResponseBody()).isEqualTo(pdf);
    assertThat(download.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(download.getResponseHeaders().getFirst("Content-Disposition"))
        .isEqualTo("attachment; filename=\"__ _\\u8a18\\u9304_.pdf\"".replace("\\u8a18\\u9304", "__")
            + "; filename*=UTF-8''%E6%9C%83%E8%AD%B0%20%22%E8%A8%98%E9%8C%84%22.pdf");
    assertThat(download.getResponseHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

    JsonNode listed = kith.api().get("/api/v1/activity/" + id + "/files").body();
    assertThat(listed.get("items").get(0).get("field").asString()).isEqualTo("attachments[0].file");
    assertThat(listed.get("items").get(0).get("content_type").asString()).isEqualTo("application/pdf");
  }

  @Test
  void anUploadOverTheLimitIsRefusedNamingTheLimit() {
    Response r = upload(kith.api(), "big.bin", "application/octet-stream", new byte[1001]);
    assertThat(r.status()).isEqualTo(400);
    JsonNode error = r.body().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("file");
    assertThat(error.get("code").asString()).isEqualTo("file_too_large");
    assertThat(error.get("message").asString()).contains("1000");
    assertThat(upload(kith.api(), "ok.bin", "application/octet-stream", new byte[1000]).status()).isEqualTo(201);
  }

  @Test
  void someoneElsesUploadCannotBeAttachedAndOnlyTheRecordsFilesAreServed() {
    String staff = kith.server().userWithToken("attach-staff", "staff");
    long theirs = upload(kith.api(staff), "theirs.txt", "text/plain", "secret".getBytes(StandardCharsets.UTF_8))
        .body().get("id").asLong();
    Response refused = kith.api().post("/api/v1/activity", """
        {"activity_type": "meeting", "subject": "Tea", "activity_date_time": "2009-11-17T20:00:00+08:00",
         "attachments": [{"file": %d}]}""".formatted(theirs));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("attachments[0].file");
    assertThat(refused.body().get("errors").get(0).get("code").asString()).isEqualTo("not_found");

    long id = activity("");
    assertThat(kith.api().get("/api/v1/activity/" + id + "/files/" + theirs).status()).isEqualTo(404);
  }

  @Test
  void aCallerWhoCannotSeeTheRecordCannotDownloadItsFiles() {
    long file = upload(kith.api(), "a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)).body().get("id").asLong();
    long id = activity(", \"attachments\": [{\"file\": %d}]".formatted(file));
    String nobody = kith.server().userWithToken("no-roles");
    Response r = kith.api(nobody).get("/api/v1/activity/" + id + "/files/" + file);
    assertThat(r.status()).isIn(403, 404);
    assertThat(kith.server().client().get().uri("/api/v1/activity/" + id + "/files/" + file)
        .header("Authorization", "Bearer " + kith.server().adminToken())
        .exchange().expectBody().returnResult().getStatus().value()).isEqualTo(200);
  }

  @Test
  void aFollowUpActivityRefersToTheActivityItFollowsAndAssigneesAreContacts() {
    long first = activity("");
    long followUp = activity(", \"follow_up_of\": %d".formatted(first));
    JsonNode read = kith.api().get("/api/v1/activity/" + followUp).body();
    assertThat(read.get("follow_up_of").asLong()).isEqualTo(first);
    assertThat(read.get("assignees").get(0).asLong()).isEqualTo(staffMember);
    Response bad = kith.api().patch("/api/v1/activity/" + followUp, """
        {"assignees": [987654]}""");
    assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("assignees[0]");
  }
}
