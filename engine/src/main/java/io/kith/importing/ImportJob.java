package io.kith.importing;

import java.time.Duration;
import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One row of {@code kith.import_job}.
 *
 * @param userId the user who started the job (its records' owner and the user of their history), or null
 */
record ImportJob(long id, String entity, String profileName, JsonNode profile, JsonNode layout, String filePath,
    String fileName, String status, long totalRows, long rowsDone, long created, long updated, long skipped,
    long failed, String error, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
    Long userId) {

  boolean finished() {
    return status.equals("completed") || status.equals("cancelled") || status.equals("failed");
  }

  /** The job as the API shows it, with speed and time left while it runs. */
  ObjectNode toJson(OffsetDateTime now) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("id", id).put("entity", entity).put("profile", profileName).put("fileName", fileName).put("status", status);
    out.put("totalRows", totalRows).put("rowsDone", rowsDone);
    out.put("created", created).put("updated", updated).put("skipped", skipped).put("failed", failed);
    if (startedAt != null && rowsDone > 0) {
      OffsetDateTime end = finishedAt != null ? finishedAt : now;
      double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
      double perSecond = rowsDone / seconds;
      out.put("rowsPerSecond", Math.round(perSecond * 10) / 10.0);
      if (!finished()) {
        out.put("etaSeconds", Math.round((totalRows - rowsDone) / perSecond));
      }
    }
    out.put("error", error);
    out.put("createdAt", createdAt == null ? null : createdAt.toString());
    out.put("startedAt", startedAt == null ? null : startedAt.toString());
    out.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
    out.put("failedRows", "/api/v1/imports/" + id + "/failed.csv");
    return out;
  }
}
