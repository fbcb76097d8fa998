package vn.sen.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.sen.demo.DemoFixture;
import vn.sen.files.FileManagement;
import vn.sen.identity.TestLogins;
import vn.sen.interchange.Edxml.Business;
import vn.sen.interchange.Edxml.BusinessType;
import vn.sen.interchange.Edxml.DocumentHeader;
import vn.sen.interchange.Edxml.DocumentMessage;
import vn.sen.interchange.Edxml.Organ;
import vn.sen.interchange.Edxml.OtherInfo;
import vn.sen.interchange.Edxml.Signer;
import vn.sen.interchange.Edxml.Staff;
import vn.sen.interchange.Edxml.Trace;

/**
 * The clerks' page of received documents: the Office's clerk sees a document sent to the province and
 * registers it (to the new incoming document's page); a specialist sees nothing and cannot register;
 * refusing without a reason says why on the page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReceivedDocumentWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixture demo;

    @Autowired
    TestLogins logins;

    @Autowired
    FileManagement files;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_clerk_registers_or_refuses_what_came_and_nobody_else_sees_it() throws Exception {
        demo.ensureLoaded();
        String subject = "Kế hoạch kiểm tra công vụ " + System.nanoTime();
        long id = received(subject);

        String page = mvc.perform(get("/interchange/received").with(authentication(logins.signedIn("vanthu"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(subject)
                .contains("Từ Thanh tra Chính phủ (000.00.00.G23)")
                .contains("Tiếp nhận, vào sổ")
                .contains("Gói tin không ký số");
        String specialist = mvc.perform(
                        get("/interchange/received").with(authentication(logins.signedIn("chuyenvien"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(specialist).doesNotContain(subject);
        int denied = mvc.perform(post("/interchange/received/{id}/registration", id)
                        .with(csrf())
                        .with(authentication(logins.signedIn("chuyenvien"))))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(denied).isEqualTo(403);

        var refused = mvc.perform(post("/interchange/received/{id}/rejection", id)
                        .param("reason", "")
                        .with(csrf())
                        .with(authentication(logins.signedIn("vanthu"))))
                .andReturn();
        assertThat(refused.getFlashMap().get("problem")).isEqualTo("documents.error.reason-required");

        var registered = mvc.perform(post("/interchange/received/{id}/registration", id)
                        .with(csrf())
                        .with(authentication(logins.signedIn("vanthu"))))
                .andReturn()
                .getResponse();
        assertThat(registered.getRedirectedUrl()).startsWith("/documents/incoming/");
        String incoming = mvc.perform(
                        get(registered.getRedirectedUrl()).with(authentication(logins.signedIn("vanthu"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(incoming).contains(subject).contains("Thanh tra Chính phủ").contains("thanh-tra.pdf");
    }

    /** A document of the Government Inspectorate to the province, as the worker keeps it. */
    private long received(String subject) throws Exception {
        String documentId = "000.00.00.G23,2026/11/20," + System.nanoTime() % 1000 + "/TTCP-VP";
        var header = new DocumentHeader(
                Organ.of("000.00.00.G23", "Thanh tra Chính phủ"),
                List.of(Organ.of("000.00.00.H01", "UBND tỉnh An Giang")),
                documentId,
                "88",
                "TTCP-VP",
                "Hà Nội",
                LocalDate.of(2026, 11, 20),
                1,
                "KH",
                "Kế hoạch",
                subject,
                "",
                new Signer("KT. TỔNG THANH TRA", "PHÓ TỔNG THANH TRA", "Lê Văn C"),
                null,
                new OtherInfo(1, "", "", null, 3, "", List.of()),
                List.of(),
                null,
                List.of());
        var out = new ByteArrayOutputStream();
        new EdxmlWriter()
                .write(
                        new DocumentMessage(
                                header,
                                new Trace(List.of(), Business.of(documentId, BusinessType.NEW, "", Staff.NONE)),
                                List.of()),
                        List.of(new EdxmlWriter.Outgoing(
                                "kh",
                                "thanh-tra.pdf",
                                "",
                                "application/pdf",
                                () -> new ByteArrayInputStream("%PDF-1.4 kế hoạch".getBytes()))),
                        out);
        var stored = files.store(new ByteArrayInputStream(out.toByteArray()), "edxml.xml", "interchange");
        return jdbc.sql("""
                        insert into interchange.inbox (sender, sender_name, recipient, document_id, business_type,
                            subject, message_file)
                        values ('000.00.00.G23', 'Thanh tra Chính phủ', '000.00.00.H01', :doc, 0, :subject, :file)
                        returning id
                        """)
                .param("doc", documentId)
                .param("subject", subject)
                .param("file", stored.id())
                .query(Long.class)
                .single();
    }
}
