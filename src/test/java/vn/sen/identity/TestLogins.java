package vn.sen.identity;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Authentications of real accounts as a completed login would create them, for web tests. */
@Component
public class TestLogins {

    /** The password of every account made by {@link #newAccount}. */
    public static final String PASSWORD = "Mật-khẩu-Tốt-2026!";

    private final AccountDetailsService details;
    private final Accounts accounts;
    private final ApiTokens tokens;

    TestLogins(AccountDetailsService details, Accounts accounts, ApiTokens tokens) {
        this.details = details;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** A new API token of {@code username}, valid for a day, for tests of the REST API from other modules. */
    public String apiToken(String username) {
        return tokens.create(username, "test", 1).secret();
    }

    /** A fresh account with {@link #PASSWORD} and, when given, an installation-wide role; returns its user name. */
    public String newAccount(AccountClass accountClass, boolean mustChangePassword, vn.sen.shared.Role role) {
        String username = "t" + System.nanoTime();
        accounts.create(
                vn.sen.shared.UserScope.system(),
                new Accounts.NewAccount(
                        username,
                        null,
                        accountClass,
                        PASSWORD,
                        mustChangePassword,
                        role == null
                                ? java.util.List.of()
                                : java.util.List.of(new vn.sen.shared.UserScope.Grant(role, null, null))));
        return username;
    }

    public Authentication signedIn(String username) {
        SenUser user = details.loadUserByUsername(username);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.fullAuthorities());
    }
}
