package io.kith.audit;

import io.kith.security.CurrentUser;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;

/**
 * Stands in for login in tests: the request's user is the id in the {@code X-Test-User} header
 * (none: anonymous), and user {@code n} is named "Tester n". Deliberately not a
 * {@code @Configuration}: tests pass it as an extra source, so other test servers never see it.
 */
public final class HeaderUsers {

  static final String HEADER = "X-Test-User";

  @Bean
  @Primary
  CurrentUser headerUser() {
    return exchange -> Mono.just(Optional.ofNullable(exchange.getRequest().getHeaders().getFirst(HEADER)).map(Long::valueOf));
  }

  @Bean
  @Primary
  UserNames testerNames() {
    return ids -> Mono.just(ids.stream().collect(Collectors.toMap(id -> id, id -> "Tester " + id)));
  }
}
