package vn.sen.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import vn.sen.meetings.Agenda.ItemForm;
import vn.sen.meetings.MeetingViews.DocumentView;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/** Meeting documents: approval before publication, versions, restricted documents with watermarks, readers. */
@SpringBootTest
class MeetingDocumentsTest extends MeetingsScenario {

    String textOf(UserScope user, long meeting, long document) throws Exception {
        var opened = documents.open(user, meeting, document, null);
        var out = new ByteArrayOutputStream();
        documents.write(opened, out);
        try (var pdf = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    /** Per page, the watermark's glyphs in drawing order: the diagonal line, then the bottom line. */
    List<String> stampsOf(UserScope user, long meeting, long document) throws Exception {
        var out = new ByteArrayOutputStream();
        documents.write(documents.open(user, meeting, document, null), out);
        var pages = new java.util.ArrayList<StringBuilder>();
        try (var pdf = Loader.loadPDF(out.toByteArray())) {
            var stripper = new PDFTextStripper() {
                @Override
                protected void startPage(org.apache.pdfbox.pdmodel.PDPage page) {
                    pages.add(new StringBuilder());
                }

                @Override
                protected void processTextPosition(org.apache.pdfbox.text.TextPosition text) {
                    if (text.getFont().getName().contains("LiberationSans")) {
                        pages.getLast().append(text.getUnicode());
                    }
                    super.processTextPosition(text);
                }
            };
            stripper.getText(pdf);
        }
        return pages.stream().map(StringBuilder::toString).toList();
    }

    @Test
    void delegates_see_a_document_once_approved_and_the_last_approved_version_after_that() throws Exception {
        long id = aMeeting();
        meetings.invite(secretary, id);
        long item = agenda.add(secretary, id, new ItemForm("Báo cáo kinh tế - xã hội", financeDirectorOfficer, "", 30));
        long doc =
                documents.add(secretary, id, item, "Báo cáo tháng 11", pdf(secretary, "Ban dau", 2), false, List.of());

        assertThat(documents.list(financeDirector, id))
                .as("the presenter sees his item's draft")
                .hasSize(1);
        assertThat(documents.list(justiceDirector, id)).isEmpty();
        assertThatThrownBy(() -> documents.open(justiceDirector, id, doc, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> documents.approve(secretary, id, doc, 1)).isInstanceOf(AccessDeniedException.class);

        documents.approve(chairman, id, doc, 1);
        assertThat(textOf(justiceDirector, id, doc)).contains("Ban dau 1");
        assertThatThrownBy(() -> documents.approve(chairman, id, doc, 1))
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("meetings.error.already-approved"));

        // the presenter replaces it: delegates keep version 1 until version 2 is approved
        assertThat(documents.addVersion(financeDirector, id, doc, pdf(financeDirector, "Sua doi", 1), "số liệu mới"))
                .isEqualTo(2);
        DocumentView seen = documents.list(justiceDirector, id).getFirst();
        assertThat(seen.versions()).extracting(v -> v.version()).containsExactly(1);
        assertThat(textOf(justiceDirector, id, doc)).contains("Ban dau");
        assertThat(documents.list(secretary, id).getFirst().awaitingApproval()).isTrue();
        assertThatThrownBy(() -> documents.open(justiceDirector, id, doc, 2))
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("meetings.error.document-version"));
        documents.approve(vice, id, doc, 2);
        assertThat(textOf(justiceDirector, id, doc)).contains("Sua doi");

        // who has read it
        assertThat(documents.reads(secretary, id, doc))
                .extracting(r -> r.officerId(), r -> r.times())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(justiceDirectorOfficer, 3));
        assertThatThrownBy(() -> documents.reads(justiceDirector, id, doc)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_restricted_document_reaches_only_the_people_named_and_carries_their_name() throws Exception {
        long id = aMeeting();
        meetings.invite(secretary, id);
        long doc = documents.add(
                secretary,
                id,
                null,
                "Phương án nhân sự",
                pdf(secretary, "Nhan su", 3),
                true,
                List.of(financeDirectorOfficer));
        documents.approve(chairman, id, doc, 1);

        assertThat(documents.list(financeDirector, id))
                .extracting(DocumentView::id)
                .containsExactly(doc);
        assertThat(documents.list(justiceDirector, id)).isEmpty();
        assertThatThrownBy(() -> documents.open(justiceDirector, id, doc, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> documents.open(outsider, id, doc, null)).isInstanceOf(AccessDeniedException.class);

        String text = textOf(financeDirector, id, doc);
        assertThat(text).contains("Nhan su 1", "Nhan su 3");
        String name = organization.requireOfficer(financeDirectorOfficer).fullName();
        List<String> stamps = stampsOf(financeDirector, id, doc);
        assertThat(stamps).as("on every page").hasSize(3);
        assertThat(stamps)
                .allSatisfy(stamp -> assertThat(stamp)
                        .matches("\\Q" + name + " — \\E\\d\\d:\\d\\d \\d\\d/\\d\\d/\\d{4}" + "\\QTài liệu hạn chế — "
                                + name + " — \\E.*"));
        assertThat(text).contains("Tài liệu hạn chế — " + name + " — ");

        // the chair sees it too, with his own name
        assertThat(textOf(chairman, id, doc))
                .contains(organization.requireOfficer(chairmanOfficer).fullName());

        // restricted documents must be PDFs (the watermark goes on the pages)
        var word = files.store(
                new java.io.ByteArrayInputStream("PK\3\4 không phải PDF".getBytes()),
                "bien-ban.docx",
                secretary.username());
        assertThatThrownBy(() -> documents.add(secretary, id, null, "Biên bản", word.id(), true, List.of()))
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("meetings.error.restricted-pdf"));
    }

    @Test
    void documents_cannot_be_added_to_a_closed_meeting_or_by_someone_else() throws Exception {
        long id = aMeeting();
        meetings.invite(secretary, id);
        var file = pdf(secretary, "Muon", 1);
        assertThatThrownBy(() -> documents.add(justiceDirector, id, null, "Góp ý", file, false, List.of()))
                .isInstanceOf(AccessDeniedException.class);
        setState(id, "CLOSED");
        assertThatThrownBy(() -> documents.add(secretary, id, null, "Muộn", file, false, List.of()))
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("meetings.error.finished"));
        assertThat(documents.list(secretary, id)).isEmpty();
    }

    @Test
    void the_agenda_keeps_its_order() {
        long id = aMeeting();
        long a = agenda.add(secretary, id, new ItemForm("Một", null, "Sở Tài chính", 10));
        long b = agenda.add(secretary, id, new ItemForm("Hai", viceOfficer, "", 20));
        long c = agenda.add(secretary, id, new ItemForm("Ba", null, "", 0));
        agenda.move(secretary, id, c, -1);
        assertThat(agenda.items(id)).extracting(i -> i.title()).containsExactly("Một", "Ba", "Hai");
        agenda.move(secretary, id, a, -1); // already first
        agenda.remove(secretary, id, a);
        assertThat(agenda.items(id))
                .extracting(i -> i.position(), i -> i.title())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "Ba"), org.assertj.core.groups.Tuple.tuple(2, "Hai"));
        assertThat(agenda.items(id).get(1).presenter()).startsWith("Phó Chủ tịch");
        assertThatThrownBy(() -> agenda.add(financeDirector, id, new ItemForm("X", null, "", 0)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(b).isPositive();
    }
}
