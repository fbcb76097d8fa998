package vn.sen.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.w3c.dom.Document;
import vn.sen.documents.Dossiers.DossierState;
import vn.sen.documents.Dossiers.NewDossier;
import vn.sen.documents.IncomingViews.NewIncoming;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/** Dossiers from the file plan: who plans and fills them, chronological order, export for the archive. */
@SpringBootTest
class DossiersTest extends DocumentsScenario {

    @Autowired
    Dossiers dossiers;

    @Autowired
    DossierExport export;

    int year() {
        return LocalDate.now(clock).getYear();
    }

    /** A real PDF of {@code pages} blank pages. */
    UUID pdf(UserScope who, int pages) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            document.getDocumentInformation().setTitle(UUID.randomUUID().toString());
            document.save(bytes);
        }
        return files.store(new ByteArrayInputStream(bytes.toByteArray()), "van-ban.pdf", who.username())
                .id();
    }

    long incomingDocument(LocalDate issuedOn) throws IOException {
        return incoming.register(
                        committeeClerk,
                        new NewIncoming(
                                committee,
                                null,
                                "",
                                "Bộ Tài chính",
                                Long.toString(System.nanoTime() % 100_000),
                                "BTC-NSNN",
                                DocumentType.OFFICIAL_LETTER,
                                issuedOn,
                                "Hướng dẫn lập dự toán ngân sách",
                                "",
                                "",
                                Urgency.NORMAL,
                                Confidentiality.NORMAL,
                                null,
                                null,
                                "",
                                List.of(pdf(committeeClerk, 2)),
                                false))
                .id();
    }

    long releasedDecision() throws IOException {
        long id = outgoing.draft(
                drafter,
                new OutgoingViews.NewDraft(
                        office,
                        committee,
                        DocumentType.DECISION,
                        "Giao dự toán ngân sách năm sau",
                        chairmanOfficer,
                        OutgoingViews.SignerForm.NONE,
                        Urgency.NORMAL,
                        Confidentiality.NORMAL,
                        List.of(),
                        List.of(department),
                        List.of(),
                        pdf(drafter, 1),
                        "",
                        null));
        outgoing.submit(drafter, id);
        outgoing.decide(committeeClerk, pending(committeeClerk, id).id(), true, "");
        outgoing.decide(chairman, pending(chairman, id).id(), true, "");
        outgoing.issue(committeeClerk, id);
        outgoing.release(committeeClerk, id);
        return id;
    }

    long planned() {
        return dossiers.plan(
                committeeClerk,
                new NewDossier(
                        committee,
                        year(),
                        "01.TH",
                        "Hồ sơ dự toán ngân sách năm " + (year() + 1),
                        "20 năm",
                        "Hạn chế",
                        drafter.officerId()));
    }

    @Test
    void the_file_plan_is_drawn_up_by_leaders_and_clerks_and_the_keeper_fills_the_dossier() throws IOException {
        assertThatThrownBy(() -> dossiers.plan(
                        drafter,
                        new NewDossier(committee, year(), "02.TH", "Hồ sơ riêng", "10 năm", "", drafter.officerId())))
                .isInstanceOf(AccessDeniedException.class);
        long id = planned();
        assertThatThrownBy(this::planned)
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.dossier-exists"));
        assertThat(dossiers.find(drafter, id)).as("the keeper").isPresent();
        assertThat(dossiers.find(chairman, id)).as("a leader of the unit").isPresent();
        assertThat(dossiers.find(outsider, id)).isEmpty();
        assertThat(dossiers.find(departmentClerk, id)).isEmpty();
        assertThat(dossiers.list(drafter, year()))
                .extracting(Dossiers.DossierView::id)
                .contains(id);

        long letter = incomingDocument(LocalDate.now(clock).minusDays(3));
        assertThatThrownBy(() -> dossiers.add(drafter, id, letter, null))
                .as("planned, not open yet")
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.dossier-state"));
        dossiers.open(drafter, id);
        assertThatThrownBy(() -> dossiers.add(drafter, id, letter, null))
                .as("the keeper may not read that incoming document")
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.not-found"));
        long decision = releasedDecision();
        dossiers.add(drafter, id, null, decision);
        dossiers.add(committeeClerk, id, letter, null);
        dossiers.add(committeeClerk, id, letter, null);
        assertThat(dossiers.openFor(drafter))
                .extracting(Dossiers.DossierView::id)
                .contains(id);
        assertThat(dossiers.entries(drafter, id))
                .as("chronological, each once")
                .extracting(Dossiers.Entry::kind)
                .containsExactly("INCOMING", "OUTGOING");

        dossiers.close(drafter, id);
        var closed = dossiers.find(drafter, id).orElseThrow();
        assertThat(closed.state()).isEqualTo(DossierState.CLOSED);
        assertThat(closed.endDate()).isEqualTo(LocalDate.now(clock));
        assertThatThrownBy(() -> dossiers.remove(drafter, id, "INCOMING", letter))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.dossier-state"));
    }

    @Test
    void the_export_is_one_pdf_with_contents_and_pages_in_order_and_an_xml_of_the_metadata() throws Exception {
        long id = planned();
        dossiers.open(committeeClerk, id);
        long decision = releasedDecision();
        long letter = incomingDocument(LocalDate.now(clock).minusDays(10));
        dossiers.add(committeeClerk, id, null, decision);
        dossiers.add(committeeClerk, id, letter, null);
        var dossier = dossiers.find(committeeClerk, id).orElseThrow();
        var entries = dossiers.entries(committeeClerk, id);

        var pdf = new ByteArrayOutputStream();
        export.pdf(dossier, entries, pdf);
        try (PDDocument merged = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(merged.getNumberOfPages()).as("contents + 2 + 1").isEqualTo(4);
            var stripper = new PDFTextStripper();
            stripper.setEndPage(1);
            String contents = stripper.getText(merged);
            assertThat(contents).contains("MỤC LỤC VĂN BẢN").contains("20 năm");
            assertThat(contents.indexOf("Hướng dẫn lập dự toán"))
                    .as("the older letter first")
                    .isLessThan(contents.indexOf("Giao dự toán ngân sách"));
            assertThat(contents).contains("2–3").contains("01/QĐ-UBND");
        }

        var xml = new ByteArrayOutputStream();
        export.xml(dossier, entries, xml);
        Document parsed = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.toByteArray()));
        assertThat(text(parsed, "FileCode")).endsWith(year() + ".01.TH");
        assertThat(text(parsed, "Maintenance")).isEqualTo("20 năm");
        assertThat(text(parsed, "DocTotal")).isEqualTo("2");
        assertThat(text(parsed, "PageTotal")).isEqualTo("3");
        assertThat(parsed.getElementsByTagName("File")
                        .item(0)
                        .getAttributes()
                        .getNamedItem("sha256")
                        .getNodeValue())
                .hasSize(64);
    }

    private static String text(Document document, String element) {
        return document.getElementsByTagName(element).item(0).getTextContent();
    }
}
