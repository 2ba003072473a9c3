package io.kith.web.page;

import io.kith.files.FileUploads;
import io.kith.security.Callers;
import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A record form's submitted values. A form with file fields is multipart: its text parts are the
 * values, and a file chosen in {@code <input type=file name="X.upload">} is stored through {@link
 * FileUploads} (the files API's service) and its new id becomes the value of {@code X}. Any upload
 * refused (too large) fails with the errors named after {@code X}, before the record is written.
 */
final class FormInputs {

  /** The suffix of a file input's name after its field's input name. */
  static final String UPLOAD = ".upload";

  private final FileUploads uploads;

  FormInputs(FileUploads uploads) {
    this.uploads = uploads;
  }

  Mono<MultiValueMap<String, String>> read(ServerRequest request) {
    MediaType type = request.headers().contentType().orElse(null);
    if (type == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
      return request.formData();
    }
    return Mono.zip(request.multipartData(), Callers.id(request.exchange())).flatMap(t -> {
      MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
      List<Map.Entry<String, FilePart>> files = new ArrayList<>();
      for (Map.Entry<String, List<Part>> entry : t.getT1().entrySet()) {
        for (Part part : entry.getValue()) {
          if (part instanceof FormFieldPart field) {
            values.add(entry.getKey(), field.value());
          } else if (part instanceof FilePart file && entry.getKey().endsWith(UPLOAD) && !file.filename().isBlank()) {
            files.add(Map.entry(entry.getKey().substring(0, entry.getKey().length() - UPLOAD.length()), file));
          }
        }
      }
      List<FieldError> errors = new ArrayList<>();
      return Flux.fromIterable(files)
          .concatMap(f -> uploads.save(f.getValue(), f.getKey(), t.getT2().orElse(null))
              .doOnNext(stored -> values.put(f.getKey(), List.of(String.valueOf(stored.id()))))
              .onErrorResume(RecordValidationException.class, e -> {
                errors.addAll(e.errors());
                return Mono.empty();
              }))
          .then(Mono.defer(() -> errors.isEmpty() ? Mono.just(values)
              : Mono.error(new Refused(values, new RecordValidationException(errors)))));
    });
  }

  /** Uploads refused: the other values as typed, to show the form again, and the errors. */
  static final class Refused extends RuntimeException {
    final transient MultiValueMap<String, String> values;
    final RecordValidationException errors;

    Refused(MultiValueMap<String, String> values, RecordValidationException errors) {
      super(errors.getMessage(), null, false, false);
      this.values = values;
      this.errors = errors;
    }
  }
}
