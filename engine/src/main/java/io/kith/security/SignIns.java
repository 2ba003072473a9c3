package io.kith.security;

import io.kith.users.Passwords;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Signing in and out, sessions and access tokens. A sign-in is refused without checking the
 * password after {@value #MAX_FAILURES_PER_LOGIN} failures for the same login name (existing or
 * not, so nothing tells which names exist) or {@value #MAX_FAILURES_PER_ADDRESS} from the same
 * address within {@link #FAILURE_WINDOW}.
 *
 * <p>Who a session or token belongs to is looked up once and then kept in memory
 * ({@link SignInCache}); signing out, revoking a token and changing users or roles let go of what
 * was kept, on every instance (see {@link io.kith.users.SignInChanges}).
 */
public final class SignIns {

  public static final String SESSION_COOKIE = "KITH_SESSION";
  static final int MAX_FAILURES_PER_LOGIN = 5;
  static final int MAX_FAILURES_PER_ADDRESS = 20;
  static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

  /** How a sign-in ended; {@code secret} is the new session's id on success. */
  public record Outcome(Result result, String secret, SignedIn user) {}

  public enum Result { SIGNED_IN, WRONG, THROTTLED }

  /** A new access token: its details and the secret, shown once. */
  public record NewToken(AccessToken token, String secret) {}

  private final DatabaseClient db;
  private final SignInStore store;
  private final Passwords passwords;
  private final Duration sessionLifetime;
  private final SignInCache cache;

  SignIns(DatabaseClient db, Passwords passwords, Duration sessionLifetime, SignInCache cache) {
    this.db = db;
    this.store = new SignInStore(db);
    this.passwords = passwords;
    this.sessionLifetime = sessionLifetime;
    this.cache = cache;
  }

  public Duration sessionLifetime() {
    return sessionLifetime;
  }

  public Mono<Outcome> signIn(String typedLogin, String password, String address) {
    String login = typedLogin == null ? "" : typedLogin.strip().toLowerCase(Locale.ROOT);
    return throttled(login, address).flatMap(throttled -> throttled
        ? Mono.just(new Outcome(Result.THROTTLED, null, null))
        : db.sql("select id, password_hash from kith.app_user where login = $1 and active").bind(0, login)
            .map(row -> new Object[] {row.get(0, Long.class), row.get(1, String.class)}).one()
            .defaultIfEmpty(new Object[] {null, null})
            // BCrypt is slow on purpose: off the event loop.
            .flatMap(found -> Mono.fromCallable(() -> passwords.matches(password == null ? "" : password, (String) found[1]))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(ok -> ok ? startSession((Long) found[0], login) : fail(login, address))));
  }

  private Mono<Outcome> startSession(long userId, String login) {
    String secret = Secrets.newSecret();
    byte[] hash = Secrets.hash(secret);
    return db.sql("delete from kith.login_failure where login = $1").bind(0, login).then()
        .then(store.createSession(hash, userId, sessionLifetime))
        .then(store.bySession(hash))
        .map(found -> new Outcome(Result.SIGNED_IN, secret, found.user()));
  }

  private Mono<Outcome> fail(String login, String address) {
    return db.sql("insert into kith.login_failure (login, address) values ($1, $2)").bind(0, login).bind(1, address)
        .then().thenReturn(new Outcome(Result.WRONG, null, null));
  }

  private Mono<Boolean> throttled(String login, String address) {
    return db.sql("""
            select (select count(*) from kith.login_failure where login = $1 and at > now() - $3::interval) >= $4
                or (select count(*) from kith.login_failure where address = $2 and at > now() - $3::interval) >= $5""")
        .bind(0, login).bind(1, address).bind(2, FAILURE_WINDOW.toSeconds() + " seconds")
        .bind(3, MAX_FAILURES_PER_LOGIN).bind(4, MAX_FAILURES_PER_ADDRESS)
        .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class))).one();
  }

  public Mono<Void> signOut(String secret) {
    return secret == null ? Mono.empty() : cache.settle(store.deleteSession(Secrets.hash(secret)));
  }

  /** Ends a user's other sessions (after a password change). */
  public Mono<Void> endOtherSessions(long userId, String keepSecret) {
    return cache.settle(store.deleteSessions(userId, keepSecret == null ? null : Secrets.hash(keepSecret)));
  }

  /** The user of a session id, if it is current and the user active. */
  public Mono<SignedIn> bySession(String secret) {
    byte[] hash = Secrets.hash(secret);
    return cache.get("s" + HexFormat.of().formatHex(hash), store.bySession(hash)).map(SignInCache.SignIn::user);
  }

  /** The user of an access token, if it is not revoked and the user active. */
  public Mono<SignedIn> byToken(String secret) {
    if (!secret.startsWith(Secrets.TOKEN_PREFIX)) {
      return Mono.empty();
    }
    byte[] hash = Secrets.hash(secret);
    String key = "t" + HexFormat.of().formatHex(hash);
    return cache.get(key, store.byToken(hash)).flatMap(found -> {
      Instant now = Instant.now();
      if (found.lastUsed() != null && found.lastUsed().isAfter(now.minus(TOUCH_EVERY))) {
        return Mono.just(found.user());
      }
      cache.used(key, now);
      return store.touch(found.tokenId()).thenReturn(found.user());
    });
  }

  /** A token's last use is written at most this often, to keep reads cheap. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  public Mono<NewToken> createToken(long userId, String name) {
    String secret = Secrets.TOKEN_PREFIX + Secrets.newSecret();
    return store.createToken(userId, name, Secrets.hash(secret)).map(t -> new NewToken(t, secret));
  }

  public Flux<AccessToken> tokens(long userId) {
    return store.tokens(userId);
  }

  /** Revokes one of the user's tokens; emits whether it was theirs. */
  public Mono<Boolean> revokeToken(long userId, long tokenId) {
    return cache.settle(store.revokeToken(userId, tokenId)).map(n -> n > 0);
  }

}
