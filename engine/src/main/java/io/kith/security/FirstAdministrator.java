package io.kith.security;

import io.kith.users.Passwords;
import io.kith.users.UserDraft;
import io.kith.users.UserService;
import io.kith.validation.RecordValidationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first administrator when Kith starts with no users: login {@value #LOGIN}, with the
 * password in {@code KITH_ADMIN_PASSWORD} ({@code kith.admin.password}), or else a generated
 * one-time password written once to the log, which must be changed at the first sign-in. There
 * is never a fixed default password.
 */
public final class FirstAdministrator {

  public static final String LOGIN = "admin";

  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

  private FirstAdministrator() {}

  /** Runs at start-up, before traffic is taken (so it may block). */
  public static void ensure(UserService users, Passwords passwords, String configuredPassword) {
    if (users.count().block() > 0) {
      return;
    }
    boolean generated = configuredPassword == null || configuredPassword.isEmpty();
    String password = generated ? passwords.generate() : configuredPassword;
    try {
      users.create(new UserDraft(LOGIN, "Administrator", null, null, null, true, password, List.of("administrator")),
          generated).block();
    } catch (RecordValidationException e) {
      // Another instance starting at the same moment created the first administrator.
      log.info("The first administrator was created by another instance.");
      return;
    }
    if (generated) {
      log.warn("Kith created the first administrator \"{}\" with the one-time password {} "
          + "(shown only now; it must be changed at the first sign-in). Set KITH_ADMIN_PASSWORD to choose it instead.",
          LOGIN, password);
    } else {
      log.info("Kith created the first administrator \"{}\" with the password from KITH_ADMIN_PASSWORD.", LOGIN);
    }
  }
}
