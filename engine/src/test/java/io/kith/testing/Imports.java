package io.kith.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Drives imports through the REST API: upload a CSV (built in the test from Java strings, in any
 * encoding) with a profile name or document, wait for the job, read what it left.
 */
public final class Imports {

  private final ApiClient api;

  public Imports(ApiClient api) {
    this.api = api;
  }

  /** {@code lines} joined with CRLF and encoded in {@code charset}, with a UTF-8 byte-order mark if asked. */
  public static byte[] csv(Charset charset, boolean bom, String... lines) {
    byte[] text = (String.join("\r\n", lines) + "\r\n").getBytes(charset);
    if (!bom) {
      return text;
    }
    byte[] out = new byte[text.length + 3];
    out[0] = (byte) 0xEF;
    out[1] = (byte) 0xBB;
    out[2] = (byte) 0xBF;
    System.arraycopy(text, 0, out, 3, text.length);
    return out;
  }

  /** POST /api/v1/imports; {@code profile} is a name or a JSON document. */
  public Response upload(byte[] file, String profile, boolean dryRun, String... headers) {
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.part("file", new ByteArrayResource(file) {
      @Override
      public String getFilename() {
        return "upload.csv";
      }
    }).contentType(MediaType.parseMediaType("text/csv"));
    if (profile != null) {
      parts.part("profile", profile);
    }
    return api.multipart("/api/v1/imports" + (dryRun ? "?dryRun=true" : ""), parts.build(), headers);
  }

  /** Uploads, expects a queued job and waits until it has finished; returns its final status. */
  public JsonNode run(byte[] file, String profile) {
    Response started = upload(file, profile, false);
    assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(202);
    return await(started.body().get("id").asLong());
  }

  public JsonNode await(long id) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      JsonNode status = api.get("/api/v1/imports/" + id).body();
      if (!status.get("finishedAt").isNull()) {
        return status;
      }
      sleep(100);
    }
    throw new AssertionError("import " + id + " did not finish in time");
  }

  public String failedCsv(long id, String... headers) {
    return api.text("/api/v1/imports/" + id + "/failed.csv", headers);
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
