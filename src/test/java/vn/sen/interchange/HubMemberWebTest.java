package vn.sen.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import vn.sen.demo.DemoFixture;
import vn.sen.identity.TestLogins;

/**
 * The hub's member systems page: the system administrator adds a system and sees its secret once;
 * a unit administrator and a clerk may not open it; a bad code is explained.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HubMemberWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixture demo;

    @Autowired
    TestLogins logins;

    @Autowired
    Hub hub;

    @Test
    void the_system_administrator_connects_a_system_and_no_one_else_may() throws Exception {
        demo.ensureLoaded();
        var admitted = mvc.perform(post("/admin/interchange/hub")
                        .param("systemId", "tinh-uy-an-giang")
                        .param("name", "Tỉnh ủy An Giang")
                        .param("organs", "000.00.00.K01, 000.01.00.K01")
                        .with(csrf())
                        .with(authentication(logins.signedIn("quantri"))))
                .andReturn();
        String secret = (String) admitted.getFlashMap().get("secret");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        assertThat(hub.secretOf("tinh-uy-an-giang")).isEqualTo(secret);
        String page = mvc.perform(get("/admin/interchange/hub").with(authentication(logins.signedIn("quantri"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("tinh-uy-an-giang")
                .contains("000.00.00.K01, 000.01.00.K01")
                .doesNotContain(secret);

        for (String who : new String[] {"qtsonoivu", "vanthu"}) {
            int status = mvc.perform(get("/admin/interchange/hub").with(authentication(logins.signedIn(who))))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(who).isEqualTo(403);
        }
        var refused = mvc.perform(post("/admin/interchange/hub")
                        .param("systemId", "x y")
                        .param("organs", "000.00.00.K01")
                        .with(csrf())
                        .with(authentication(logins.signedIn("quantri"))))
                .andReturn();
        assertThat(refused.getFlashMap().get("problem")).isEqualTo("hub.error.member");
    }
}
