package io.kith.importing;

import io.kith.access.Access;
import io.kith.access.AccessContext;
import io.kith.access.Action;

import io.kith.export.CsvExport;
import io.kith.fieldtype.FieldTypes;
import io.kith.i18n.KithLocale;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataRegistry;
import io.kith.metadata.MetadataSnapshot;
import io.kith.record.RecordException;
import io.kith.record.RecordException.Reason;
import io.kith.record.RecordService;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports as the API and the pages use them: receive a file (streamed to disk, refused past the
 * size limit), check it against a profile, then either preview it (dry run) or queue a job for
 * the workers. Also job status, cancelling, and the failed rows as CSV.
 */
public final class ImportService {

  private static final int FAILED_PAGE = 500;
  private static final String STAGED_PREFIX = "upload-";
  private static final java.util.regex.Pattern TOKEN =
      java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final ImportContexts contexts;
  private final ImportProfiles profiles;
  private final JobStore jobs;
  private final Preview preview;
  private final ImportWorker worker;
  private final ImportSettings settings;
  private final MessageSource entityMessages;
  private final MetadataRegistry registry;

  public ImportService(MetadataRegistry registry, FieldTypes fieldTypes, RecordService records, DatabaseClient db,
      TransactionalOperator tx, ImportProfiles profiles, ImportSettings settings,
      MessageSource messages) {
    this.registry = registry;
    this.contexts = new ImportContexts(registry, fieldTypes);
    this.profiles = profiles;
    this.jobs = new JobStore(db);
    this.settings = settings;
    BatchPlanner planner = new BatchPlanner(records.bulk(), new Lookups(db));
    this.preview = new Preview(planner, settings.batchSize());
    ImportRunner runner = new ImportRunner(contexts, planner, records.bulk(), jobs, db, tx, settings.batchSize());
    this.worker = new ImportWorker(jobs, runner, settings);
    this.entityMessages = messages;
  }

  /** Localized sentences for field errors (the web layer's {@code Problems::message}). */
  public interface MessageSource {
    String message(EntityDef entity, FieldError error, KithLocale locale);
  }

  /** The worker that runs this instance's share of jobs (a lifecycle bean). */
  public ImportWorker worker() {
    return worker;
  }

  /** The refusal of an upload over the size limit (also when the multipart reader stops it). */
  public RecordValidationException fileTooLarge() {
    return CsvProblems.tooLarge(settings.maxBytes());
  }

  /** Streams an upload to a new file in the import directory; past the size limit it is refused and removed. */
  public Mono<Path> receive(Flux<DataBuffer> content) {
    return Blocking.call(() -> {
          Files.createDirectories(settings.directory());
          return Files.createFile(settings.directory().resolve(STAGED_PREFIX + UUID.randomUUID() + ".csv"));
        })
        .flatMap(path -> {
          AtomicLong size = new AtomicLong();
          Flux<DataBuffer> limited = content.handle((buffer, sink) -> {
            if (size.addAndGet(buffer.readableByteCount()) > settings.maxBytes()) {
              DataBufferUtils.release(buffer);
              sink.error(CsvProblems.tooLarge(settings.maxBytes()));
            } else {
              sink.next(buffer);
            }
          });
          return DataBufferUtils.write(limited, path).thenReturn(path)
              .onErrorResume(e -> discard(path).then(Mono.error(e)));
        });
  }

  /**
   * Checks the file against the profile (a stored or shipped one by name, or a document) and
   * either previews it or queues it. Emits the preview, or the queued job. Nothing is written on
   * any error, and the file is removed unless a job now owns it.
   */
  public Mono<ObjectNode> start(Path file, String fileName, String profileName, JsonNode inlineProfile, boolean dryRun,
      KithLocale locale) {
    return start(file, fileName, profileName, inlineProfile, dryRun, locale, false);
  }

  /**
   * As {@link #start(Path, String, String, JsonNode, boolean, KithLocale)}; with {@code keepFile} a
   * previewed or refused file stays for another try (the wizard previews, then starts).
   */
  public Mono<ObjectNode> start(Path file, String fileName, String profileName, JsonNode inlineProfile, boolean dryRun,
      KithLocale locale, boolean keepFile) {
    Mono<JsonNode> document = inlineProfile != null ? Mono.just(inlineProfile)
        : profileName != null && !profileName.isBlank() ? profiles.get(profileName.strip())
        : Mono.error(new RecordValidationException(List.of(FieldError.of("profile", "required"))));
    return document.zipWith(registry.pinned()).flatMap(pinned -> {
          JsonNode json = pinned.getT1();
          MetadataSnapshot snapshot = pinned.getT2();
          ImportProfile profile = contexts.profile(snapshot, json);
          return Blocking.call(() -> FileFacts.inspect(file, profile.file(), settings.maxRows()))
              .map(facts -> new Checked(facts, contexts.forUpload(snapshot, profile, facts), null));
        })
        .flatMap(checked -> AccessContext.current().map(access -> {
          permitted(access, checked.context());
          return new Checked(checked.facts(), checked.context(), access.userId());
        }))
        .flatMap(checked -> {
          FileFacts facts = checked.facts();
          ImportContext context = checked.context();
          EntityDef entity = context.snapshot().entity(context.profile().entity()).orElseThrow();
          ObjectNode mapping = ProfileJson.withColumns(context.profile(), context.profile().columns());
          if (dryRun) {
            return preview.run(context, file, (error, l) -> entityMessages.message(entity, error, l), locale)
                .map(out -> {
                  out.set("file", facts.layoutJson());
                  out.set("profile", mapping);
                  return out;
                })
                .flatMap(out -> keepFile ? Mono.just(out) : discard(file).thenReturn(out));
          }
          return jobs.insert(entity.name(), inlineProfile == null ? profileName : null, mapping, facts.layoutJson(),
                  file.toString(), fileName, facts.totalRows(), checked.userId())
              .map(job -> {
                worker.wake();
                ObjectNode out = job.toJson(OffsetDateTime.now());
                out.set("file", facts.layoutJson());
                out.set("profileUsed", mapping);
                return out;
              });
        })
        .onErrorResume(e -> keepFile ? Mono.error(e) : discard(file).then(Mono.error(e)));
  }

  /** A file checked against its profile; {@code userId} is who starts the import, once permitted. */
  private record Checked(FileFacts facts, ImportContext context, Long userId) {}

  /**
   * Importing needs the import and create permissions on the target type (update modes also edit),
   * and no column or constant may fill a field hidden from the caller or read-only to them.
   */
  private static void permitted(Access access, ImportContext context) {
    ImportProfile profile = context.profile();
    access.require(profile.entity(), Action.IMPORT);
    access.require(profile.entity(), Action.CREATE);
    if (profile.mode() == DuplicateMode.UPDATE || profile.mode() == DuplicateMode.FILL) {
      access.require(profile.entity(), Action.EDIT);
    }
    List<FieldError> refused = new java.util.ArrayList<>();
    for (int i = 0; i < profile.columns().size(); i++) {
      ColumnMap column = profile.columns().get(i);
      if (!column.skipped() && access.readOnly(profile.entity(), column.target().field())) {
        refused.add(FieldError.of("columns[" + i + "].field", "read_only"));
      }
    }
    if (profile.constants() != null) {
      profile.constants().propertyNames().forEach(name -> {
        if (access.readOnly(profile.entity(), name)) {
          refused.add(FieldError.of("constants." + name, "read_only"));
        }
      });
    }
    if (!refused.isEmpty()) {
      throw new RecordValidationException(refused);
    }
  }

  /** The token naming a received file, for a form to send back. */
  public static String token(Path file) {
    String name = file.getFileName().toString();
    return name.substring(STAGED_PREFIX.length(), name.length() - ".csv".length());
  }

  /** The received file a token names; a token that is not one Kith made is refused. */
  public Mono<Path> staged(String token) {
    return Mono.defer(() -> {
      if (token == null || !TOKEN.matcher(token).matches()) {
        return Mono.error(new RecordValidationException(List.of(FieldError.of("file", "required"))));
      }
      Path file = settings.directory().resolve(STAGED_PREFIX + token + ".csv");
      return Blocking.call(() -> Files.exists(file)).flatMap(exists -> exists ? Mono.just(file)
          : Mono.error(new RecordValidationException(List.of(FieldError.of("file", "upload_expired")))));
    });
  }

  public Mono<ObjectNode> status(long id) {
    return job(id).map(j -> j.toJson(OffsetDateTime.now()));
  }

  /** Cancels a queued or running job (it stops after its current batch); a finished job is a 409. */
  public Mono<ObjectNode> cancel(long id) {
    return job(id).flatMap(j -> jobs.cancel(id)).flatMap(done -> done ? status(id)
        : Mono.error(new RecordException(Reason.INACTIVE, "import_finished", id)));
  }

  /** The header of the failed-rows file name: {@code import-12-failed.csv}. */
  public String failedFileName(long id) {
    return "import-" + id + "-failed.csv";
  }

  /**
   * The failed rows as CSV: the file's own header and cells plus a last column naming each row's
   * errors in {@code locale}, read 500 rows at a time. Fix the cells and import the file again.
   */
  public Flux<String> failedCsv(long id, KithLocale locale, String errorsHeader) {
    return job(id).zipWith(registry.pinned()).flatMapMany(found -> {
      ImportJob job = found.getT1();
      EntityDef entity = found.getT2().entity(job.entity()).orElse(null);
      List<String> header = new ArrayList<>(FileFacts.header(job.layout()));
      header.add(errorsHeader);
      boolean withHeader = job.layout().path("header").asBoolean(true);
      CSVFormat format = failedFormat(job.layout());
      Flux<String> rows = jobs.failures(id, -1, FAILED_PAGE).collectList()
          .expand(batch -> batch.size() < FAILED_PAGE ? Mono.empty()
              : jobs.failures(id, batch.get(batch.size() - 1).rowIndex(), FAILED_PAGE).collectList())
          .filter(batch -> !batch.isEmpty())
          .map(batch -> {
            List<List<String>> lines = new ArrayList<>();
            for (JobStore.Failure f : batch) {
              List<String> cells = new ArrayList<>(f.cells());
              cells.add(f.errors().stream().map(err -> entityMessages.message(entity, err, locale))
                  .collect(Collectors.joining("; ")));
              lines.add(cells);
            }
            return csv(format, lines);
          });
      return Flux.concat(Flux.just(CsvExport.BOM + (withHeader ? csv(format, List.of(header)) : "")), rows);
    });
  }

  /**
   * The failed rows are written with the file's own delimiter and quote, so the profile that read
   * the file reads them again (their UTF-8 byte-order mark overrides the profile's encoding).
   */
  private static CSVFormat failedFormat(JsonNode layout) {
    String delimiter = layout.path("delimiter").asString(",");
    String quote = layout.path("quote").asString("\"");
    return CSVFormat.RFC4180.builder()
        .setDelimiter(delimiter.isEmpty() ? "," : delimiter)
        .setQuote(quote.isEmpty() ? '"' : quote.charAt(0))
        .get();
  }

  private static String csv(CSVFormat format, List<List<String>> lines) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (List<String> line : lines) {
        printer.printRecord(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private Mono<ImportJob> job(long id) {
    return jobs.find(id).switchIfEmpty(Mono.error(() -> new RecordException(Reason.NOT_FOUND, "import_not_found", id)));
  }

  private static Mono<Boolean> discard(Path file) {
    return Blocking.call(() -> Files.deleteIfExists(file));
  }
}
