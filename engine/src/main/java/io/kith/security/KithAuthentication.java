package io.kith.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Spring Security's view of a {@link SignedIn} user; permissions are Kith's own, not authorities. */
final class KithAuthentication extends AbstractAuthenticationToken {

  private final SignedIn user;

  KithAuthentication(SignedIn user) {
    super(List.of(new SimpleGrantedAuthority("ROLE_USER")));
    this.user = user;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public SignedIn getPrincipal() {
    return user;
  }

  @Override
  public String getName() {
    return user.login();
  }
}
