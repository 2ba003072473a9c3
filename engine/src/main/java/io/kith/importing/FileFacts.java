package io.kith.importing;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one pass over an uploaded file found: its layout, column names, the first rows (for
 * suggestions and the preview) and the number of data rows. Blocking to build.
 */
record FileFacts(CsvLayout layout, List<String> header, List<CsvRow> sample, long totalRows) {

  static final int SAMPLE_ROWS = 20;

  /** Reads the whole file once, refusing it past {@code maxRows} data rows. */
  static FileFacts inspect(Path file, FileOptions options, long maxRows) {
    CsvLayout layout = CsvSniffer.layout(file, options);
    try (CsvCursor cursor = CsvCursor.open(file, layout)) {
      if (cursor.header().isEmpty()) {
        throw CsvProblems.empty();
      }
      List<CsvRow> sample = cursor.next(SAMPLE_ROWS);
      long total = sample.size();
      while (cursor.hasNext()) {
        total += cursor.next(1000).size();
        if (total > maxRows) {
          throw CsvProblems.tooManyRows(maxRows);
        }
      }
      if (total > maxRows) {
        throw CsvProblems.tooManyRows(maxRows);
      }
      return new FileFacts(layout, cursor.header(), sample, total);
    }
  }

  /** The layout and header as stored with a job and shown by the API. */
  ObjectNode layoutJson() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("encoding", layout.charset().name()).put("bom", layout.bomLength())
        .put("delimiter", layout.delimiterText())
        .put("quote", layout.quote() == null ? "" : String.valueOf(layout.quote()))
        .put("header", layout.header())
        .put("encodingDetected", layout.encodingDetected()).put("encodingCertain", layout.encodingCertain());
    header.forEach(out.putArray("columns")::add);
    out.put("rows", totalRows);
    return out;
  }

  static CsvLayout layout(JsonNode json) {
    String quote = json.get("quote").asString();
    return new CsvLayout(Charset.forName(json.get("encoding").asString()), json.get("bom").asInt(),
        json.get("delimiter").asString().charAt(0), quote.isEmpty() ? null : quote.charAt(0),
        json.get("header").asBoolean(), json.get("encodingDetected").asBoolean(), json.get("encodingCertain").asBoolean());
  }

  static List<String> header(JsonNode json) {
    return json.get("columns").valueStream().map(JsonNode::asString).toList();
  }
}
