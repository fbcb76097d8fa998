package vn.sen.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.sen.shared.Role;
import vn.sen.shared.UserScope;

/** The login journeys in a real Chromium: password, forced change, TOTP, lockout, idle logout. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sen.security.idle-timeout=8s",
            "sen.security.admin-idle-timeout=8s",
            "sen.security.idle-warning=5s"
        })
class LoginBrowserTest extends vn.sen.BrowserTest {

    static final String PASSWORD = TestLogins.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    TestLogins logins;

    @Autowired
    vn.sen.organization.Organization organization;

    BrowserContext context;
    Page page;

    @BeforeEach
    void newContext() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN"));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String newUser(AccountClass accountClass, boolean mustChange, Role role) {
        return logins.newAccount(accountClass, mustChange, role);
    }

    private void signIn(String username, String password) {
        page.navigate(url("/login"));
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Đăng nhập").setExact(true))
                .click();
    }

    @Test
    void a_new_user_signs_in_and_must_choose_a_good_password_first() {
        signIn(newUser(AccountClass.USER, true, null), PASSWORD);
        assertThat(page).hasURL(Pattern.compile("/login/password$"));
        page.getByLabel("Mật khẩu mới", new Page.GetByLabelOptions().setExact(true))
                .fill("ngan");
        page.getByLabel("Nhập lại mật khẩu mới").fill("ngan");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Đổi mật khẩu"))
                .click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT))
                .containsText("ít nhất 14 ký tự");

        page.getByLabel("Mật khẩu mới", new Page.GetByLabelOptions().setExact(true))
                .fill("Hoa-Sen-Nở-Rộ-2026");
        page.getByLabel("Nhập lại mật khẩu mới").fill("Hoa-Sen-Nở-Rộ-2026");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Đổi mật khẩu"))
                .click();
        assertThat(page.locator("h1")).containsText("Xin chào");
    }

    @Test
    void an_administrator_enrols_an_authenticator_and_then_signs_in_with_its_codes() {
        String admin = newUser(AccountClass.ADMIN, false, Role.SYSTEM_ADMIN);
        signIn(admin, PASSWORD);
        assertThat(page).hasURL(Pattern.compile("/login/enrol$"));
        assertThat(page.locator(".sen-qr svg")).isVisible();
        String secret = page.locator("#totp-secret").textContent().replace(" ", "");
        page.getByLabel("Mã xác thực").fill(Totp.code(secret, Totp.step(Instant.now())));
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Xác nhận"))
                .click();
        assertThat(page.locator("h1")).containsText("Xin chào");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Đăng xuất").setExact(true))
                .click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS))
                .containsText("Bạn đã đăng xuất");

        signIn(admin, PASSWORD);
        assertThat(page).hasURL(Pattern.compile("/login/second-factor$"));
        page.getByLabel("Mã xác thực").fill(Totp.code(secret, Totp.step(Instant.now()) + 1));
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Xác nhận"))
                .click();
        assertThat(page.locator("h1")).containsText("Xin chào");
    }

    @Test
    void five_wrong_passwords_show_until_when_the_account_is_locked() {
        String user = newUser(AccountClass.USER, false, null);
        for (int i = 0; i < 4; i++) {
            signIn(user, "sai-mat-khau");
            assertThat(page.locator("#login-error")).containsText("Tên đăng nhập hoặc mật khẩu không đúng");
        }
        signIn(user, "sai-mat-khau");
        assertThat(page.locator("#login-error")).containsText("Tài khoản đang bị khóa đến");
        signIn(user, PASSWORD);
        assertThat(page.locator("#login-error")).containsText("Tài khoản đang bị khóa đến");
    }

    @Test
    void an_idle_session_warns_then_ends_at_the_login_page() {
        signIn(newUser(AccountClass.USER, false, null), PASSWORD);
        assertThat(page.locator("h1")).containsText("Xin chào");
        assertThat(page.locator("#idle-warning"))
                .isVisible(
                        new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(8000));
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Tiếp tục làm việc"))
                .click();
        assertThat(page.locator("#idle-warning")).isHidden();

        assertThat(page)
                .hasURL(
                        Pattern.compile("/login\\?timeout"),
                        new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(15000));
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS))
                .containsText("Phiên làm việc đã hết hạn");
        page.navigate(url("/account"));
        assertThat(page).hasURL(Pattern.compile("/login"));
    }

    @Test
    void the_organisation_tree_expands_in_place_with_htmx_and_the_language_can_be_switched() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L);
        long top = organization.createUnit(
                UserScope.system(),
                new vn.sen.organization.Organization.NewUnit(
                        null,
                        null,
                        vn.sen.organization.UnitKind.DEPARTMENT,
                        "Sở Thử Cây " + suffix,
                        "STC",
                        "TC" + suffix,
                        null,
                        0));
        organization.createUnit(
                UserScope.system(),
                new vn.sen.organization.Organization.NewUnit(
                        top, null, vn.sen.organization.UnitKind.DIVISION, "Phòng Lá " + suffix, "PL", null, null, 0));
        signIn(newUser(AccountClass.USER, false, null), PASSWORD);
        page.navigate(url("/organization"));
        assertThat(page.locator("h1")).containsText("Tổ chức");
        assertThat(page.getByText("Phòng Lá " + suffix)).hasCount(0);
        page.locator("summary", new Page.LocatorOptions().setHasText("Sở Thử Cây " + suffix))
                .locator("small")
                .click();
        assertThat(page.getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Phòng Lá " + suffix)))
                .isVisible();

        page.navigate(url("/organization?lang=en"));
        assertThat(page.locator("h1")).containsText("Organisation");
        page.navigate(url("/organization?lang=vi"));
        assertThat(page.locator("h1")).containsText("Tổ chức");
    }
}
