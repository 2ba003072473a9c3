package io.kith.security;

import java.time.OffsetDateTime;

/** A personal access token as its owner sees it; the secret itself is shown once, at creation. */
public record AccessToken(long id, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
    OffsetDateTime revokedAt) {}
