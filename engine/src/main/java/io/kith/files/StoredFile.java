package io.kith.files;

/** An uploaded file's facts (not its content). */
public record StoredFile(long id, String name, String contentType, long size, Long uploadedBy) {}
