package vn.sen.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;
import vn.sen.demo.DemoFixture;
import vn.sen.identity.TestLogins;
import vn.sen.organization.Organization;

/** The registration screen: upload, duplicate warning, bad files, download with ranges. */
@SpringBootTest
@AutoConfigureMockMvc
class IncomingDocumentWebTest {

    static final String OFFICE = "000.00.01.H01";

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixture demo;

    @Autowired
    TestLogins logins;

    @Autowired
    Organization organization;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void demoProvince() {
        demo.ensureLoaded();
    }

    private MockMultipartHttpServletRequestBuilder registration(String number, MockMultipartFile... uploads) {
        return registration(number, "V/v hướng dẫn dự toán ngân sách", "2026-03-02", uploads);
    }

    private MockMultipartHttpServletRequestBuilder registration(
            String number, String subject, String issuedOn, MockMultipartFile... uploads) {
        var request = multipart("/documents/incoming");
        for (MockMultipartFile upload : uploads) {
            request.file(upload);
        }
        request.with(csrf())
                .with(authentication(logins.signedIn("vanthu")))
                .param(
                        "unitId",
                        Long.toString(
                                organization.unitByCode(OFFICE).orElseThrow().id()))
                .param("issuerName", "Bộ Tài chính")
                .param("issuerCode", "000.00.00.G09")
                .param("codeNumber", number)
                .param("codeNotation", "BTC-NSNN")
                .param("type", "OFFICIAL_LETTER")
                .param("issuedOn", issuedOn)
                .param("subject", subject)
                .param("urgency", "URGENT")
                .param("confidentiality", "NORMAL");
        return request;
    }

    private static MockMultipartFile pdf(String name, String marker) {
        return new MockMultipartFile(
                "upload",
                name,
                "application/pdf",
                ("%PDF-1.4\n% " + marker + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String errorsOf(org.springframework.test.web.servlet.MvcResult result) {
        var model = result.getModelAndView() == null
                ? null
                : result.getModelAndView().getModel();
        return model == null ? "" : String.valueOf(model.get(BindingResult.MODEL_KEY_PREFIX + "form"));
    }

    @Test
    void a_clerk_registers_with_an_attachment_and_the_document_page_offers_it() throws Exception {
        String number = Long.toString(System.nanoTime() % 1_000_000_000L);
        var result = mvc.perform(registration(number, pdf("Công văn 125.pdf", number)))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as(errorsOf(result)).startsWith("/documents/incoming/");
        String page = mvc.perform(
                        get(result.getResponse().getRedirectedUrl()).with(authentication(logins.signedIn("vanthu"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("V/v hướng dẫn dự toán ngân sách", "Công văn 125.pdf", "Khẩn", number + "/BTC-NSNN");
    }

    @Test
    void a_duplicate_shows_the_warning_keeps_the_upload_and_registers_once_confirmed() throws Exception {
        String number = Long.toString(System.nanoTime() % 1_000_000_000L);
        mvc.perform(registration(number)).andReturn();
        long before = count();
        var warned =
                mvc.perform(registration(number, pdf("lan-hai.pdf", number))).andReturn();
        String form = warned.getResponse().getContentAsString();
        assertThat(form).contains("duplicate-warning", "lan-hai.pdf", "name=\"fileIds\"");
        assertThat(count()).isEqualTo(before);
        String fileId = form.replaceAll("(?s).*name=\"fileIds\" value=\"([0-9a-f-]{36})\".*", "$1");
        var confirmed = mvc.perform(
                        registration(number).param("fileIds", fileId).param("confirmDuplicate", "true"))
                .andReturn();
        assertThat(confirmed.getResponse().getRedirectedUrl())
                .as(errorsOf(confirmed))
                .startsWith("/documents/incoming/");
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void a_file_that_is_not_a_pdf_is_refused_with_a_message_and_nothing_is_registered() throws Exception {
        long before = count();
        var fake = new MockMultipartFile(
                "upload",
                "hoa-don.pdf",
                "application/pdf",
                "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1));
        String page =
                mvc.perform(registration("1", fake)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("không phải tệp PDF hợp lệ");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void missing_fields_are_shown_on_the_form() throws Exception {
        var result = mvc.perform(registration("2", "", "")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("is-invalid");
    }

    @Test
    void an_attachment_downloads_whole_or_by_range() throws Exception {
        String number = Long.toString(System.nanoTime() % 1_000_000_000L);
        var result =
                mvc.perform(registration(number, pdf("tai-ve.pdf", number))).andReturn();
        String documentUrl = result.getResponse().getRedirectedUrl();
        String page = mvc.perform(get(documentUrl).with(authentication(logins.signedIn("vanthu"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String fileUrl = page.replaceAll("(?s).*href=\"(/documents/incoming/\\d+/files/[0-9a-f-]{36})\".*", "$1");
        var whole = mvc.perform(get(fileUrl).with(authentication(logins.signedIn("chutich"))))
                .andReturn()
                .getResponse();
        assertThat(whole.getStatus()).isEqualTo(200);
        assertThat(whole.getContentAsString()).startsWith("%PDF-1.4").contains(number);
        assertThat(whole.getHeader("Content-Disposition"))
                .startsWith("attachment")
                .contains("tai-ve.pdf");
        var part = mvc.perform(
                        get(fileUrl).header("Range", "bytes=0-7").with(authentication(logins.signedIn("chutich"))))
                .andReturn()
                .getResponse();
        assertThat(part.getStatus()).isEqualTo(206);
        assertThat(part.getContentAsString()).isEqualTo("%PDF-1.4");
    }

    private long count() {
        return jdbc.sql("select count(*) from documents.incoming")
                .query(Long.class)
                .single();
    }

    @Test
    void a_clerk_presents_several_documents_at_once_and_hears_which_could_not_be() throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String number = Long.toString(System.nanoTime() % 1_000_000_000L);
            String url =
                    mvc.perform(registration(number)).andReturn().getResponse().getRedirectedUrl();
            ids.add(Long.parseLong(url.replaceAll(".*/documents/incoming/(\\d+).*", "$1")));
        }
        long chairman = ((vn.sen.shared.ScopedPrincipal)
                        logins.signedIn("chutich").getPrincipal())
                .scope()
                .officerId();
        var list = mvc.perform(get("/documents/incoming").with(authentication(logins.signedIn("vanthu"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("id=\"bulk-form\"", "form=\"bulk-form\"");
        var result = mvc.perform(post("/documents/incoming/presentations")
                        .with(csrf())
                        .with(authentication(logins.signedIn("vanthu")))
                        .param(
                                "ids",
                                ids.get(0).toString(),
                                ids.get(1).toString(),
                                ids.get(0).toString())
                        .param("leaderOfficerId", Long.toString(chairman))
                        .param("note", "Kính trình"))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/documents/incoming");
        assertThat((Object[]) result.getFlashMap().get("noticeArgs"))
                .as("the third is a repeat: already presented")
                .containsExactly(2, 1);
        for (long id : ids) {
            assertThat(jdbc.sql(
                                    "select count(*) from documents.assignment where incoming_id = :d and role = 'PRESENTED'")
                            .param("d", id)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
        var outsider = mvc.perform(post("/documents/incoming/presentations")
                        .with(csrf())
                        .with(authentication(logins.signedIn("giamdoc")))
                        .param("ids", ids.get(0).toString())
                        .param("leaderOfficerId", Long.toString(chairman)))
                .andReturn();
        assertThat((Object[]) outsider.getFlashMap().get("noticeArgs"))
                .as("not the director's to present")
                .containsExactly(0, 1);
    }

    @Test
    void webassembly_is_allowed_to_the_pdf_viewer_only() throws Exception {
        var clerk = authentication(logins.signedIn("vanthu"));
        String page = mvc.perform(get("/documents/incoming").with(clerk))
                .andReturn()
                .getResponse()
                .getHeader("Content-Security-Policy");
        String worker = mvc.perform(get("/webjars/pdfjs-dist/build/pdf.worker.min.mjs"))
                .andReturn()
                .getResponse()
                .getHeader("Content-Security-Policy");
        org.assertj.core.api.Assertions.assertThat(page)
                .contains("script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("wasm");
        org.assertj.core.api.Assertions.assertThat(worker).contains("'wasm-unsafe-eval'");
        org.assertj.core.api.Assertions.assertThat(
                        mvc.perform(get("/documents/incoming/1/files/" + java.util.UUID.randomUUID() + "/preview")
                                        .with(clerk))
                                .andReturn()
                                .getResponse()
                                .getHeader("Content-Security-Policy"))
                .contains("'wasm-unsafe-eval'");
    }
}
