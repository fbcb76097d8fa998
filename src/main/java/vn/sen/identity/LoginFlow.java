package vn.sen.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of a login (đăng nhập): password, then — as the account needs — the second factor, its
 * enrolment (mandatory for administrators) and the forced password change. Each intermediate step
 * holds only the authority that opens its own page.
 */
@Component
class LoginFlow implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String SECOND_FACTOR_DONE = "sen.login.second-factor-done";
    static final String LOGIN_ERROR = "sen.login.error";
    static final String LOGIN_ERROR_UNTIL = "sen.login.error-until";

    private final AccountStore accounts;
    private final AccountDetailsService details;
    private final SecurityProperties properties;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    LoginFlow(
            AccountStore accounts,
            AccountDetailsService details,
            SecurityProperties properties,
            LoginThrottle throttle,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.accounts = accounts;
        this.details = details;
        this.properties = properties;
        this.throttle = throttle;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        request.getSession().removeAttribute(SECOND_FACTOR_DONE);
        // The user was loaded for this very password check: no need to load it again.
        proceed(request, response, (SenUser) auth.getPrincipal());
    }

    /** Moves the login to its next step, or completes it; called after each step succeeds. */
    void proceed(HttpServletRequest request, HttpServletResponse response, long accountId) throws IOException {
        proceed(request, response, details.toUser(accounts.byId(accountId).orElseThrow()));
    }

    private void proceed(HttpServletRequest request, HttpServletResponse response, SenUser user) throws IOException {
        long accountId = user.scope().accountId();
        HttpSession session = request.getSession();
        boolean secondFactorDone = Boolean.TRUE.equals(session.getAttribute(SECOND_FACTOR_DONE));
        String stage = null;
        String page = null;
        if (user.hasSecondFactor() && !secondFactorDone) {
            stage = SenUser.STAGE_SECOND_FACTOR;
            page = "/login/second-factor";
        } else if (user.administrative() && !user.hasSecondFactor()) {
            stage = SenUser.STAGE_ENROL_SECOND_FACTOR;
            page = "/login/enrol";
        } else if (user.mustChangePassword()) {
            stage = SenUser.STAGE_CHANGE_PASSWORD;
            page = "/login/password";
        }
        user.eraseCredentials();
        if (stage != null) {
            store(request, response, user, List.of(new SimpleGrantedAuthority(stage)));
            response.sendRedirect(request.getContextPath() + page);
            return;
        }
        request.changeSessionId();
        store(request, response, user, user.fullAuthorities());
        Duration timeout = user.administrative() ? properties.adminIdleTimeout() : properties.idleTimeout();
        request.getSession().setMaxInactiveInterval((int) timeout.toSeconds());
        transactions.executeWithoutResult(tx -> {
            accounts.recordLogin(accountId, clock.instant());
            events.publishEvent(SecurityEventOccurred.success(
                    user.getUsername(),
                    "identity.login",
                    "account:" + accountId,
                    secondFactorDone ? "mfa" : "password"));
        });
        SavedRequest saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        String target = saved != null && !saved.getRedirectUrl().contains("/login") ? saved.getRedirectUrl() : "/";
        response.sendRedirect(target.startsWith("http") ? target : request.getContextPath() + target);
    }

    private void store(
            HttpServletRequest request,
            HttpServletResponse response,
            SenUser user,
            List<? extends GrantedAuthority> authorities) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.copyOf(authorities)));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String username = request.getParameter("username") == null
                ? ""
                : request.getParameter("username").strip();
        String address = request.getRemoteAddr();
        HttpSession session = request.getSession();
        session.removeAttribute(LOGIN_ERROR_UNTIL);
        switch (e) {
            case LockedException locked -> {
                session.setAttribute(LOGIN_ERROR, "login.error.locked");
                accounts.byUsername(username).ifPresent(a -> session.setAttribute(LOGIN_ERROR_UNTIL, a.lockedUntil()));
                audit(username, "identity.login", "locked");
            }
            case DisabledException disabled -> {
                session.setAttribute(LOGIN_ERROR, "login.error.disabled");
                audit(username, "identity.login", "disabled");
            }
            default -> {
                throttle.recordFailure(address);
                session.setAttribute(LOGIN_ERROR, "login.error.bad-credentials");
                accounts.byUsername(username).ifPresent(a -> countFailure(a, session));
                audit(username, "identity.login", "bad credentials");
            }
        }
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    /** A wrong password or one-time code: counts towards the lockout. */
    void countFailure(Account account, HttpSession session) {
        Instant until = clock.instant().plus(properties.lockDuration());
        int failures = transactions.execute(tx -> {
            int count = accounts.recordFailure(account.id(), properties.lockAfterFailures(), until);
            if (count == properties.lockAfterFailures()) {
                events.publishEvent(SecurityEventOccurred.failure(
                        account.username(),
                        "identity.account.locked",
                        "account:" + account.id(),
                        count + " failed logins"));
            }
            return count;
        });
        if (failures >= properties.lockAfterFailures()) {
            session.setAttribute(LOGIN_ERROR, "login.error.locked");
            session.setAttribute(LOGIN_ERROR_UNTIL, until);
        }
    }

    private void audit(String username, String action, String reason) {
        transactions.executeWithoutResult(tx -> events.publishEvent(SecurityEventOccurred.failure(
                username.isEmpty() ? "-" : username, action, "account:" + username, reason)));
    }
}
