package io.kith.users;

import io.kith.validation.FieldError;
import java.security.SecureRandom;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Password hashing (BCrypt, cost 10) and the password rules: at least {@value #MIN_LENGTH}
 * characters, at most {@value #MAX_LENGTH} (BCrypt reads 72 bytes), not the login name.
 */
public final class Passwords {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 72;

  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
  private final SecureRandom random = new SecureRandom();
  /** Checked against when a login name is unknown, so a wrong name costs as long as a wrong password. */
  private final String decoy = encoder.encode("kith-decoy-password");

  public String hash(String password) {
    return encoder.encode(password);
  }

  /** Whether {@code password} matches {@code hash}; a null hash is checked against a decoy and fails. */
  public boolean matches(String password, String hash) {
    if (hash == null) {
      encoder.matches(password, decoy);
      return false;
    }
    return encoder.matches(password, hash);
  }

  /** The problem with a new password for {@code field}, if any. */
  public Optional<FieldError> problem(String field, String password, String login) {
    if (password == null || password.isEmpty()) {
      return Optional.of(FieldError.of(field, "required"));
    }
    if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of(FieldError.of(field, "password_too_short", MIN_LENGTH));
    }
    if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
      return Optional.of(FieldError.of(field, "password_too_long", MAX_LENGTH));
    }
    if (login != null && password.equalsIgnoreCase(login)) {
      return Optional.of(FieldError.of(field, "password_is_login"));
    }
    return Optional.empty();
  }

  /** A random password of 16 letters and digits (no look-alikes), for the first administrator. */
  public String generate() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
