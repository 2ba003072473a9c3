package io.kith.users;

import java.util.List;

/**
 * A user as a request wants it, every field given (null clears an optional one). {@code password}
 * is only read when a user is created; {@code active} null means active.
 */
public record UserDraft(String login, String name, String email, String phone, String position,
    Boolean active, String password, List<String> roles) {
}
