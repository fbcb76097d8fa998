package vn.sen.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.awt.Color;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.sen.demo.DemoFixture;
import vn.sen.identity.TestLogins;

/**
 * An officer sets their own signature image, and a leader their agency's seal, from the account pages; bad
 * images and other people's images are refused in Vietnamese.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignatureImageWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixture demo;

    @Autowired
    TestLogins logins;

    @BeforeEach
    void province() {
        demo.ensureLoaded();
    }

    @Test
    void the_chairman_uploads_a_blue_signature_and_sees_it_at_its_printed_size() throws Exception {
        var chairman = authentication(logins.signedIn("chutich"));
        mvc.perform(multipart("/account/signature")
                .file(new MockMultipartFile(
                        "file", "chu-ky.png", "image/png", TestDocuments.signatureImage(Color.BLUE)))
                .param("widthMm", "42")
                .with(csrf())
                .with(chairman));
        String page = mvc.perform(get("/account/signature").with(chairman))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("data:image/png;base64,").contains("42 × 16,8 mm"); // Vietnamese decimal comma

        var refused = mvc.perform(multipart("/account/signature")
                        .file(new MockMultipartFile(
                                "file", "do.png", "image/png", TestDocuments.signatureImage(Color.RED)))
                        .with(csrf())
                        .with(chairman))
                .andReturn();
        assertThat(refused.getFlashMap().get("error")).isEqualTo("signing.error.signature-not-blue");
    }

    @Test
    void an_account_without_an_officer_has_no_signature_to_set() throws Exception {
        var admin = authentication(logins.signedIn("quantri"));
        String page = mvc.perform(get("/account/signature").with(admin))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("không gắn với cán bộ");
        var refused = mvc.perform(multipart("/account/signature")
                        .file(new MockMultipartFile(
                                "file", "x.png", "image/png", TestDocuments.signatureImage(Color.BLUE)))
                        .with(csrf())
                        .with(admin))
                .andReturn();
        assertThat(refused.getFlashMap().get("error")).isEqualTo("signing.error.image-not-yours");
    }

    @Test
    void the_chairman_sets_the_provinces_seal_and_a_specialist_cannot() throws Exception {
        var chairman = authentication(logins.signedIn("chutich"));
        String page = mvc.perform(get("/account/seals").with(chairman))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Ủy ban nhân dân tỉnh An Giang");
        long province = Long.parseLong(page.replaceAll("(?s).*action=\"/account/seals/(\\d+)\".*", "$1"));
        var saved = mvc.perform(multipart("/account/seals/" + province)
                        .file(new MockMultipartFile("file", "dau.png", "image/png", TestDocuments.sealImage(Color.RED)))
                        .param("diameterMm", "36")
                        .with(csrf())
                        .with(chairman))
                .andReturn();
        assertThat(saved.getFlashMap().get("saved")).isEqualTo(province);
        assertThat(mvc.perform(get("/account/seals").with(chairman))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Đường kính khi in: 36 mm");

        var blue = mvc.perform(multipart("/account/seals/" + province)
                        .file(new MockMultipartFile(
                                "file", "dau.png", "image/png", TestDocuments.sealImage(Color.BLUE)))
                        .with(csrf())
                        .with(chairman))
                .andReturn();
        assertThat(blue.getFlashMap().get("error")).isEqualTo("signing.error.seal-not-red");

        var specialist = authentication(logins.signedIn("chuyenvien"));
        assertThat(mvc.perform(get("/account/seals").with(specialist))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("không quản lý con dấu");
        var refused = mvc.perform(multipart("/account/seals/" + province)
                        .file(new MockMultipartFile("file", "dau.png", "image/png", TestDocuments.sealImage(Color.RED)))
                        .with(csrf())
                        .with(specialist))
                .andReturn();
        assertThat(refused.getFlashMap().get("error")).isEqualTo("signing.error.image-not-yours");
    }
}
