package vn.sen.identity;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page and the steps after the password: second factor, its enrolment, password change. */
@Controller
class LoginController {

    static final String PENDING_SECRET = "sen.login.pending-totp-secret";

    private final LoginFlow flow;
    private final Accounts accounts;
    private final AccountStore store;
    private final AccountDetailsService details;
    private final PasskeyStore passkeys;

    LoginController(
            LoginFlow flow,
            Accounts accounts,
            AccountStore store,
            AccountDetailsService details,
            PasskeyStore passkeys) {
        this.passkeys = passkeys;
        this.flow = flow;
        this.accounts = accounts;
        this.store = store;
        this.details = details;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session != null && request.getParameter("timeout") != null) {
            // the page's idle timer expired: end the session even if the server has not expired it yet
            session.invalidate();
            SecurityContextHolder.clearContext();
            session = null;
        }
        if (session != null && request.getParameter("error") != null) {
            model.addAttribute("error", session.getAttribute(LoginFlow.LOGIN_ERROR));
            model.addAttribute("until", session.getAttribute(LoginFlow.LOGIN_ERROR_UNTIL));
        }
        if ("throttled".equals(request.getParameter("error"))) {
            model.addAttribute("error", "login.error.throttled");
        }
        return "login/login";
    }

    /**
     * After a passkey ceremony (WebAuthn): a passkey proves possession and the user's PIN or biometric,
     * so it counts as the second factor; the login flow continues with its remaining steps.
     */
    @GetMapping("/login/passkey")
    void passkey(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var account = auth instanceof WebAuthnAuthentication
                ? store.byUsername(auth.getName())
                : java.util.Optional.<Account>empty();
        if (account.isEmpty()
                || account.get().lockedAt(Instant.now())
                || !details.toUser(account.get()).isEnabled()) {
            request.getSession().invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?passkey-refused");
            return;
        }
        request.getSession().setAttribute(LoginFlow.SECOND_FACTOR_DONE, Boolean.TRUE);
        flow.proceed(request, response, account.get().id());
    }

    @GetMapping("/login/second-factor")
    String secondFactor(@AuthenticationPrincipal SenUser user, Model model) {
        model.addAttribute("totp", user.hasTotp());
        model.addAttribute("passkeys", passkeyCount(user) > 0);
        return "login/second-factor";
    }

    @PostMapping("/login/second-factor")
    String verifySecondFactor(
            @AuthenticationPrincipal SenUser user,
            @RequestParam String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        long id = user.scope().accountId();
        if (accounts.verifyTotp(id, code)) {
            request.getSession().setAttribute(LoginFlow.SECOND_FACTOR_DONE, Boolean.TRUE);
            flow.proceed(request, response, id);
            return null;
        }
        Account account = store.byId(id).orElseThrow();
        flow.countFailure(account, request.getSession());
        if (store.byId(id).orElseThrow().lockedAt(Instant.now())) {
            request.getSession().invalidate();
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return null;
        }
        model.addAttribute("error", "mfa.error.code");
        return secondFactor(user, model);
    }

    private int passkeyCount(SenUser user) {
        return passkeys.count(user.scope().accountId());
    }

    @GetMapping("/login/enrol")
    String enrol(@AuthenticationPrincipal SenUser user, HttpSession session, Model model) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = Totp.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        addEnrolment(model, user.getUsername(), secret);
        return "login/enrol";
    }

    @PostMapping("/login/enrol")
    String confirmEnrolment(
            @AuthenticationPrincipal SenUser user,
            @RequestParam String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        HttpSession session = request.getSession();
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret != null && accounts.enrolTotp(user.scope().accountId(), secret, code)) {
            session.removeAttribute(PENDING_SECRET);
            session.setAttribute(LoginFlow.SECOND_FACTOR_DONE, Boolean.TRUE);
            flow.proceed(request, response, user.scope().accountId());
            return null;
        }
        model.addAttribute("error", "mfa.error.code");
        return enrol(user, session, model);
    }

    @GetMapping("/login/password")
    String passwordForm() {
        return "login/password";
    }

    @PostMapping("/login/password")
    String changePassword(
            @AuthenticationPrincipal SenUser user,
            @RequestParam String password,
            @RequestParam String confirmation,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        List<String> problems = password.equals(confirmation)
                ? accounts.changeOwnPassword(user.scope().accountId(), null, password, false)
                : List.of("password.error.confirmation");
        if (problems.isEmpty()) {
            flow.proceed(request, response, user.scope().accountId());
            return null;
        }
        model.addAttribute("errors", problems);
        return "login/password";
    }

    static void addEnrolment(Model model, String username, String secret) {
        String uri = Totp.uri("Sen", username, secret);
        model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
        model.addAttribute("qr", qrSvg(uri));
    }

    /** The otpauth URI as an inline SVG QR code, so no image leaves the server. */
    static String qrSvg(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0);
            int size = matrix.getWidth();
            var svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-2 -2 ")
                    .append(size + 4)
                    .append(' ')
                    .append(size + 4)
                    .append(
                            "\" width=\"220\" height=\"220\" role=\"img\" aria-label=\"QR\" shape-rendering=\"crispEdges\">")
                    .append(
                            "<rect x=\"-2\" y=\"-2\" width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (matrix.get(x, y)) {
                        svg.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return svg.append("\"/></svg>").toString();
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }
}
