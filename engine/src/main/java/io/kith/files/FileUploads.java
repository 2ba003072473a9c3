package io.kith.files;

import io.kith.validation.FieldError;
import io.kith.validation.RecordValidationException;
import java.util.List;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import reactor.core.publisher.Mono;

/**
 * Stores one uploaded part of at most {@code kith.files.max-bytes}: the one way uploads are taken,
 * by {@code POST /api/v1/files} and by file inputs of the HTML forms alike. The name is cleaned
 * ({@link FileNames#clean}), the content type read from the part (octet-stream when missing or
 * malformed); a larger part is a {@code file_too_large} error naming the form's field.
 */
public final class FileUploads {

  private final FileStore files;
  private final long maxBytes;

  public FileUploads(FileStore files, long maxBytes) {
    this.files = files;
    this.maxBytes = maxBytes;
  }

  public FileStore store() {
    return files;
  }

  /** Saves {@code part}; an over-long part fails with {@code file_too_large} on {@code field}. */
  public Mono<StoredFile> save(FilePart part, String field, Long uploadedBy) {
    return DataBufferUtils.join(part.content(), (int) Math.min(Integer.MAX_VALUE - 8, maxBytes))
        .onErrorMap(DataBufferLimitException.class,
            e -> new RecordValidationException(List.of(FieldError.of(field, "file_too_large", maxBytes))))
        .map(buffer -> {
          byte[] bytes = new byte[buffer.readableByteCount()];
          buffer.read(bytes);
          DataBufferUtils.release(buffer);
          return bytes;
        })
        .defaultIfEmpty(new byte[0])
        .flatMap(bytes -> files.save(FileNames.clean(part.filename()), contentType(part), bytes, uploadedBy));
  }

  private static String contentType(FilePart part) {
    MediaType type = part.headers().getContentType();
    try {
      return type == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : MediaType.parseMediaType(type.toString()).toString();
    } catch (InvalidMediaTypeException e) {
      return MediaType.APPLICATION_OCTET_STREAM_VALUE;
    }
  }
}
