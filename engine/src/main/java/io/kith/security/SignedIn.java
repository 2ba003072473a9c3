package io.kith.security;

import io.kith.access.Access;

/**
 * The user behind a request, as loaded from their session or access token: who they are and
 * what they may do.
 *
 * @param viaToken whether the request came with an access token (no CSRF token needed)
 */
public record SignedIn(long userId, String login, String name, boolean mustChangePassword, Access access,
    boolean viaToken) {}
