package vn.sen.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import vn.sen.organization.Organization;
import vn.sen.organization.Views.OfficerView;
import vn.sen.shared.UserScope;

/** Loads an account with its roles resolved to unit subtrees. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final AccountStore accounts;
    private final Organization organization;
    private final SecurityProperties properties;
    private final Clock clock;
    private final PasskeyStore passkeys;

    AccountDetailsService(
            AccountStore accounts,
            Organization organization,
            SecurityProperties properties,
            Clock clock,
            PasskeyStore passkeys) {
        this.passkeys = passkeys;
        this.accounts = accounts;
        this.organization = organization;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public SenUser loadUserByUsername(String username) {
        Account account = accounts.byUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return toUser(account);
    }

    SenUser toUser(Account account) {
        Instant now = clock.instant();
        boolean enabled = account.disabledReason() == null && !account.inactiveAt(now, properties.inactiveAfter());
        boolean hasPasskeys = passkeys.count(account.id()) > 0;
        return new SenUser(
                account, scopeOf(account), displayName(account), hasPasskeys, enabled, !account.lockedAt(now));
    }

    UserScope scopeOf(Account account) {
        List<AccountStore.GrantRow> grants = accounts.grants(account.id());
        Map<Long, String> paths = organization.unitPaths(grants.stream()
                .map(AccountStore.GrantRow::unitId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList());
        return new UserScope(
                account.id(),
                account.username(),
                account.officerId(),
                grants.stream()
                        .map(g -> new UserScope.Grant(
                                g.role(), g.unitId(), g.unitId() == null ? null : paths.get(g.unitId())))
                        .toList());
    }

    private String displayName(Account account) {
        if (account.officerId() == null) {
            return account.username();
        }
        return organization
                .officer(account.officerId())
                .map(OfficerView::fullName)
                .orElse(account.username());
    }
}
