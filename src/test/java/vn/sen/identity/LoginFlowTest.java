package vn.sen.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import vn.sen.WebClient;
import vn.sen.shared.Role;
import vn.sen.shared.UserScope;

@SpringBootTest
@AutoConfigureMockMvc
class LoginFlowTest {

    static final String PASSWORD = TestLogins.PASSWORD;

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    TestLogins logins;

    @Autowired
    AccountStore store;

    @Autowired
    JdbcClient jdbc;

    private String newUser(AccountClass accountClass, boolean mustChange, Role role) {
        return logins.newAccount(accountClass, mustChange, role);
    }

    private MockHttpServletResponse login(WebClient client, String username, String password) throws Exception {
        return client.perform(
                post("/login").with(csrf()).param("username", username).param("password", password));
    }

    private String loginPage(WebClient client) throws Exception {
        return client.perform(get("/login").param("error", "")).getContentAsString();
    }

    @Test
    void a_user_with_a_good_password_reaches_the_home_page() throws Exception {
        var client = new WebClient(mvc);
        assertThat(login(client, newUser(AccountClass.USER, false, null), PASSWORD)
                        .getRedirectedUrl())
                .isEqualTo("/");
        assertThat(client.perform(get("/")).getStatus()).isEqualTo(200);
    }

    @Test
    void a_wrong_password_says_so_without_telling_which_part_was_wrong() throws Exception {
        var client = new WebClient(mvc);
        login(client, newUser(AccountClass.USER, false, null), "wrong");
        assertThat(loginPage(client)).contains("Tên đăng nhập hoặc mật khẩu không đúng");
        var stranger = new WebClient(mvc);
        login(stranger, "no-such-user", "wrong");
        assertThat(loginPage(stranger)).contains("Tên đăng nhập hoặc mật khẩu không đúng");
    }

    @Test
    void five_wrong_passwords_lock_the_account_even_for_the_right_password_until_an_admin_unlocks_it()
            throws Exception {
        String user = newUser(AccountClass.USER, false, null);
        var client = new WebClient(mvc);
        for (int i = 0; i < 5; i++) {
            login(client, user, "wrong-" + i);
        }
        login(client, user, PASSWORD);
        assertThat(loginPage(client)).contains("Tài khoản đang bị khóa đến");
        assertThat(client.perform(get("/")).getRedirectedUrl()).contains("/login");

        accounts.unlock(UserScope.system(), store.byUsername(user).orElseThrow().id());
        assertThat(login(new WebClient(mvc), user, PASSWORD).getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void a_first_login_must_change_the_password_under_the_policy_before_anything_else() throws Exception {
        var client = new WebClient(mvc);
        assertThat(login(client, newUser(AccountClass.USER, true, null), PASSWORD)
                        .getRedirectedUrl())
                .isEqualTo("/login/password");
        assertThat(client.perform(get("/")).getRedirectedUrl()).isEqualTo("/login/password");

        String weak = client.perform(post("/login/password")
                        .with(csrf())
                        .param("password", "short")
                        .param("confirmation", "short"))
                .getContentAsString();
        assertThat(weak).contains("ít nhất 14 ký tự");
        String reused = client.perform(post("/login/password")
                        .with(csrf())
                        .param("password", PASSWORD)
                        .param("confirmation", PASSWORD))
                .getContentAsString();
        assertThat(reused).contains("10 mật khẩu gần nhất");

        String fresh = "Một-mật-khẩu-Mới-99";
        assertThat(client.perform(post("/login/password")
                                .with(csrf())
                                .param("password", fresh)
                                .param("confirmation", fresh))
                        .getRedirectedUrl())
                .isEqualTo("/");
        assertThat(client.perform(get("/")).getStatus()).isEqualTo(200);
    }

    @Test
    void an_administrator_without_a_second_factor_must_enrol_one_and_then_needs_it_to_log_in() throws Exception {
        String admin = newUser(AccountClass.ADMIN, false, Role.SYSTEM_ADMIN);
        var client = new WebClient(mvc);
        assertThat(login(client, admin, PASSWORD).getRedirectedUrl()).isEqualTo("/login/enrol");
        assertThat(client.perform(get("/admin/accounts")).getRedirectedUrl()).isEqualTo("/login/enrol");
        String page = client.perform(get("/login/enrol")).getContentAsString();
        var matcher = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<").matcher(page);
        assertThat(matcher.find()).isTrue();
        String secret = matcher.group(1).replace(" ", "");

        assertThat(client.perform(post("/login/enrol").with(csrf()).param("code", "000000"))
                        .getContentAsString())
                .contains("Mã xác thực không đúng");
        String code = Totp.code(secret, Totp.step(Instant.now()));
        assertThat(client.perform(post("/login/enrol").with(csrf()).param("code", code))
                        .getRedirectedUrl())
                .isEqualTo("/");
        assertThat(client.perform(get("/admin/accounts")).getStatus()).isEqualTo(200);

        var next = new WebClient(mvc);
        assertThat(login(next, admin, PASSWORD).getRedirectedUrl()).isEqualTo("/login/second-factor");
        assertThat(next.perform(post("/login/second-factor").with(csrf()).param("code", code))
                        .getContentAsString())
                .as("a code is accepted once only")
                .contains("Mã xác thực không đúng");
        String later = Totp.code(secret, Totp.step(Instant.now()) + 1);
        assertThat(next.perform(post("/login/second-factor").with(csrf()).param("code", later))
                        .getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void many_failures_from_one_address_slow_that_address_down_before_any_password_is_checked() throws Exception {
        String user = newUser(AccountClass.USER, false, null);
        var attacker = new WebClient(mvc);
        for (int i = 0; i < 20; i++) {
            attacker.perform(post("/login")
                    .with(csrf())
                    .with(from("10.9.9.9"))
                    .param("username", "guess" + i)
                    .param("password", "x"));
        }
        var blocked = attacker.perform(post("/login")
                .with(csrf())
                .with(from("10.9.9.9"))
                .param("username", user)
                .param("password", PASSWORD));
        assertThat(blocked.getRedirectedUrl()).isEqualTo("/login?error=throttled");
        assertThat(attacker.perform(get("/login").param("error", "throttled")).getContentAsString())
                .contains("Có quá nhiều lần đăng nhập sai từ địa chỉ này");
        assertThat(login(new WebClient(mvc), user, PASSWORD).getRedirectedUrl())
                .as("other addresses are not affected")
                .isEqualTo("/");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void a_post_without_a_csrf_token_is_refused_and_changes_nothing() throws Exception {
        String user = newUser(AccountClass.USER, false, null);
        var client = new WebClient(mvc);
        assertThat(client.perform(post("/login").param("username", user).param("password", PASSWORD))
                        .getStatus())
                .isEqualTo(403);
        login(client, user, PASSWORD);
        assertThat(client.perform(post("/account/sessions/termination")).getStatus())
                .isEqualTo(403);
        assertThat(client.perform(get("/")).getStatus()).isEqualTo(200);
    }

    @Test
    void an_htmx_request_after_the_session_expired_redirects_the_whole_page_to_the_login() throws Exception {
        var response = mvc.perform(get("/organization/units/1/children")
                        .header("HX-Request", "true")
                        .cookie(new Cookie("SESSION", "ZXhwaXJlZA==")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("HX-Redirect")).isEqualTo("/login?expired");
    }

    @Test
    void an_account_unused_for_45_days_is_refused_with_a_reason() throws Exception {
        String user = newUser(AccountClass.USER, false, null);
        jdbc.sql("update identity.account set last_login_at = now() - interval '46 days' where username = :u")
                .param("u", user)
                .update();
        var client = new WebClient(mvc);
        login(client, user, PASSWORD);
        assertThat(loginPage(client)).contains("vô hiệu hóa");
    }

    @Test
    void sign_out_everywhere_ends_every_session_of_the_user() throws Exception {
        String user = newUser(AccountClass.USER, false, null);
        var phone = new WebClient(mvc);
        var laptop = new WebClient(mvc);
        login(phone, user, PASSWORD);
        login(laptop, user, PASSWORD);
        assertThat(laptop.perform(get("/")).getStatus()).isEqualTo(200);
        phone.perform(post("/account/sessions/termination").with(csrf()));
        assertThat(laptop.perform(get("/")).getRedirectedUrl()).contains("/login");
    }
}
