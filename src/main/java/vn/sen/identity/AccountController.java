package vn.sen.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own account (tài khoản của tôi): password, second factor, sessions. */
@Controller
class AccountController {

    private final Accounts accounts;
    private final AccountStore store;
    private final PasskeyStore passkeys;
    private final ApiTokens tokens;
    private final java.time.Clock clock;

    AccountController(
            Accounts accounts, AccountStore store, PasskeyStore passkeys, ApiTokens tokens, java.time.Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        this.accounts = accounts;
        this.store = store;
        this.passkeys = passkeys;
    }

    @GetMapping("/account")
    String show(@AuthenticationPrincipal SenUser user, Model model) {
        Account account = store.byId(user.scope().accountId()).orElseThrow();
        model.addAttribute("secondFactor", account.hasTotp());
        model.addAttribute("passkeys", passkeys.passkeysOf(account.id()));
        model.addAttribute("administrative", user.administrative());
        model.addAttribute("tokens", tokens.of(user.getUsername()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("tokenMaxDays", ApiTokens.MAX_DAYS);
        return "account/show";
    }

    /** A new API token; its secret is shown once, on the next page. */
    @PostMapping("/account/tokens")
    String createToken(
            @AuthenticationPrincipal SenUser user,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String name,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "30") int days,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            var token = tokens.create(user.getUsername(), name, days);
            redirect.addFlashAttribute("newToken", token.secret());
        } catch (vn.sen.shared.RuleViolation e) {
            redirect.addFlashAttribute("tokenProblem", e.code());
            redirect.addFlashAttribute("tokenProblemArgs", e.args());
        }
        return "redirect:/account#tokens";
    }

    @PostMapping("/account/tokens/{id}/revocation")
    String revokeToken(
            @AuthenticationPrincipal SenUser user,
            @org.springframework.web.bind.annotation.PathVariable long id,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            tokens.revoke(user.getUsername(), id);
            redirect.addFlashAttribute("notice", "tokens.revoked");
        } catch (vn.sen.shared.RuleViolation e) {
            redirect.addFlashAttribute("tokenProblem", e.code());
        }
        return "redirect:/account#tokens";
    }

    @PostMapping("/account/password")
    String changePassword(
            @AuthenticationPrincipal SenUser user,
            @RequestParam String current,
            @RequestParam String password,
            @RequestParam String confirmation,
            Model model,
            RedirectAttributes redirect) {
        List<String> problems = password.equals(confirmation)
                ? accounts.changeOwnPassword(user.scope().accountId(), current, password, true)
                : List.of("password.error.confirmation");
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("notice", "password.changed");
            return "redirect:/account";
        }
        model.addAttribute("errors", problems);
        return show(user, model);
    }

    @GetMapping("/account/mfa")
    String enrolForm(@AuthenticationPrincipal SenUser user, HttpSession session, Model model) {
        String secret = (String) session.getAttribute(LoginController.PENDING_SECRET);
        if (secret == null) {
            secret = Totp.newSecret();
            session.setAttribute(LoginController.PENDING_SECRET, secret);
        }
        LoginController.addEnrolment(model, user.getUsername(), secret);
        return "account/mfa";
    }

    @PostMapping("/account/mfa")
    String enrol(
            @AuthenticationPrincipal SenUser user,
            @RequestParam String code,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        String secret = (String) session.getAttribute(LoginController.PENDING_SECRET);
        if (secret != null && accounts.enrolTotp(user.scope().accountId(), secret, code)) {
            session.removeAttribute(LoginController.PENDING_SECRET);
            redirect.addFlashAttribute("notice", "mfa.enrolled");
            return "redirect:/account";
        }
        model.addAttribute("error", "mfa.error.code");
        return enrolForm(user, session, model);
    }

    @PostMapping("/account/mfa/removal")
    String removeSecondFactor(@AuthenticationPrincipal SenUser user, RedirectAttributes redirect) {
        accounts.removeTotp(user.scope().accountId());
        redirect.addFlashAttribute("notice", "mfa.removed");
        return "redirect:/account";
    }

    @PostMapping("/account/passkeys/removal")
    String removePasskey(@AuthenticationPrincipal SenUser user, @RequestParam String id, RedirectAttributes redirect) {
        accounts.removePasskey(user.scope().accountId(), id);
        redirect.addFlashAttribute("notice", "passkey.removed");
        return "redirect:/account";
    }

    /** Ends this and every other session of the user ("đăng xuất mọi nơi"). */
    @PostMapping("/account/sessions/termination")
    String signOutEverywhere(@AuthenticationPrincipal SenUser user, HttpServletRequest request) {
        accounts.signOutEverywhere(user.getUsername());
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/login?logout";
    }

    /** Keeps the session alive when the user answers the idle warning. */
    @PostMapping("/session/keepalive")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    void keepAlive() {
        // touching the session is enough
    }
}
