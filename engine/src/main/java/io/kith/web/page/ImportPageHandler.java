package io.kith.web.page;

import io.kith.fieldtype.Json;
import io.kith.i18n.KithLocale;
import io.kith.importing.ImportProfiles;
import io.kith.importing.ImportService;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.SubtypeDef;
import io.kith.record.RecordException;
import io.kith.render.ImportViews;
import io.kith.render.ImportViews.Choice;
import io.kith.render.Link;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import io.kith.web.Problems;
import io.kith.web.RequestLocale;
import io.kith.web.RequestSnapshot;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The import wizard: choose a file and a profile (or a target type and let Kith suggest the
 * mapping), check the preview and adjust the mapping, then start the job and follow it. Every step
 * goes through {@link ImportService}, exactly as the API does; forms carry the CSRF token.
 */
final class ImportPageHandler {

  private final ImportService imports;
  private final ImportProfiles profiles;
  private final PageModel pages;
  private final Problems problems;
  private final JsonMapper json = JsonMapper.builder().build();

  ImportPageHandler(ImportService imports, ImportProfiles profiles, PageModel pages,
      Problems problems) {
    this.imports = imports;
    this.profiles = profiles;
    this.pages = pages;
    this.problems = problems;
  }

  /** {@code GET /app/imports}: step 1, the file and how to read it. */
  Mono<ServerResponse> start(ServerRequest request) {
    return startPage(request, List.of(), HttpStatus.OK);
  }

  private Mono<ServerResponse> startPage(ServerRequest request, List<String> errors, HttpStatus status) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    KithLocale locale = RequestLocale.of(request.exchange());
    return Mono.zip(pages.base(request.exchange(), snapshot, locale, null), profiles.list().collectList(),
            io.kith.security.Callers.access(request.exchange()))
        .flatMap(t -> {
          Map<String, Object> model = t.getT1();
          List<Choice> targets = new ArrayList<>();
          for (EntityDef entity : snapshot.entities().values()) {
            // Only the types the user may import into (import and create) are offered; the import checks again.
            if (!t.getT3().can(entity.name(), io.kith.access.Action.IMPORT)
                || !t.getT3().can(entity.name(), io.kith.access.Action.CREATE)) {
              continue;
            }
            if (entity.hasSubtypes()) {
              for (SubtypeDef subtype : entity.subtypes()) {
                targets.add(new Choice(entity.name() + ":" + subtype.name(),
                    entity.label(locale) + " — " + subtype.label().resolve(locale, subtype.name())));
              }
            } else {
              targets.add(new Choice(entity.name(), entity.label(locale)));
            }
          }
          List<Choice> saved = t.getT2().stream().map(p -> new Choice(p.get("name").asString(),
              p.path("label").path(locale.tag()).asString(p.path("label").path("en").asString(p.get("name").asString()))))
              .toList();
          model.put("targets", targets);
          model.put("profiles", saved);
          model.put("encodings", List.of("auto", "UTF-8", "Big5", "Big5-HKSCS", "GBK", "GB18030", "UTF-16"));
          model.put("errors", errors);
          return ServerResponse.status(status).contentType(Html.UTF8).render("imports/start", model);
        });
  }

  /** {@code POST /app/imports/preview} (multipart): receives the file and shows the preview. */
  Mono<ServerResponse> upload(ServerRequest request) {
    KithLocale locale = RequestLocale.of(request.exchange());
    return request.multipartData()
        .onErrorMap(org.springframework.core.io.buffer.DataBufferLimitException.class, e -> imports.fileTooLarge())
        .flatMap(parts -> {
      if (!(parts.getFirst("file") instanceof FilePart file)) {
        return startPage(request, List.of(pages.text(locale, "import.choose_file")), HttpStatus.BAD_REQUEST);
      }
      return document(parts)
          .flatMap(doc -> imports.receive(file.content())
              .flatMap(path -> preview(request, path, file.filename(), doc, List.of(), HttpStatus.OK)))
          .onErrorResume(RecordValidationException.class, e -> startPage(request, messages(e, locale), HttpStatus.BAD_REQUEST))
          .onErrorResume(RecordException.class, e -> startPage(request,
              List.of(problems.record(e, locale).get("title").asString()), HttpStatus.BAD_REQUEST));
    }).onErrorResume(RecordValidationException.class, e -> startPage(request, messages(e, locale), HttpStatus.BAD_REQUEST));
  }

  /** The profile the first step asks for: a saved one, or one built from the form's choices. */
  private Mono<JsonNode> document(MultiValueMap<String, Part> parts) {
    String name = text(parts, "profile");
    if (name != null && !name.isBlank()) {
      return profiles.get(name.strip());
    }
    ObjectNode doc = Json.object().put("name", "wizard");
    String target = text(parts, "target");
    String[] entity = target == null ? new String[] {""} : target.split(":", 2);
    doc.put("entity", entity[0]);
    if (entity.length > 1) {
      doc.put("subtype", entity[1]);
    }
    ObjectNode file = doc.putObject("file");
    file.put("encoding", orElse(text(parts, "encoding"), "auto"));
    file.put("delimiter", orElse(text(parts, "delimiter"), "auto"));
    file.put("header", text(parts, "header") != null);
    String mode = orElse(text(parts, "mode"), "none");
    if (!mode.equals("none")) {
      ObjectNode duplicates = doc.putObject("duplicates").put("mode", mode);
      ArrayNode key = duplicates.putArray("key");
      for (String part : orElse(text(parts, "key"), "").split(",")) {
        if (!part.isBlank()) {
          key.add(part.strip());
        }
      }
    }
    return Mono.just(doc);
  }

  /** {@code POST /app/imports/start}: preview again with the changed mapping, or start the job. */
  Mono<ServerResponse> decide(ServerRequest request) {
    KithLocale locale = RequestLocale.of(request.exchange());
    return request.formData().flatMap(form -> {
      JsonNode previous = json.readTree(orElse(form.getFirst("profile"), "{}"));
      List<FieldError> formErrors = new ArrayList<>();
      ObjectNode doc = mapped(previous, form, formErrors);
      String fileName = form.getFirst("fileName");
      return imports.staged(form.getFirst("token")).flatMap(path -> {
        if (!formErrors.isEmpty()) {
          return preview(request, path, fileName, previous,
              messages(new RecordValidationException(formErrors), locale), HttpStatus.BAD_REQUEST);
        }
        if (!"start".equals(form.getFirst("action"))) {
          return preview(request, path, fileName, doc, List.of(), HttpStatus.OK);
        }
        String saveAs = orElse(form.getFirst("saveAs"), "").strip();
        Mono<Void> save = saveAs.isEmpty() ? Mono.empty() : save(doc.deepCopy().put("name", saveAs));
        return save.then(imports.start(path, fileName, null, doc, false, locale, true))
            .flatMap(job -> ServerResponse.seeOther(URI.create("/app/imports/" + job.get("id").asLong())).build())
            .onErrorResume(RecordValidationException.class,
                e -> preview(request, path, fileName, previous, messages(e, locale), HttpStatus.BAD_REQUEST));
      }).onErrorResume(RecordValidationException.class, e -> startPage(request, messages(e, locale), HttpStatus.BAD_REQUEST));
    });
  }

  /**
   * Saves the mapping as a profile: a new one, or the user's own profile of that name changed (so
   * a profile can be adjusted in the wizard and saved again); shipped profiles stay as shipped.
   */
  private Mono<Void> save(ObjectNode profile) {
    String name = profile.get("name").asString();
    return profiles.create(profile).then()
        .onErrorResume(RecordValidationException.class, e -> e.errors().stream()
                .anyMatch(err -> err.code().equals("duplicate_profile"))
            ? profiles.update(name, profile).then() : Mono.error(e));
  }

  /**
   * The profile with its columns taken from the mapping form ({@code col.0}, {@code match.0},
   * {@code values.0}...) and its constants ({@code constField.0}, {@code constValue.0}...); what the
   * form got wrong goes to {@code errors}.
   */
  private static ObjectNode mapped(JsonNode previous, MultiValueMap<String, String> form, List<FieldError> errors) {
    ObjectNode doc = previous instanceof ObjectNode o ? o.deepCopy() : Json.object();
    ArrayNode columns = Json.array();
    JsonNode old = previous.path("columns");
    for (int i = 0; i < old.size(); i++) {
      JsonNode was = old.get(i);
      ObjectNode column = columns.addObject();
      if (was.has("column")) {
        column.set("column", was.get("column"));
      } else {
        column.set("index", was.get("index"));
      }
      String choice = form.getFirst("col." + i);
      if (choice == null || choice.isBlank()) {
        column.put("skip", true);
        continue;
      }
      String[] parts = choice.split("\\|");
      column.put("field", parts[0]);
      if (parts.length > 1) {
        ObjectNode row = column.putObject("row");
        for (int p = 1; p < parts.length; p++) {
          String[] kv = parts[p].split("=", 2);
          row.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
      }
      String match = form.getFirst("match." + i);
      if (match != null && !match.isBlank()) {
        column.put("match", match.strip());
      }
      String values = form.getFirst("values." + i);
      if (values != null) {
        ObjectNode map = valueMap(values, "columns[" + i + "].values", errors);
        if (!map.isEmpty()) {
          column.set("values", map);
        }
      } else if (parts[0].equals(was.path("field").asString(null)) && was.has("values")) {
        column.set("values", was.get("values"));
      }
    }
    doc.set("columns", columns);
    if (form.containsKey("constField.0")) {
      ObjectNode constants = Json.object();
      for (int i = 0; form.containsKey("constField." + i); i++) {
        String field = orElse(form.getFirst("constField." + i), "").strip();
        String value = orElse(form.getFirst("constValue." + i), "").strip();
        if (!field.isEmpty() && !value.isEmpty()) {
          constants.put(field, value);
        }
      }
      doc.remove("constants");
      if (!constants.isEmpty()) {
        doc.set("constants", constants);
      }
    }
    return doc;
  }

  /** {@code M=male; F=female} (or one pair a line) as a profile's value map; an entry without {@code =} is an error. */
  private static ObjectNode valueMap(String text, String path, List<FieldError> errors) {
    ObjectNode map = Json.object();
    for (String entry : text.split("[;\\n]")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        errors.add(FieldError.of(path, "value_map_entry", entry.strip()));
        continue;
      }
      map.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
    }
    return map;
  }

  /** Runs the dry run on a received file and shows it with the mapping form. */
  private Mono<ServerResponse> preview(ServerRequest request, Path file, String fileName, JsonNode doc,
      List<String> errors, HttpStatus status) {
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    KithLocale locale = RequestLocale.of(request.exchange());
    return imports.start(file, fileName, null, doc, true, locale, true)
        .zipWith(pages.base(request.exchange(), snapshot, locale, null))
        .flatMap(t -> {
          ObjectNode result = t.getT1();
          Map<String, Object> model = t.getT2();
          JsonNode profile = result.get("profile");
          EntityDef entity = snapshot.entity(profile.get("entity").asString()).orElseThrow();
          model.put("token", ImportService.token(file));
          model.put("fileName", fileName == null ? "" : fileName);
          model.put("profileJson", profile.toString());
          model.put("entityLabel", entity.label(locale));
          model.put("file", ImportPreviewModel.fileFacts(result.get("file")));
          model.put("counts", ImportPreviewModel.counts(result.get("counts")));
          List<ImportViews.Target> targets = ImportTargets.of(snapshot, entity, locale);
          model.put("targets", targets);
          model.put("constantTargets", ImportTargets.forConstants(targets));
          model.put("constants", ImportPreviewModel.constants(profile.path("constants"), 2));
          model.put("columns", ImportPreviewModel.columns(profile.get("columns")));
          model.put("rows", ImportPreviewModel.rows(pages, entity, result.get("rows"), locale));
          model.put("errors", errors);
          return ServerResponse.status(status).contentType(Html.UTF8).render("imports/preview", model);
        });
  }

  /** {@code GET /app/imports/{id}}: the job's progress (live through server-sent events with kith.js). */
  Mono<ServerResponse> job(ServerRequest request) {
    long id = PageIds.id(request);
    MetadataSnapshot snapshot = RequestSnapshot.of(request);
    KithLocale locale = RequestLocale.of(request.exchange());
    return imports.status(id).zipWith(pages.base(request.exchange(), snapshot, locale, null)).flatMap(t -> {
      ObjectNode job = t.getT1();
      Map<String, Object> model = t.getT2();
      Map<String, Object> view = new LinkedHashMap<>();
      job.properties().forEach(e -> view.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asString()));
      boolean finished = !job.get("finishedAt").isNull();
      view.put("finished", finished);
      view.put("statusLabel", pages.text(locale, "import.status." + job.get("status").asString()));
      view.put("events", "/api/v1/imports/" + id + "/events");
      view.put("cancel", "/app/imports/" + id + "/cancel");
      model.put("job", view);
      model.put("back", new Link(pages.text(locale, "import.another"), "/app/imports", false));
      return ServerResponse.ok().contentType(Html.UTF8).render("imports/job", model);
    });
  }

  /** {@code POST /app/imports/{id}/cancel}. */
  Mono<ServerResponse> cancel(ServerRequest request) {
    long id = PageIds.id(request);
    URI page = URI.create("/app/imports/" + id);
    return imports.cancel(id).then(ServerResponse.seeOther(page).build())
        .onErrorResume(RecordException.class, e -> ServerResponse.seeOther(page).build());
  }

  private List<String> messages(RecordValidationException e, KithLocale locale) {
    return e.errors().stream().map(err -> problems.message(null, err, locale)).toList();
  }

  private static String text(MultiValueMap<String, Part> parts, String name) {
    return parts.getFirst(name) instanceof FormFieldPart field ? field.value() : null;
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  /** The HTML content type. */
  private static final class Html {
    static final org.springframework.http.MediaType UTF8 =
        new org.springframework.http.MediaType(org.springframework.http.MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);
  }
}
