package vn.sen.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.sen.demo.DemoFixture;
import vn.sen.identity.TestLogins;

/** The system administrator manages the trust anchors; nobody else may see or change them. */
@SpringBootTest
@AutoConfigureMockMvc
class TrustAnchorWebTest {

    static final TestPki pki = TestPki.shared();

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixture demo;

    @Autowired
    TestLogins logins;

    @Autowired
    TrustAnchors anchors;

    @BeforeEach
    void province() {
        demo.ensureLoaded();
    }

    @Test
    void the_administrator_imports_a_root_sees_it_and_stops_trusting_it() throws Exception {
        var admin = authentication(logins.signedIn("quantri"));
        var pem = new MockMultipartFile(
                "file",
                "root.pem",
                "application/x-pem-file",
                TestPki.pem(pki.intermediate.certificate()).getBytes(StandardCharsets.US_ASCII));
        mvc.perform(multipart("/admin/trust-anchors").file(pem).with(csrf()).with(admin));
        String page = mvc.perform(get("/admin/trust-anchors").with(admin))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Chứng thư số gốc tin cậy").contains("Sen Test Issuing CA");

        var garbage = new MockMultipartFile("file", "x.cer", "application/octet-stream", "không phải".getBytes());
        var flash = mvc.perform(multipart("/admin/trust-anchors")
                        .file(garbage)
                        .with(csrf())
                        .with(admin))
                .andReturn()
                .getFlashMap();
        assertThat(flash.get("error")).isEqualTo("signing.error.trust-not-certificate");

        long id = anchors.list().stream()
                .filter(a -> a.subject().contains("Sen Test Issuing CA"))
                .findFirst()
                .orElseThrow()
                .id();
        mvc.perform(post("/admin/trust-anchors/{id}/removal", id).with(csrf()).with(admin));
        assertThat(anchors.list()).noneMatch(a -> a.id() == id);
    }

    @Test
    void clerks_auditors_and_unit_administrators_are_refused() throws Exception {
        for (String user : new String[] {"vanthu", "kiemtoan", "qtsonoivu", "chutich"}) {
            var who = authentication(logins.signedIn(user));
            assertThat(mvc.perform(get("/admin/trust-anchors").with(who))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(user)
                    .isEqualTo(403);
            var pem = new MockMultipartFile(
                    "file",
                    "root.pem",
                    "application/x-pem-file",
                    TestPki.pem(pki.root.certificate()).getBytes(StandardCharsets.US_ASCII));
            assertThat(mvc.perform(multipart("/admin/trust-anchors")
                                    .file(pem)
                                    .with(csrf())
                                    .with(who))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(user)
                    .isEqualTo(403);
        }
    }
}
