package io.kith.export;

import io.kith.i18n.KithLocale;
import io.kith.access.AccessContext;
import io.kith.access.Action;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.MetadataSnapshot;
import io.kith.query.Query;
import io.kith.record.RecordService;
import io.kith.render.Cell;
import io.kith.render.DisplayValues;
import io.kith.render.ResultColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes all records matching a checked query as CSV, one chunk per batch of records: a header row
 * of column labels in the reader's language, then values as the pages show them (option labels,
 * reference labels, Yes/No, local date-times). A cell starting with {@code = + - @}, a tab or a
 * carriage return gets a leading single quote so a spreadsheet shows it instead of running it.
 */
public final class CsvExport {

  /** Records read per query. */
  public static final int BATCH = 500;
  /** Makes Excel read the file as UTF-8 (Chinese text included). */
  public static final String BOM = "\uFEFF";

  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private final RecordService records;
  private final DisplayValues display;
  private final Clock clock;

  public CsvExport(RecordService records, DisplayValues display, Clock clock) {
    this.records = records;
    this.display = display;
    this.clock = clock;
  }

  /** {@code contact-2025-01-31.csv}: the entity type and today's date in Kith's zone. */
  public String fileName(EntityDef entity) {
    return entity.name() + "-" + LocalDate.now(clock) + ".csv";
  }

  /** The file as text chunks: BOM and header first, then one chunk per batch. */
  public Flux<String> csv(MetadataSnapshot snapshot, EntityDef entity, Query query, KithLocale locale) {
    // Export is a permission of its own; fields hidden from the caller are never exported.
    return AccessContext.current().flatMapMany(access -> {
      access.require(entity.name(), Action.EXPORT);
      List<FieldDef> columns = ResultColumns.of(entity, query.columns()).stream()
          .filter(f -> !access.hidden(entity.name(), f.name())).toList();
      String header = BOM + line(columns.stream().map(f -> f.label(locale)).toList());
      Flux<String> body = records.batches(entity.name(), query, BATCH)
          .concatMap(batch -> labels(columns, batch).map(labels -> chunk(snapshot, columns, batch, labels, locale)), 1);
      // The header goes out with the first batch, so a refused query fails before any CSV is sent.
      return body.index().map(t -> t.getT1() == 0 ? header + t.getT2() : t.getT2()).switchIfEmpty(Flux.just(header));
    });
  }

  /** A spreadsheet formula trigger at the start of a cell is defused with a leading quote. */
  public static String neutralise(String value) {
    if (value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + value : value;
  }

  private String chunk(MetadataSnapshot snapshot, List<FieldDef> columns, List<ObjectNode> batch,
      Map<String, Map<Long, String>> labels, KithLocale locale) {
    StringBuilder out = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      for (ObjectNode record : batch) {
        for (FieldDef field : columns) {
          printer.print(neutralise(text(snapshot, field, record.get(field.name()), labels, locale)));
        }
        printer.println();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private String text(MetadataSnapshot snapshot, FieldDef field, JsonNode value, Map<String, Map<Long, String>> labels,
      KithLocale locale) {
    if (field.type() instanceof FieldType.Collection collection) {
      if (value == null || !value.isArray()) {
        return "";
      }
      List<String> rows = new ArrayList<>();
      for (JsonNode row : value) {
        List<String> parts = new ArrayList<>();
        for (FieldDef child : collection.fields()) {
          JsonNode cell = row.get(child.name());
          // An unticked box in a row says nothing worth a column of "No"s.
          if (child.type() instanceof FieldType.Bool && (cell == null || !cell.asBoolean(false))) {
            continue;
          }
          String text = child.type() instanceof FieldType.Bool ? child.label(locale) : join(display.cells(snapshot, child, cell, locale, labels));
          if (!text.isEmpty()) {
            parts.add(text);
          }
        }
        rows.add(String.join(", ", parts));
      }
      return String.join("; ", rows);
    }
    return join(display.cells(snapshot, field, value, locale, labels));
  }

  private static String join(List<Cell> cells) {
    return cells.stream().map(Cell::text).collect(Collectors.joining(", "));
  }

  private static String line(List<String> cells) {
    StringBuilder out = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      for (String cell : cells) {
        printer.print(neutralise(cell == null ? "" : cell));
      }
      printer.println();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Labels of the records this batch refers to: one query per target entity type. */
  private Mono<Map<String, Map<Long, String>>> labels(List<FieldDef> columns, List<ObjectNode> batch) {
    Map<String, Set<Long>> ids = new HashMap<>(DisplayValues.referencedIds(columns, batch));
    for (FieldDef field : columns) {
      if (field.type() instanceof FieldType.Collection c) {
        List<JsonNode> rows = new ArrayList<>();
        batch.forEach(record -> record.path(field.name()).forEach(rows::add));
        DisplayValues.referencedIds(c.fields(), rows)
            .forEach((entity, found) -> ids.computeIfAbsent(entity, e -> new HashSet<>()).addAll(found));
      }
    }
    return Flux.fromIterable(ids.entrySet())
        .flatMap(e -> records.labels(e.getKey(), e.getValue()).map(l -> Map.entry(e.getKey(), l)))
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }
}
