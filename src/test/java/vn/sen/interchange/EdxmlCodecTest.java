package vn.sen.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import vn.sen.interchange.Edxml.Business;
import vn.sen.interchange.Edxml.BusinessType;
import vn.sen.interchange.Edxml.DocumentHeader;
import vn.sen.interchange.Edxml.DocumentMessage;
import vn.sen.interchange.Edxml.Organ;
import vn.sen.interchange.Edxml.OtherInfo;
import vn.sen.interchange.Edxml.Receiver;
import vn.sen.interchange.Edxml.Reference;
import vn.sen.interchange.Edxml.Replacement;
import vn.sen.interchange.Edxml.ResponseFor;
import vn.sen.interchange.Edxml.Signer;
import vn.sen.interchange.Edxml.Staff;
import vn.sen.interchange.Edxml.StatusCode;
import vn.sen.interchange.Edxml.StatusHeader;
import vn.sen.interchange.Edxml.StatusMessage;
import vn.sen.interchange.Edxml.Trace;
import vn.sen.interchange.Edxml.TraceHeader;
import vn.sen.interchange.EdxmlWriter.Outgoing;

/**
 * The edXML codec: what Sen writes it reads back field for field; what other systems write — other
 * prefixes, day-first dates, Base64 in lines, ZIP-wrapped payloads — it reads as they wrote it; and a
 * hostile or broken message is refused with the element and the line.
 */
class EdxmlCodecTest {

    @TempDir
    Path dir;

    static final Organ DEPARTMENT = new Organ(
            "000.00.02.H01",
            "UBND tỉnh An Giang",
            "Sở Nội vụ",
            "Long Xuyên, An Giang",
            "snv@angiang.gov.vn",
            "0296 3852 111",
            "",
            "snv.angiang.gov.vn");
    static final Organ COMMUNE = Organ.of("H01.151.01", "UBND xã Mỹ Hòa Hưng");

    @Test
    void a_document_message_reads_back_field_for_field_with_its_attachments() throws Exception {
        byte[] pdf = "%PDF-1.7 quyết định số 125".getBytes(StandardCharsets.UTF_8);
        byte[] sheet = zip("bang-ke.xlsx", "dữ liệu".repeat(1000).getBytes(StandardCharsets.UTF_8));
        DocumentMessage message = new DocumentMessage(
                document("000.00.02.H01,2026/11/24,125/QĐ-SNV"),
                new Trace(
                        List.of(new TraceHeader("000.00.02.H01", LocalDateTime.of(2026, 11, 24, 8, 30, 5))),
                        new Business(
                                "000.00.02.H01,2026/11/24,125/QĐ-SNV",
                                BusinessType.UPDATE,
                                "Bổ sung nơi nhận",
                                1,
                                true,
                                true,
                                List.of(new Receiver("H01.151.02", true), new Receiver("H01.151.03", false)),
                                List.of(),
                                new Staff("Văn phòng", "Trần Thị Văn Thư", "vanthu@angiang.gov.vn", "0912345678"))),
                List.of(
                        new Reference("quyet-dinh", "application/pdf", "Quyết định", "quyet-dinh.pdf"),
                        new Reference("bang-ke", "application/zip", "Bảng kê", "bang-ke.zip")));
        byte[] written = write(
                message,
                List.of(
                        new Outgoing(
                                "quyet-dinh",
                                "quyet-dinh.pdf",
                                "Quyết định",
                                "application/pdf",
                                () -> new ByteArrayInputStream(pdf)),
                        new Outgoing(
                                "bang-ke",
                                "bang-ke.zip",
                                "Bảng kê",
                                "application/zip",
                                () -> new ByteArrayInputStream(sheet))));
        String xml = new String(written, StandardCharsets.UTF_8);
        assertThat(xml)
                .contains("<edXML:edXML xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">")
                .contains("<edXML:Bussiness>")
                .contains("<AttachmentEncoded><Attachment><ContentId>quyet-dinh</ContentId>")
                .contains("<edXML:PromulgationDate>2026/11/24</edXML:PromulgationDate>")
                .contains("<edXML:Timestamp>2026/11/24 08:30:05</edXML:Timestamp>");
        assertThat(xml.indexOf("<edXML:From>"))
                .as("the header in the standard's order")
                .isLessThan(xml.indexOf("<edXML:To>"))
                .isLessThan(xml.indexOf("<edXML:DocumentId>"));

        try (EdxmlReader.Read read = reader().read(new ByteArrayInputStream(written))) {
            assertThat(read.message()).isEqualTo(message);
            assertThat(read.attachments()).hasSize(2);
            var first = read.attachments().getFirst();
            assertThat(first.name()).isEqualTo("quyet-dinh.pdf");
            assertThat(first.sha256()).isEqualTo(sha256(pdf));
            assertThat(Files.readAllBytes(first.file())).isEqualTo(pdf);
            var second = read.attachments().get(1);
            assertThat(second.unzipped())
                    .as("a ZIP holding one file is the file")
                    .isTrue();
            assertThat(second.name()).isEqualTo("bang-ke.xlsx");
            assertThat(second.size()).isEqualTo("dữ liệu".repeat(1000).getBytes(StandardCharsets.UTF_8).length);
            assertThat(read.signed()).isFalse();
        }
    }

    @Test
    void a_status_message_reads_back() {
        StatusMessage status = new StatusMessage(
                new StatusHeader(
                        COMMUNE,
                        new ResponseFor(
                                "000.00.02.H01",
                                "125/QĐ-SNV",
                                LocalDate.of(2026, 11, 24),
                                "000.00.02.H01,2026/11/24,125/QĐ-SNV"),
                        new Staff("Văn phòng", "Lê Văn Thư", "", ""),
                        StatusCode.REGISTERED,
                        "Đã vào sổ văn bản đến số 42",
                        LocalDateTime.of(2026, 11, 24, 9, 0)),
                new Trace(List.of(new TraceHeader("H01.151.01", LocalDateTime.of(2026, 11, 24, 9, 0))), null));
        var out = new ByteArrayOutputStream();
        new EdxmlWriter().write(status, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("<edXML:StatusCode>03</edXML:StatusCode>");
        try (var read = reader().read(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(read.message()).isEqualTo(status);
            assertThat(read.attachments()).isEmpty();
        }
    }

    @Test
    void a_replacement_names_what_it_replaces() {
        var replacement = new DocumentMessage(
                document("D2"),
                new Trace(
                        List.of(),
                        new Business(
                                "D2",
                                BusinessType.REPLACEMENT,
                                "Thay thế văn bản ban hành sai thể thức",
                                0,
                                false,
                                false,
                                List.of(),
                                List.of(new Replacement("D1", List.of("H01.151.01", "H01.151.02"))),
                                Staff.NONE)),
                List.of());
        try (var read = reader().read(new ByteArrayInputStream(write(replacement, List.of())))) {
            assertThat(read.message()).isEqualTo(replacement);
        }
    }

    /** Written the way other vendors' systems write it: other prefixes and order, day-first dates, lines. */
    @Test
    void a_message_from_another_system_is_read_as_it_was_written() throws Exception {
        byte[] pdf = "%PDF-1.4 công văn".getBytes(StandardCharsets.UTF_8);
        String base64 = Base64.getMimeEncoder(76, "\r\n".getBytes()).encodeToString(repeat(pdf));
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- exported by another vendor -->
                <ns0:edXML xmlns:ns0="http://www.mic.gov.vn/TBT/QCVN_102_2016">
                  <ns0:edXMLEnvelope>
                    <ns0:edXMLHeader>
                      <ns0:MessageHeader>
                        <ns0:To><ns0:OrganId>000.00.02.H01</ns0:OrganId><ns0:OrganName>Sở Nội vụ</ns0:OrganName></ns0:To>
                        <ns0:From><ns0:OrganName>Bộ Tài chính</ns0:OrganName><ns0:OrganId>000.00.00.G09</ns0:OrganId></ns0:From>
                        <ns0:Subject>V/v hướng dẫn quyết toán &amp; kiểm tra</ns0:Subject>
                        <ns0:Code><ns0:CodeNotation>BTC-NSNN</ns0:CodeNotation><ns0:CodeNumber>125</ns0:CodeNumber></ns0:Code>
                        <ns0:PromulgationInfo><ns0:PromulgationDate>05/03/2026</ns0:PromulgationDate><ns0:Place>Hà Nội</ns0:Place></ns0:PromulgationInfo>
                        <ns0:DocumentType><ns0:Type>1</ns0:Type><ns0:TypeName>Công văn</ns0:TypeName></ns0:DocumentType>
                        <ns0:OtherInfo><ns0:Priority>2</ns0:Priority><ns0:PageAmount></ns0:PageAmount></ns0:OtherInfo>
                        <ns0:DueDate/>
                      </ns0:MessageHeader>
                      <ns0:TraceHeaderList>
                        <ns0:TraceHeader><ns0:OrganId>000.00.00.G09</ns0:OrganId><ns0:Timestamp>05/03/2026 14:02:00</ns0:Timestamp></ns0:TraceHeader>
                      </ns0:TraceHeaderList>
                    </ns0:edXMLHeader>
                    <ns0:edXMLBody><ns0:edXMLManifest>
                      <ns0:Reference><ns0:ContentId>cid:cv125</ns0:ContentId><ns0:AttachmentName>cv125.pdf</ns0:AttachmentName></ns0:Reference>
                    </ns0:edXMLManifest></ns0:edXMLBody>
                  </ns0:edXMLEnvelope>
                  <AttachmentEncoded>
                    <Attachment>
                      <ns0:ContentTransferEncoded>
                %s
                      </ns0:ContentTransferEncoded>
                      <ContentId>cid:cv125</ContentId>
                      <AttachmentName>cv125.pdf</AttachmentName>
                      <ContentType>application/pdf</ContentType>
                    </Attachment>
                  </AttachmentEncoded>
                </ns0:edXML>
                """.formatted(base64);
        try (var read = reader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            var message = (DocumentMessage) read.message();
            var header = message.header();
            assertThat(header.from().organId()).isEqualTo("000.00.00.G09");
            assertThat(header.subject()).isEqualTo("V/v hướng dẫn quyết toán & kiểm tra");
            assertThat(header.promulgationDate()).isEqualTo(LocalDate.of(2026, 3, 5));
            assertThat(header.documentId())
                    .as("composed as QCVN 102 does when the sender gives none")
                    .isEqualTo("000.00.00.G09,2026/03/05,125/BTC-NSNN");
            assertThat(header.otherInfo().priority()).isEqualTo(2);
            assertThat(header.dueDate()).isNull();
            assertThat(message.trace().hops().getFirst().timestamp()).isEqualTo(LocalDateTime.of(2026, 3, 5, 14, 2));
            assertThat(message.trace().business().type()).isEqualTo(BusinessType.NEW);
            assertThat(message.manifest().getFirst().contentId()).isEqualTo("cv125");
            var attachment = read.attachments().getFirst();
            assertThat(attachment.contentId()).isEqualTo("cv125");
            assertThat(attachment.sha256())
                    .isEqualTo(sha256(Base64.getMimeDecoder().decode(base64)));
        }
    }

    @Test
    void hostile_and_broken_messages_are_refused_with_the_element_and_the_line() {
        assertRefused("""
                <?xml version="1.0"?>
                <!DOCTYPE edXML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <edXML><x>&xxe;</x></edXML>""", "DTD");
        assertRefused("""
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
                <edXML>&lol2;</edXML>""", "DTD");
        assertRefused("<edXML>" + "<a>".repeat(60) + "</a>".repeat(60) + "</edXML>", "deeper than 40");
        assertRefused("<other/>", "the root element must be edXML");
        assertRefused("", "not well-formed XML");
        assertRefused("<edXML><edXMLEnvelope>", "not well-formed XML");
        assertRefused(
                "<edXML><edXMLEnvelope><edXMLHeader><MessageHeader><Subject>" + "x".repeat((1 << 20) + 1),
                "MessageHeader/Subject: text longer than 1048576 characters");
        assertRefused(
                message("<From><OrganId>000.00.02.H01</OrganId></From>", "1"),
                "edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To: a document message names at least one recipient");
        assertRefused(message("""
                        <From><OrganId>000.00.02.H01</OrganId></From><To><OrganId>x y</OrganId></To>""", "1"), "MessageHeader/To/OrganId: 'x y' is not an organisation code");
        assertRefused(
                message("""
                        <From><OrganId>A</OrganId></From><To><OrganId>B</OrganId></To>""", "1").replace("2026/11/24", "2026/13/01"),
                "PromulgationInfo/PromulgationDate: '2026/13/01' is not a date (yyyy/MM/dd or dd/MM/yyyy) (line");
        assertRefused(
                "<edXML><edXMLEnvelope><edXMLHeader><MessageHeader><StatusCode>07</StatusCode>"
                        + "</MessageHeader></edXMLHeader></edXMLEnvelope></edXML>",
                "MessageHeader/StatusCode: StatusCode 07 is not one of 01–06, 13, 15, 16");
        assertRefused(
                message("<From><OrganId>A</OrganId></From><To><OrganId>B</OrganId></To>", "1")
                        .replace(
                                "</edXML>",
                                "<AttachmentEncoded><Attachment><ContentTransferEncoded>JVBERi*x"
                                        + "</ContentTransferEncoded></Attachment></AttachmentEncoded></edXML>"),
                "Attachment/ContentTransferEncoded: character '*' at position 7 of the Base64 text is not Base64");
        assertRefused(
                message("<From><OrganId>A</OrganId></From><To><OrganId>B</OrganId></To>", "1")
                        .replace(
                                "</edXML>",
                                "<AttachmentEncoded><Attachment><ContentTransferEncoded>JVBER"
                                        + "</ContentTransferEncoded></Attachment></AttachmentEncoded></edXML>"),
                "ends in the middle of a group of four characters");
    }

    @Test
    void refused_messages_leave_no_temporary_files() throws IOException {
        String broken = message("<From><OrganId>A</OrganId></From><To><OrganId>B</OrganId></To>", "1")
                .replace(
                        "</edXML>",
                        "<AttachmentEncoded><Attachment><ContentTransferEncoded>JVBERi0x"
                                + "</ContentTransferEncoded></Attachment></AttachmentEncoded>"
                                + "<AttachmentEncoded><Attachment><ContentTransferEncoded>%%%"
                                + "</ContentTransferEncoded></Attachment></AttachmentEncoded></edXML>");
        assertThatThrownBy(() -> reader().read(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(EdxmlException.class);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void sen_edxml_inspect_prints_the_message_as_json_or_one_line_why_not() throws Exception {
        byte[] pdf = "%PDF-1.7".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("goi-tin.xml");
        Files.write(
                file,
                write(
                        new DocumentMessage(
                                document("D1"),
                                new Trace(List.of(), Business.of("D1", BusinessType.NEW, "", Staff.NONE)),
                                List.of(new Reference("a", "application/pdf", "", "a.pdf"))),
                        List.of(new Outgoing(
                                "a", "a.pdf", "", "application/pdf", () -> new ByteArrayInputStream(pdf)))));
        var command = new InterchangeCommands()
                .edxmlInspectCommand(
                        JsonMapper.builder().build(),
                        new InterchangeProperties(
                                null, null, dir, null, null, null, null, 12, null, null, null, null, null, null, null));
        var out = new StringWriter();
        assertThat(command.run(List.of(file.toString()), new PrintWriter(out, true)))
                .isZero();
        assertThat(out.toString())
                .contains("\"kind\":\"document\"")
                .contains("\"codeNotation\":\"QĐ-SNV\"")
                .contains("\"type\":\"NEW\"")
                .contains("\"sha256\":\"" + sha256(pdf) + "\"")
                .contains("\"size\":8");

        Path broken = dir.resolve("hong.xml");
        Files.writeString(broken, "<edXML><edXMLEnvelope/></edXML>");
        assertThatThrownBy(() -> command.run(List.of(broken.toString()), new PrintWriter(new StringWriter())))
                .isInstanceOf(vn.sen.shared.Command.CommandException.class)
                .hasMessage("edXML/edXMLEnvelope/edXMLHeader: missing (line 1)");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private EdxmlReader reader() {
        return new EdxmlReader(EdxmlReader.Limits.DEFAULT, dir);
    }

    private static DocumentHeader document(String documentId) {
        return new DocumentHeader(
                DEPARTMENT,
                List.of(COMMUNE, Organ.of("H01.151.02", "UBND xã Bình Hòa")),
                documentId,
                "125",
                "QĐ-SNV",
                "An Giang",
                LocalDate.of(2026, 11, 24),
                2,
                "QĐ",
                "Quyết định",
                "Về việc công nhận kết quả thi tuyển công chức năm 2026",
                "Toàn văn ở tệp đính kèm",
                new Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"),
                LocalDate.of(2026, 12, 15),
                new OtherInfo(1, "Toàn tỉnh", "NVA", 10, 3, "0", List.of("Phụ lục I", "Phụ lục II")),
                List.of(new ResponseFor(
                        "H01.151.01", "45/UBND", LocalDate.of(2026, 11, 1), "H01.151.01,2026/11/01,45/UBND")),
                1,
                List.of("Như Điều 3", "Lưu: VT"));
    }

    private static byte[] write(DocumentMessage message, List<Outgoing> attachments) {
        var out = new ByteArrayOutputStream();
        new EdxmlWriter().write(message, attachments, out);
        return out.toByteArray();
    }

    /** A minimal document message around {@code parties}. */
    private static String message(String parties, String type) {
        return """
                <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXMLEnvelope><edXMLHeader><MessageHeader>
                %s
                <Subject>Trích yếu</Subject>
                <PromulgationInfo><PromulgationDate>2026/11/24</PromulgationDate></PromulgationInfo>
                <DocumentType><Type>%s</Type></DocumentType>
                </MessageHeader></edXMLHeader></edXMLEnvelope></edXML>""".formatted(parties, type);
    }

    private void assertRefused(String xml, String reason) {
        assertThatThrownBy(() -> reader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(EdxmlException.class)
                .hasMessageContaining(reason);
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] repeat(byte[] bytes) {
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < 20; i++) {
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
