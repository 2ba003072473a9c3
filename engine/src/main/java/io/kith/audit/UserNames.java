package io.kith.audit;

import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Names of users by id, for showing who made a change. Until users exist nobody has a name
 * ({@link #NONE}); the login work replaces the bean (see {@code AuditConfiguration}).
 */
@FunctionalInterface
public interface UserNames {

  /** Knows no user. */
  UserNames NONE = ids -> Mono.just(Map.of());

  /** The names of those of {@code ids} that are known; unknown ids are left out. */
  Mono<Map<Long, String>> of(Set<Long> ids);
}
