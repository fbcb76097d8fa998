package vn.sen.identity;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.sen.shared.UserScope;

/**
 * The signed-in principal. Its authorities say how far the login has got: only {@link #SIGNED_IN}
 * opens the application; the intermediate stages open just the page that completes them.
 */
public final class SenUser implements UserDetails, vn.sen.shared.ScopedPrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String SIGNED_IN = "SIGNED_IN";
    static final String STAGE_SECOND_FACTOR = "STAGE_SECOND_FACTOR";
    static final String STAGE_ENROL_SECOND_FACTOR = "STAGE_ENROL_SECOND_FACTOR";
    static final String STAGE_CHANGE_PASSWORD = "STAGE_CHANGE_PASSWORD";

    private final UserScope scope;
    private final String displayName;
    private final AccountClass accountClass;
    private final boolean secondFactor;
    private final boolean mustChangePassword;
    private String passwordHash;
    private final boolean enabled;
    private final boolean nonLocked;

    private final boolean totp;

    SenUser(
            Account account,
            UserScope scope,
            String displayName,
            boolean passkeys,
            boolean enabled,
            boolean nonLocked) {
        this.scope = scope;
        this.displayName = displayName;
        this.accountClass = account.accountClass();
        this.totp = account.hasTotp();
        this.secondFactor = account.hasTotp() || passkeys;
        this.mustChangePassword = account.mustChangePassword();
        this.passwordHash = account.passwordHash();
        this.enabled = enabled;
        this.nonLocked = nonLocked;
    }

    @Override
    public UserScope scope() {
        return scope;
    }

    public String displayName() {
        return displayName;
    }

    AccountClass accountClass() {
        return accountClass;
    }

    /** Administrators need a second factor and get the short idle timeout. */
    public boolean administrative() {
        return accountClass == AccountClass.ADMIN || scope.administrative();
    }

    /** A second factor: an authenticator app (TOTP) or a passkey. */
    boolean hasSecondFactor() {
        return secondFactor;
    }

    boolean hasTotp() {
        return totp;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** Authorities of a completed login: the roles and {@link #SIGNED_IN}. */
    List<GrantedAuthority> fullAuthorities() {
        var authorities = new ArrayList<GrantedAuthority>();
        authorities.add(new SimpleGrantedAuthority(SIGNED_IN));
        scope.grants().stream()
                .map(g -> "ROLE_" + g.role().name())
                .distinct()
                .forEach(r -> authorities.add(new SimpleGrantedAuthority(r)));
        return authorities;
    }

    /**
     * None: whatever authenticates the user (password, passkey) yields no authority by itself; the
     * login flow grants a stage or {@link #fullAuthorities()} once every required step is done.
     */
    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return scope.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return nonLocked;
    }

    void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SenUser other && other.scope.accountId() == scope.accountId();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(scope.accountId());
    }

    @Override
    public String toString() {
        return "SenUser[" + scope.username() + "]";
    }
}
