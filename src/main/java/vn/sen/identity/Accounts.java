package vn.sen.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.moments.DayHasPassed;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.organization.Organization;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * Accounts (tài khoản): the module's API for creating and administering them. Unit administrators act
 * only on accounts whose roles and officer lie in their subtree.
 */
@Service
@Transactional
public class Accounts {

    private static final String PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%&*+-=?";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountStore store;
    private final AccountDetailsService details;
    private final Organization organization;
    private final PasswordEncoder encoder;
    private final SecretBox secrets;
    private final PasskeyStore passkeys;
    private final SecurityProperties properties;
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, String> sharedHashes = new ConcurrentHashMap<>();

    Accounts(
            AccountStore store,
            AccountDetailsService details,
            Organization organization,
            PasswordEncoder encoder,
            SecretBox secrets,
            PasskeyStore passkeys,
            SecurityProperties properties,
            ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Clock clock) {
        this.store = store;
        this.details = details;
        this.organization = organization;
        this.encoder = encoder;
        this.secrets = secrets;
        this.passkeys = passkeys;
        this.properties = properties;
        this.sessions = sessions;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new account; with a null password a temporary one is generated and returned. */
    public NewAccountResult create(UserScope actor, NewAccount account) {
        checkGrantable(actor, account.grants());
        String password = account.password() != null ? account.password() : temporaryPassword(account.username());
        long id = insert(account, encoder.encode(password));
        events.publishEvent(SecurityEventOccurred.success(
                actor.username(),
                "identity.account.created",
                "account:" + id,
                account.username() + " " + account.grants()));
        return new NewAccountResult(id, account.username(), account.password() == null ? password : null);
    }

    /**
     * Many accounts at once (CSV import, demo province), all or nothing. Accounts given the same
     * {@code password} share one hash computation: meant for demo data, where hashing 50,000 times
     * would take minutes.
     */
    public List<NewAccountResult> importAccounts(UserScope actor, List<NewAccount> accounts, String source) {
        var results = new ArrayList<NewAccountResult>(accounts.size());
        var hashed = accounts.parallelStream()
                .map(a -> a.password() == null
                        ? Map.entry(temporaryPassword(a.username()), "")
                        : Map.entry(a.password(), sharedHashes.computeIfAbsent(a.password(), encoder::encode)))
                .map(e -> e.getValue().isEmpty() ? Map.entry(e.getKey(), encoder.encode(e.getKey())) : e)
                .toList();
        for (int i = 0; i < accounts.size(); i++) {
            NewAccount account = accounts.get(i);
            checkGrantable(actor, account.grants());
            long id = insert(account, hashed.get(i).getValue());
            results.add(new NewAccountResult(
                    id,
                    account.username(),
                    account.password() == null ? hashed.get(i).getKey() : null));
        }
        events.publishEvent(SecurityEventOccurred.success(
                actor.username(),
                "identity.accounts.imported",
                "accounts",
                accounts.size() + " accounts from " + source));
        return results;
    }

    private long insert(NewAccount account, String hash) {
        String username = normalise(account.username());
        if (!username.matches("[a-z0-9._@-]{3,100}")) {
            throw new RuleViolation("account.error.username-format", account.username());
        }
        try {
            long id = store.insert(
                    username, account.officerId(), account.accountClass(), hash, account.mustChangePassword());
            for (UserScope.Grant grant : account.grants()) {
                store.grant(id, grant.role(), grant.unitId());
            }
            return id;
        } catch (DuplicateKeyException e) {
            if (String.valueOf(e.getMessage()).contains("account_officer")) {
                throw new RuleViolation("account.error.officer-has-account", account.officerId());
            }
            throw new RuleViolation("account.error.duplicate-username", username);
        }
    }

    public Optional<AccountView> account(UserScope actor, long id) {
        Optional<AccountView> view = store.byId(id).map(this::view);
        view.ifPresent(v -> checkAdminister(actor, v));
        return view;
    }

    public Optional<AccountView> accountOfOfficer(long officerId) {
        return jdbc.sql("select * from identity.account where officer_id = :id order by id limit 1")
                .param("id", officerId)
                .query(AccountStore::read)
                .optional()
                .map(this::view);
    }

    /**
     * Who to reach for work sent to officers or units (người nhận thông báo): each officer's own account,
     * and for each unit the accounts with one of {@code unitRoles} granted on that very unit. Disabled
     * accounts are left out.
     */
    public List<Contact> contacts(
            java.util.Collection<Long> officerIds, java.util.Collection<Long> unitIds, Role... unitRoles) {
        return jdbc.sql("""
                select distinct a.username, a.officer_id from identity.account a
                where a.disabled_reason is null
                  and (a.officer_id = any(:officers)
                       or exists (select 1 from identity.role_grant g where g.account_id = a.id
                                  and g.unit_id = any(:units) and g.role = any(:roles)))
                order by a.username
                """)
                .param("officers", officerIds.toArray(Long[]::new))
                .param("units", unitIds.toArray(Long[]::new))
                .param(
                        "roles",
                        java.util.Arrays.stream(unitRoles).map(Enum::name).toArray(String[]::new))
                .query((rs, n) -> new Contact(rs.getString(1), (Long) rs.getObject(2)))
                .list();
    }

    /** An account to notify, with its officer (for the e-mail address) when it has one. */
    public record Contact(String username, Long officerId) {}

    /** Accounts the actor administers whose user name or officer name matches {@code text}. */
    @Transactional(readOnly = true)
    public List<AccountView> search(UserScope actor, String text, int limit) {
        String folded = text == null ? "" : text.strip();
        boolean everywhere = actor.has(Role.SYSTEM_ADMIN);
        List<String> subtrees = actor.subtrees(Role.UNIT_ADMIN);
        if (!everywhere && subtrees.isEmpty()) {
            throw new AccessDeniedException("accounts");
        }
        String scope = everywhere ? "" : """
                  and (exists (select 1 from identity.role_grant g join organization.unit u on u.id = g.unit_id
                               where g.account_id = a.id and u.path like any (:paths))
                    or exists (select 1 from organization.appointment p join organization.unit u on u.id = p.unit_id
                               where p.officer_id = a.officer_id and u.path like any (:paths)))
                  """;
        return jdbc
                .sql("""
                select a.* from identity.account a left join organization.officer o on o.id = a.officer_id
                where (a.username like '%' || lower(:text) || '%'
                       or organization.fold(o.full_name) like '%' || organization.fold(:text) || '%')
                """ + scope + " order by a.username limit :limit")
                .param("text", folded)
                .param("paths", subtrees.stream().map(p -> p + "%").toArray(String[]::new))
                .param("limit", limit)
                .query(AccountStore::read)
                .list()
                .stream()
                .map(this::view)
                .toList();
    }

    public void unlock(UserScope actor, long id) {
        AccountView account = requireAdministered(actor, id);
        store.unlock(id);
        events.publishEvent(SecurityEventOccurred.success(
                actor.username(), "identity.account.unlocked", "account:" + id, account.username()));
    }

    public void disable(UserScope actor, long id) {
        AccountView account = requireAdministered(actor, id);
        store.disable(id, Account.DISABLED_BY_ADMIN);
        signOutEverywhere(account.username());
        events.publishEvent(SecurityEventOccurred.success(
                actor.username(), "identity.account.disabled", "account:" + id, account.username()));
    }

    public void enable(UserScope actor, long id) {
        AccountView account = requireAdministered(actor, id);
        store.enable(id);
        events.publishEvent(SecurityEventOccurred.success(
                actor.username(), "identity.account.enabled", "account:" + id, account.username()));
    }

    /** A new temporary password the user must change at the next login; returned once, never stored in clear. */
    public String resetPassword(UserScope actor, long id) {
        AccountView account = requireAdministered(actor, id);
        String password = temporaryPassword(account.username());
        store.changePassword(id, encoder.encode(password), true);
        signOutEverywhere(account.username());
        events.publishEvent(SecurityEventOccurred.success(
                actor.username(), "identity.password.reset", "account:" + id, account.username()));
        return password;
    }

    public void grant(UserScope actor, long id, Role role, Long unitId) {
        AccountView account = requireAdministered(actor, id);
        checkGrantable(actor, List.of(new UserScope.Grant(role, unitId, null)));
        store.grant(id, role, unitId);
        events.publishEvent(SecurityEventOccurred.success(
                actor.username(),
                "identity.role.granted",
                "account:" + id,
                role + " unit:" + unitId + " " + account.username()));
    }

    public void revoke(UserScope actor, long id, Role role, Long unitId) {
        AccountView account = requireAdministered(actor, id);
        checkGrantable(actor, List.of(new UserScope.Grant(role, unitId, null)));
        store.revoke(id, role, unitId);
        events.publishEvent(SecurityEventOccurred.success(
                actor.username(),
                "identity.role.revoked",
                "account:" + id,
                role + " unit:" + unitId + " " + account.username()));
    }

    /** Ends every session of {@code username} on every node ("đăng xuất khỏi mọi thiết bị"). */
    public int signOutEverywhere(String username) {
        var repository = sessions.getIfAvailable();
        if (repository == null) {
            return 0; // command line: no session store, and no web sessions to end from here
        }
        var found = repository.findByPrincipalName(username);
        found.keySet().forEach(repository::deleteById);
        return found.size();
    }

    /** Level 3: accounts unused for 45 days are disabled, checked once a day. */
    @EventListener
    void on(DayHasPassed day) {
        int disabled = store.disableInactive(clock.instant().minus(properties.inactiveAfter()));
        if (disabled > 0) {
            events.publishEvent(SecurityEventOccurred.success(
                    "system", "identity.accounts.disabled-inactive", "accounts", disabled + " accounts"));
        }
    }

    // ---- self-service ---------------------------------------------------------------------------

    /** Changes the user's own password under the policy; message keys of the broken rules, empty when done. */
    List<String> changeOwnPassword(long accountId, String current, String newPassword, boolean checkCurrent) {
        Account account = store.byId(accountId).orElseThrow();
        if (checkCurrent && !encoder.matches(current, account.passwordHash())) {
            return List.of("password.error.current");
        }
        boolean secondFactor = account.hasTotp() || passkeys.count(accountId) > 0;
        var problems = new ArrayList<>(PasswordPolicy.violations(newPassword, account.username(), secondFactor));
        if (problems.isEmpty()
                && store.recentPasswordHashes(accountId, PasswordPolicy.HISTORY).stream()
                        .anyMatch(old -> encoder.matches(newPassword, old))) {
            problems.add("password.error.history");
        }
        if (problems.isEmpty()) {
            store.changePassword(accountId, encoder.encode(newPassword), false);
            events.publishEvent(SecurityEventOccurred.success(
                    account.username(), "identity.password.changed", "account:" + accountId, ""));
        }
        return problems;
    }

    /** Confirms a TOTP enrolment with a code from the app; false when the code is wrong. */
    boolean enrolTotp(long accountId, String secret, String code) {
        Account account = store.byId(accountId).orElseThrow();
        var step = Totp.verify(secret, code, clock.instant(), null);
        if (step.isEmpty()) {
            return false;
        }
        store.setTotp(accountId, secrets.seal(secret));
        store.useTotpStep(accountId, step.getAsLong());
        events.publishEvent(SecurityEventOccurred.success(
                account.username(), "identity.totp.enrolled", "account:" + accountId, ""));
        return true;
    }

    boolean verifyTotp(long accountId, String code) {
        Account account = store.byId(accountId).orElseThrow();
        if (!account.hasTotp()) {
            return false;
        }
        var step = Totp.verify(secrets.open(account.totpSecret()), code, clock.instant(), account.totpLastStep());
        return step.isPresent() && store.useTotpStep(accountId, step.getAsLong());
    }

    void removeTotp(long accountId) {
        Account account = store.byId(accountId).orElseThrow();
        if (details.toUser(account).administrative() && passkeys.count(accountId) == 0) {
            throw new RuleViolation("mfa.error.mandatory");
        }
        store.setTotp(accountId, null);
        events.publishEvent(
                SecurityEventOccurred.success(account.username(), "identity.totp.removed", "account:" + accountId, ""));
    }

    /** Removes one of the user's passkeys; an administrator keeps at least one second factor. */
    void removePasskey(long accountId, String credentialId) {
        Account account = store.byId(accountId).orElseThrow();
        if (details.toUser(account).administrative() && !account.hasTotp() && passkeys.count(accountId) <= 1) {
            throw new RuleViolation("mfa.error.mandatory");
        }
        if (passkeys.remove(accountId, credentialId)) {
            events.publishEvent(SecurityEventOccurred.success(
                    account.username(), "identity.passkey.removed", "account:" + accountId, ""));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private AccountView requireAdministered(UserScope actor, long id) {
        AccountView view =
                store.byId(id).map(this::view).orElseThrow(() -> new RuleViolation("account.error.not-found", id));
        checkAdminister(actor, view);
        return view;
    }

    /** System administrator: every account; unit administrator: accounts whose officer or roles lie in the subtree. */
    private void checkAdminister(UserScope actor, AccountView account) {
        if (actor.has(Role.SYSTEM_ADMIN)) {
            return;
        }
        boolean inScope = !account.unitPaths().isEmpty()
                && account.unitPaths().stream().allMatch(path -> actor.hasIn(path, Role.UNIT_ADMIN));
        boolean installationRole =
                account.grants().stream().anyMatch(g -> !g.role().unitScoped());
        if (!inScope || installationRole) {
            throw new AccessDeniedException("account " + account.id());
        }
    }

    /** Installation roles only by the system administrator; unit roles only within the actor's subtree. */
    private void checkGrantable(UserScope actor, List<UserScope.Grant> grants) {
        if (actor.has(Role.SYSTEM_ADMIN)) {
            return;
        }
        var paths = organization.unitPaths(grants.stream()
                .map(UserScope.Grant::unitId)
                .filter(java.util.Objects::nonNull)
                .toList());
        for (UserScope.Grant grant : grants) {
            if (!grant.role().unitScoped()
                    || grant.unitId() == null
                    || !actor.hasIn(paths.get(grant.unitId()), Role.UNIT_ADMIN)) {
                throw new AccessDeniedException("grant " + grant.role());
            }
        }
    }

    private AccountView view(Account account) {
        UserScope scope = details.scopeOf(account);
        var paths = new ArrayList<String>();
        scope.grants().stream()
                .map(UserScope.Grant::unitPath)
                .filter(java.util.Objects::nonNull)
                .forEach(paths::add);
        if (account.officerId() != null) {
            organization
                    .officer(account.officerId())
                    .ifPresent(o -> o.appointments().forEach(a -> paths.add(a.unitPath())));
        }
        Instant now = clock.instant();
        return new AccountView(
                account.id(),
                account.username(),
                account.officerId(),
                account.accountClass(),
                account.lockedAt(now) ? account.lockedUntil() : null,
                account.disabledReason() != null
                        ? account.disabledReason()
                        : account.inactiveAt(now, properties.inactiveAfter()) ? Account.DISABLED_INACTIVE : null,
                account.hasTotp(),
                account.mustChangePassword(),
                account.lastLoginAt(),
                scope.grants(),
                List.copyOf(paths.stream().distinct().toList()));
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** 16 random characters of all four classes: meets the policy without a second factor. */
    /** A random password that meets the policy for {@code username} (all four classes, not containing it). */
    static String temporaryPassword(String username) {
        while (true) {
            var sb = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
            }
            if (PasswordPolicy.violations(sb.toString(), username, false).isEmpty()) {
                return sb.toString();
            }
        }
    }

    /** An account to create. */
    public record NewAccount(
            String username,
            Long officerId,
            AccountClass accountClass,
            String password,
            boolean mustChangePassword,
            List<UserScope.Grant> grants) {}

    /** @param temporaryPassword the generated password, to hand over once; null when one was given */
    public record NewAccountResult(long id, String username, String temporaryPassword) {}

    /** An account as administrators see it. */
    public record AccountView(
            long id,
            String username,
            Long officerId,
            AccountClass accountClass,
            Instant lockedUntil,
            String disabledReason,
            boolean secondFactor,
            boolean mustChangePassword,
            Instant lastLoginAt,
            List<UserScope.Grant> grants,
            List<String> unitPaths) {}
}
