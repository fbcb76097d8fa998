package vn.sen.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.sen.demo.DemoFixture;
import vn.sen.identity.TestLogins;
import vn.sen.notifications.Notifications.Notice;
import vn.sen.notifications.Notifications.Recipients;
import vn.sen.organization.Organization;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.shared.UserScope;

/** Notices in the app and the e-mail outbox against a real SMTP server that goes away and comes back. */
@SpringBootTest(properties = {"spring.mail.host=localhost", "spring.mail.port=3025"})
@AutoConfigureMockMvc
class NotificationsTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Notifications notifications;

    @Autowired
    MailOutbox outbox;

    @Autowired
    DemoFixture demo;

    @Autowired
    TestLogins logins;

    @Autowired
    Organization organization;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    long officer;
    String address;

    @BeforeEach
    void theSpecialistHasAnAddress() {
        demo.ensureLoaded();
        UserScope specialist = ((ScopedPrincipal) logins.signedIn("chuyenvien").getPrincipal()).scope();
        officer = specialist.officerId();
        var view = organization.requireOfficer(officer);
        address = "chuyenvien@vanphong.example.gov.vn";
        organization.updateOfficer(UserScope.system(), officer, view.fullName(), address, view.phone());
    }

    private Notice notice(String key) {
        return new Notice(key, "Giấy mời họp giao ban", "Sáng thứ Hai, phòng họp số 1", "/documents/incoming", true);
    }

    private String state(String key) {
        return jdbc.sql("""
                select m.state || ':' || m.attempts from notifications.mail m
                join notifications.notice n on n.id = m.notice_id where n.key = :k
                """).param("k", key).query(String.class).single();
    }

    @Test
    void a_mail_the_server_refused_is_sent_when_it_is_back_and_only_once() throws Exception {
        String key = "outbox-test:" + System.nanoTime();
        mail.stop();
        assertThat(notifications.send(Recipients.officers(List.of(officer)), notice(key)))
                .isEqualTo(1);
        for (int i = 0; i < 100 && state(key).equals("PENDING:0"); i++) {
            Thread.sleep(50);
        }
        assertThat(state(key))
                .as("tried after commit, refused, waiting to retry")
                .isEqualTo("PENDING:1");
        assertThat(notifications.send(Recipients.officers(List.of(officer)), notice(key)))
                .as("the same occasion twice: nothing new")
                .isZero();

        mail.start();
        assertThat(outbox.sendDue()).as("not due yet: backoff").isZero();
        jdbc.sql("update notifications.mail set next_attempt = now() where state = 'PENDING'")
                .update();
        assertThat(outbox.sendDue()).isGreaterThanOrEqualTo(1);
        assertThat(state(key)).isEqualTo("SENT:2");
        int received = 0;
        for (var message : mail.getReceivedMessages()) {
            received += message.getSubject().equals("[Sen] Giấy mời họp giao ban") ? 1 : 0;
        }
        assertThat(received).isEqualTo(1);
        assertThat(outbox.sendDue()).isZero();
    }

    @Test
    void the_bell_counts_unread_notices_and_each_account_opens_only_its_own() throws Exception {
        String key = "web-test:" + System.nanoTime();
        notifications.send(Recipients.officers(List.of(officer)), notice(key));
        long id = notifications.recent("chuyenvien", 1).getFirst().id();

        mvc.perform(get("/notifications").with(authentication(logins.signedIn("chuyenvien"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Giấy mời họp giao ban")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"notices-link\"")));
        mvc.perform(post("/notifications/" + id + "/read").with(csrf()).with(authentication(logins.signedIn("vanthu"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/notifications/" + id + "/read")
                        .with(csrf())
                        .with(authentication(logins.signedIn("chuyenvien"))))
                .andExpect(redirectedUrl("/documents/incoming"));
        assertThat(notifications.recent("chuyenvien", 1).getFirst().read()).isTrue();

        notifications.send(
                Recipients.officers(List.of(officer)),
                new Notice(key + ":x", "Liên kết ngoài", "", "https://example.com/phishing", false));
        long outside = notifications.recent("chuyenvien", 1).getFirst().id();
        mvc.perform(post("/notifications/" + outside + "/read")
                        .with(csrf())
                        .with(authentication(logins.signedIn("chuyenvien"))))
                .andExpect(redirectedUrl("/notifications"));
    }
}
