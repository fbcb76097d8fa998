package vn.sen.search;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import vn.sen.demo.DemoFixture;
import vn.sen.identity.TestLogins;

/** The search screen: its filters (type, dates, issuer, status, the clerk's registers) and bad values. */
@SpringBootTest
@AutoConfigureMockMvc
class SearchWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixture demo;

    @Autowired
    TestLogins logins;

    @Autowired
    vn.sen.documents.IncomingDocuments incoming;

    @Autowired
    vn.sen.organization.Organization organization;

    @BeforeEach
    void demoProvinceWithARegisteredDocument() {
        demo.ensureLoaded();
        var clerk = ((vn.sen.shared.ScopedPrincipal) logins.signedIn("vanthu").getPrincipal()).scope();
        incoming.register( // opens this year's incoming register of the Office
                clerk,
                new vn.sen.documents.IncomingViews.NewIncoming(
                        organization.unitByCode("000.00.01.H01").orElseThrow().id(),
                        null,
                        "",
                        "Bộ Nội vụ",
                        Long.toString(System.nanoTime() % 100_000),
                        "BNV-TCBC",
                        vn.sen.documents.DocumentType.DECISION,
                        java.time.LocalDate.of(2026, 3, 3),
                        "Kế hoạch biên chế",
                        "",
                        "",
                        vn.sen.documents.Urgency.NORMAL,
                        vn.sen.documents.Confidentiality.NORMAL,
                        null,
                        null,
                        "",
                        java.util.List.of(),
                        true));
    }

    @Test
    void the_screen_offers_every_filter_and_applies_them() throws Exception {
        mvc.perform(get("/search").with(authentication(logins.signedIn("vanthu"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"issuer\"")))
                .andExpect(content().string(Matchers.containsString("id=\"closed\"")))
                .andExpect(content().string(Matchers.containsString("id=\"register\"")))
                .andExpect(content().string(Matchers.containsString("id=\"unit\"")));
        mvc.perform(get("/search")
                        .param("q", "ke hoach")
                        .param("issuer", "bo noi vu")
                        .param("closed", "false")
                        .param("register", "1")
                        .param("unit", "1")
                        .param("type", "DECISION")
                        .with(authentication(logins.signedIn("vanthu"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("search-form")));
    }

    @Test
    void a_malformed_filter_is_a_clear_400_not_a_stack_trace() throws Exception {
        mvc.perform(get("/search")
                        .param("q", "ke hoach")
                        .param("register", "không-phải-số")
                        .with(authentication(logins.signedIn("vanthu"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
    }
}
