package vn.sen.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.sen.shared.Role;

/**
 * Passkeys in a real Chromium with a virtual authenticator (Chrome DevTools WebAuthn domain): an
 * officer registers one and signs in with it; an administrator's passkey is their second factor.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"server.port=18766", "sen.security.passkey-origins=http://localhost:18766"})
class PasskeyBrowserTest extends vn.sen.BrowserTest {

    static final String PASSWORD = TestLogins.PASSWORD;
    static final String BASE = "http://localhost:18766";

    @Autowired
    Accounts accounts;

    @Autowired
    TestLogins logins;

    BrowserContext context;
    Page page;

    @BeforeEach
    void newContextWithAnAuthenticator() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN"));
        page = context.newPage();
        var devtools = context.newCDPSession(page);
        devtools.send("WebAuthn.enable");
        var options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        var parameters = new JsonObject();
        parameters.add("options", options);
        devtools.send("WebAuthn.addVirtualAuthenticator", parameters);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    private String newUser(AccountClass accountClass, Role role) {
        return logins.newAccount(accountClass, false, role);
    }

    private void signIn(String username) {
        page.navigate(BASE + "/login");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Đăng nhập").setExact(true))
                .click();
    }

    private void registerPasskey(String label) {
        page.navigate(BASE + "/account");
        page.getByLabel("Tên khóa (để nhận ra thiết bị)").fill(label);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thêm khóa truy cập"))
                .click();
        assertThat(page.locator("#passkey-list")).containsText(label);
    }

    private void signOut() {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Đăng xuất").setExact(true))
                .click();
        assertThat(page).hasURL(Pattern.compile("/login\\?logout"));
    }

    @Test
    void an_officer_registers_a_passkey_and_signs_in_with_it_without_a_password() {
        signIn(newUser(AccountClass.USER, null));
        registerPasskey("Máy tính bảng phòng họp");
        signOut();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập bằng khóa truy cập"))
                .click();
        assertThat(page.locator("h1")).containsText("Xin chào");
    }

    @Test
    void an_administrator_uses_a_passkey_as_the_second_factor() {
        String admin = newUser(AccountClass.ADMIN, Role.SYSTEM_ADMIN);
        signIn(admin);
        assertThat(page).hasURL(Pattern.compile("/login/enrol$"));
        String secret = page.locator("#totp-secret").textContent().replace(" ", "");
        page.getByLabel("Mã xác thực").fill(Totp.code(secret, Totp.step(Instant.now())));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xác nhận"))
                .click();
        assertThat(page.locator("h1")).containsText("Xin chào");
        registerPasskey("Khóa USB quản trị");
        signOut();

        signIn(admin);
        assertThat(page).hasURL(Pattern.compile("/login/second-factor$"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập bằng khóa truy cập"))
                .click();
        assertThat(page.locator("h1")).containsText("Xin chào");
        page.navigate(BASE + "/admin/accounts");
        assertThat(page.locator("h1")).containsText("Tài khoản");
    }
}
