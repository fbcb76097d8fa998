package vn.sen.identity;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Authentications of real accounts as a completed login would create them, for web tests. */
@Component
public class TestLogins {

    private final AccountDetailsService details;

    TestLogins(AccountDetailsService details) {
        this.details = details;
    }

    public Authentication signedIn(String username) {
        SenUser user = details.loadUserByUsername(username);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.fullAuthorities());
    }
}
