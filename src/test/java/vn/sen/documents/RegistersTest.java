package vn.sen.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import vn.sen.documents.IncomingViews.NewIncoming;
import vn.sen.documents.OutgoingViews.NewDraft;
import vn.sen.documents.OutgoingViews.SignerForm;
import vn.sen.documents.RoutingViews.Assignee;
import vn.sen.documents.RoutingViews.Assignment;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.TableReportWriter;
import vn.sen.shared.UserScope;

/** Registers per unit and year: their series, who keeps them, and the printed registers of Decree 30. */
@SpringBootTest
class RegistersTest extends DocumentsScenario {

    @Autowired
    Registers registers;

    @Autowired
    RegisterPrints prints;

    @Autowired
    Routing routing;

    int year() {
        return LocalDate.now(clock).getYear();
    }

    long issuedDecision() throws IOException {
        long id = approved(List.of());
        outgoing.issue(committeeClerk, id);
        return id;
    }

    long letter(UserScope who, Long responseFor) throws IOException {
        long id = outgoing.draft(
                who,
                new NewDraft(
                        office,
                        committee,
                        DocumentType.OFFICIAL_LETTER,
                        "Trả lời về tình hình thực hiện",
                        chairmanOfficer,
                        SignerForm.NONE,
                        Urgency.NORMAL,
                        Confidentiality.NORMAL,
                        List.of(),
                        List.of(department),
                        List.of(),
                        upload(who, "cv"),
                        "",
                        responseFor));
        outgoing.submit(who, id);
        outgoing.decide(committeeClerk, pending(committeeClerk, id).id(), true, "");
        outgoing.decide(chairman, pending(chairman, id).id(), true, "");
        return id;
    }

    @Test
    void a_register_for_decisions_has_its_own_series_beside_the_default_register() throws IOException {
        long decisions = registers.create(
                committeeClerk,
                committee,
                Registers.Direction.OUTGOING,
                year(),
                "Sổ quyết định " + year(),
                false,
                Set.of(DocumentType.DECISION));
        long first = issuedDecision();
        long letter = letter(drafter, null);
        assertThat(outgoing.issue(committeeClerk, letter)).isEqualTo("Số: 01/UBND-VP");
        long second = issuedDecision();

        assertThat(registerOf(first)).isEqualTo(decisions);
        assertThat(registerOf(second)).isEqualTo(decisions);
        assertThat(registerOf(letter)).isNotEqualTo(decisions);
        assertThat(outgoing.find(drafter, second).orElseThrow().numberAndNotation())
                .isEqualTo("02/QĐ-UBND");
        assertThat(registers.visible(committeeClerk, year()))
                .extracting(Registers.RegisterView::name)
                .containsExactlyInAnyOrder("Sổ quyết định " + year(), "Sổ văn bản đi " + year());
    }

    @Test
    void a_closed_register_takes_no_more_numbers() throws IOException {
        long decisions = registers.create(
                committeeClerk,
                committee,
                Registers.Direction.OUTGOING,
                year(),
                "Sổ quyết định",
                false,
                Set.of(DocumentType.DECISION));
        registers.close(committeeClerk, decisions);
        long id = issuedDecision();
        assertThat(registerOf(id)).as("the default register takes over").isNotEqualTo(decisions);

        long defaultRegister = registerOf(id);
        registers.close(committeeClerk, defaultRegister);
        long blocked = approved(List.of());
        assertThatThrownBy(() -> outgoing.issue(committeeClerk, blocked))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.register-closed"));
        assertThat(outgoing.find(drafter, blocked).orElseThrow().numberAndNotation())
                .isEmpty();
    }

    @Test
    void only_the_clerks_of_a_unit_open_and_close_its_registers_and_only_its_clerks_and_leaders_read_them()
            throws IOException {
        issuedDecision();
        long committeeRegister =
                registers.visible(committeeClerk, year()).getFirst().id();
        for (UserScope notAClerk : List.of(drafter, chairman, departmentClerk, outsider)) {
            assertThatThrownBy(() -> registers.create(
                            notAClerk, committee, Registers.Direction.INCOMING, year(), "Sổ riêng", false, Set.of()))
                    .as(notAClerk.username())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> registers.close(chairman, committeeRegister))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(registers.find(chairman, committeeRegister))
                .as("leaders read")
                .isPresent();
        assertThat(registers.find(officeHead, committeeRegister))
                .as("the Office's leaders are below the committee")
                .isEmpty();
        assertThat(registers.find(departmentClerk, committeeRegister)).isEmpty();
        assertThat(registers.find(outsider, committeeRegister)).isEmpty();
        assertThat(registers.visible(outsider, year())).noneMatch(r -> r.id() == committeeRegister);
        assertThatThrownBy(() -> registers.create(
                        committeeClerk, committee, Registers.Direction.OUTGOING, year() + 5, "Sổ", false, Set.of()))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> registers.create(
                        committeeClerk,
                        committee,
                        Registers.Direction.OUTGOING,
                        year(),
                        "Sổ văn bản đi " + year(),
                        false,
                        Set.of()))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.register-exists"));
    }

    @Test
    void the_incoming_register_prints_every_entry_in_arrival_order_as_pdf_and_xlsx() throws IOException {
        int count = 1_005; // more than one batch of entries and many pages
        for (int i = 1; i <= count; i++) {
            incoming.register(
                    departmentClerk,
                    new NewIncoming(
                            department,
                            null,
                            "",
                            i == 1 ? "Bộ Nội vụ" : "Sở Xây dựng",
                            Integer.toString(i),
                            "SXD-QLN",
                            DocumentType.OFFICIAL_LETTER,
                            LocalDate.now(clock),
                            i == 1
                                    ? "Về việc tăng cường kỷ luật, kỷ cương hành chính 🙂 năm " + year()
                                    : "Văn bản số " + i,
                            "",
                            "",
                            i == count ? Urgency.FLASH : Urgency.NORMAL,
                            Confidentiality.NORMAL,
                            null,
                            null,
                            "",
                            List.of(),
                            false));
        }
        var register = registers.visible(departmentClerk, year()).stream()
                .filter(r -> r.direction() == Registers.Direction.INCOMING)
                .findFirst()
                .orElseThrow();

        var pdf = new ByteArrayOutputStream();
        TableReportWriter.pdf(prints.layout(register), prints.entries(register), pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(document.getNumberOfPages()).isGreaterThan(20);
            String first = text(document, 1, 1);
            assertThat(first)
                    .contains("SỔ VĂN BẢN ĐẾN " + year())
                    .contains("Tác giả")
                    .contains("Ngày đến")
                    .contains("Bộ Nội vụ")
                    .contains("Công văn Về việc tăng cường kỷ luật, kỷ cương")
                    .as("what the font cannot draw becomes ?")
                    .contains("hành chính ? năm " + year())
                    .contains("Trang 1");
            String last = text(document, document.getNumberOfPages(), document.getNumberOfPages());
            assertThat(last)
                    .contains("Ngày đến")
                    .as("headings repeat")
                    .contains(Integer.toString(count))
                    .contains("Hỏa tốc");
        }

        var xlsx = new ByteArrayOutputStream();
        TableReportWriter.xlsx(prints.layout(register), prints.entries(register), xlsx);
        List<String> numbers = new ArrayList<>();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            int header = 0;
            while (!"Ngày đến".equals(rows.get(header).getCellText(0))) {
                header++;
            }
            assertThat(rows.get(header).getCellText(5)).isEqualTo("Tên loại và trích yếu nội dung");
            for (Row row : rows.subList(header + 1, rows.size())) {
                numbers.add(row.getCellText(1));
            }
            assertThat(rows.get(header + 1).getCellText(0))
                    .isEqualTo(LocalDate.now(clock).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            assertThat(rows.get(header + 1).getCellText(3)).isEqualTo("01/SXD-QLN");
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            expected.add(Integer.toString(i));
        }
        assertThat(numbers).isEqualTo(expected);
    }

    @Test
    void the_follow_up_register_shows_the_lead_the_deadline_the_progress_and_the_reply() throws IOException {
        var doc = incoming.register(
                committeeClerk,
                new NewIncoming(
                        committee,
                        null,
                        "000.00.00.G09",
                        "Bộ Tài chính",
                        "77",
                        "BTC-NSNN",
                        DocumentType.OFFICIAL_LETTER,
                        LocalDate.now(clock),
                        "Đề nghị báo cáo tình hình giải ngân vốn đầu tư công",
                        "",
                        "",
                        Urgency.NORMAL,
                        Confidentiality.NORMAL,
                        null,
                        null,
                        "",
                        List.of(),
                        false));
        incoming.register(
                committeeClerk,
                new NewIncoming(
                        committee,
                        null,
                        "",
                        "Sở Y tế",
                        "3",
                        "SYT-VP",
                        DocumentType.INVITATION,
                        LocalDate.now(clock),
                        "Mời dự hội nghị (không cần giải quyết)",
                        "",
                        "",
                        Urgency.NORMAL,
                        Confidentiality.NORMAL,
                        null,
                        null,
                        "",
                        List.of(),
                        false));
        LocalDate due = LocalDate.now(clock).plusDays(10);
        routing.assign(
                chairman,
                doc.id(),
                new Assignment(
                        Assignee.officer(drafter.officerId()), List.of(), List.of(), "Khẩn trương báo cáo", due));
        long reply = letter(drafter, doc.id());
        outgoing.issue(committeeClerk, reply);

        var register = registers.visible(committeeClerk, year()).stream()
                .filter(r -> r.direction() == Registers.Direction.INCOMING)
                .findFirst()
                .orElseThrow();
        List<List<String>> rows = new ArrayList<>();
        prints.followUp(register).forEachRemaining(rows::add);
        assertThat(rows).as("only documents with a deadline to follow").hasSize(1);
        List<String> row = rows.getFirst();
        assertThat(row.get(0)).isEqualTo(Integer.toString(doc.arrivalNumber()));
        assertThat(row.get(1)).contains("77/BTC-NSNN").contains("Bộ Tài chính").contains("giải ngân");
        assertThat(row.get(2)).startsWith("Chuyên viên");
        assertThat(row.get(3)).isEqualTo(due.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(row.get(4)).isEqualTo("Đang giải quyết");
        assertThat(row.get(5)).isEqualTo("01/UBND-VP");
        assertThat(outgoing.repliesTo(doc.id())).extracting(r -> r.id()).containsExactly(reply);

        assertThatThrownBy(() -> outgoing.draft(
                        outsider,
                        new NewDraft(
                                department,
                                department,
                                DocumentType.OFFICIAL_LETTER,
                                "Trả lời văn bản không được xem",
                                chairmanOfficer,
                                SignerForm.NONE,
                                Urgency.NORMAL,
                                Confidentiality.NORMAL,
                                List.of(),
                                List.of(committee),
                                List.of(),
                                upload(outsider, "x"),
                                "",
                                doc.id())))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.response-for"));
    }

    private long registerOf(long outgoingId) {
        return jdbc.sql("select register_id from documents.outgoing where id = :id")
                .param("id", outgoingId)
                .query(Long.class)
                .single();
    }

    private static String text(PDDocument document, int from, int to) throws IOException {
        var stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(document);
    }
}
