package io.kith.users;

import java.time.OffsetDateTime;
import java.util.List;

/** A user as the API shows it (never with a password hash). */
public record User(long id, String login, String name, String email, String phone, String position,
    boolean active, boolean mustChangePassword, List<String> roles, OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public User {
    roles = List.copyOf(roles);
  }
}
