package vn.sen.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.sen.documents.OutgoingViews.ExternalRecipient;
import vn.sen.documents.OutgoingViews.NewDraft;
import vn.sen.documents.OutgoingViews.OutgoingState;
import vn.sen.documents.OutgoingViews.SignerForm;
import vn.sen.documents.OutgoingViews.StepKind;
import vn.sen.organization.UnitKind;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/** Outgoing documents: route, format check, approval, numbering at issuance, release. */
@SpringBootTest
@RecordApplicationEvents
class OutgoingDocumentsTest extends DocumentsScenario {

    @Autowired
    ApplicationEvents events;

    @Autowired
    vn.sen.files.PdfConversion conversion;

    @Test
    void a_draft_goes_through_review_format_check_and_approval_then_is_numbered_and_delivered() throws IOException {
        long id = outgoing.draft(
                drafter,
                decision(
                        List.of(List.of(officeHeadOfficer)),
                        Confidentiality.NORMAL,
                        List.of(new ExternalRecipient("Bộ Tài chính", "000.00.00.G09"))));
        outgoing.submit(drafter, id);
        assertThat(outgoing.find(drafter, id).orElseThrow().state()).isEqualTo(OutgoingState.IN_REVIEW);
        assertThat(outgoing.pendingSteps(chairman, id))
                .as("the signer waits for the review")
                .isEmpty();

        outgoing.decide(officeHead, pending(officeHead, id).id(), true, "Nhất trí");
        assertThat(outgoing.find(drafter, id).orElseThrow().state()).isEqualTo(OutgoingState.FORMAT_CHECK);
        assertThatThrownBy(() -> outgoing.issue(committeeClerk, id))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.not-approved"));
        outgoing.decide(committeeClerk, pending(committeeClerk, id).id(), true, "Đúng thể thức");
        assertThat(outgoing.find(drafter, id).orElseThrow().state()).isEqualTo(OutgoingState.APPROVAL);
        outgoing.decide(chairman, pending(chairman, id).id(), true, "");
        assertThat(outgoing.find(drafter, id).orElseThrow().state()).isEqualTo(OutgoingState.APPROVED);

        String printed = outgoing.issue(committeeClerk, id);
        assertThat(printed).isEqualTo("Số: 01/QĐ-UBND");
        var issued = outgoing.find(drafter, id).orElseThrow();
        assertThat(issued.numberAndNotation()).isEqualTo("01/QĐ-UBND");
        assertThat(issued.issuedOn()).isEqualTo(LocalDate.now(clock));

        outgoing.release(committeeClerk, id);
        var released = outgoing.find(drafter, id).orElseThrow();
        assertThat(released.state()).isEqualTo(OutgoingState.RELEASED);
        var internal = released.recipients().stream()
                .filter(r -> r.unitId() != null)
                .findFirst()
                .orElseThrow();
        assertThat(internal.state()).isEqualTo("DELIVERED");
        var received = incoming.find(departmentClerk, internal.incomingId()).orElseThrow();
        assertThat(received.numberAndNotation()).isEqualTo("01/QĐ-UBND");
        assertThat(received.arrivalNumber()).isEqualTo(1);
        assertThat(received.files()).hasSize(1);
        assertThat(received.issuerName()).startsWith("UBND");
        assertThat(events.stream(OutgoingDocumentReleased.class))
                .filteredOn(e -> e.documentId() == id)
                .singleElement()
                .satisfies(e -> assertThat(e.external())
                        .extracting(ExternalRecipient::code)
                        .containsExactly("000.00.00.G09"));
    }

    @Test
    void parallel_reviewers_must_all_approve_and_one_sending_back_returns_the_draft() throws IOException {
        long id = outgoing.draft(
                drafter,
                decision(List.of(List.of(officeHeadOfficer, deputyOfficer)), Confidentiality.NORMAL, List.of()));
        outgoing.submit(drafter, id);
        outgoing.decide(officeHead, pending(officeHead, id).id(), true, "");
        assertThat(outgoing.find(drafter, id).orElseThrow().state()).isEqualTo(OutgoingState.IN_REVIEW);
        assertThatThrownBy(() -> outgoing.decide(deputy, pending(deputy, id).id(), false, ""))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.reason-required"));
        outgoing.decide(deputy, pending(deputy, id).id(), false, "Sửa căn cứ pháp lý");
        var back = outgoing.find(drafter, id).orElseThrow();
        assertThat(back.state()).isEqualTo(OutgoingState.DRAFT);
        assertThat(back.comments()).extracting(c -> c.text()).contains("Sửa căn cứ pháp lý");

        assertThat(outgoing.addVersion(drafter, id, upload(drafter, "v2"), "đã sửa"))
                .isEqualTo(2);
        outgoing.submit(drafter, id);
        assertThat(outgoing.find(drafter, id).orElseThrow().steps())
                .filteredOn(s -> s.kind() == StepKind.REVIEW)
                .allMatch(s -> s.state() == OutgoingViews.StepState.PENDING);
    }

    @Test
    void fifty_clerks_issuing_at_once_get_fifty_numbers_without_gaps() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(outgoing.draft(drafter, decision(List.of(), Confidentiality.NORMAL, List.of())));
        }
        jdbc.sql("update documents.outgoing set state = 'APPROVED' where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .update(); // the route is tested above; this test is about numbering
        List<Callable<String>> issuances = ids.stream()
                .<Callable<String>>map(id -> () -> outgoing.issue(committeeClerk, id))
                .toList();
        List<String> printed = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (Future<String> f : pool.invokeAll(issuances)) {
                printed.add(f.get());
            }
        }
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 50; n++) {
            expected.add(Printed.numberLine(n, "QĐ-UBND"));
        }
        assertThat(printed).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void an_official_letter_drafted_in_a_division_of_the_office_is_numbered_ubnd_vp() throws IOException {
        var system = UserScope.system();
        long division = unit(system, office, UnitKind.DIVISION, "Phòng Tổng hợp " + office, "PTH");
        long specialist = officer(system, "Chuyên viên PTH " + office, division, "CHUYEN_VIEN");
        UserScope divisionDrafter = scope("cvth" + office, specialist, Role.SPECIALIST, division);
        long id = outgoing.draft(
                divisionDrafter,
                new NewDraft(
                        division,
                        committee,
                        DocumentType.OFFICIAL_LETTER,
                        "Đôn đốc báo cáo tình hình thực hiện nhiệm vụ",
                        chairmanOfficer,
                        SignerForm.NONE,
                        Urgency.NORMAL,
                        Confidentiality.NORMAL,
                        List.of(),
                        List.of(department),
                        List.of(),
                        upload(divisionDrafter, "cv"),
                        "",
                        null));
        outgoing.submit(divisionDrafter, id);
        outgoing.decide(committeeClerk, pending(committeeClerk, id).id(), true, "");
        outgoing.decide(chairman, pending(chairman, id).id(), true, "");
        assertThat(outgoing.issue(committeeClerk, id)).isEqualTo("Số: 01/UBND-VP");
    }

    @Test
    void a_word_draft_is_read_as_pdf_and_its_pdf_is_what_recipients_receive() throws Exception {
        var docx = files.store(
                new java.io.ByteArrayInputStream(
                        vn.sen.files.TestDocuments.docx("Quyết định phê duyệt " + System.nanoTime())),
                "quyet-dinh.docx",
                drafter.username());
        long id = outgoing.draft(
                drafter,
                new NewDraft(
                        office,
                        committee,
                        DocumentType.DECISION,
                        "Phê duyệt đề án",
                        chairmanOfficer,
                        SignerForm.NONE,
                        Urgency.NORMAL,
                        Confidentiality.NORMAL,
                        List.of(),
                        List.of(department),
                        List.of(),
                        docx.id(),
                        "",
                        null));
        conversion.drain(java.time.Duration.ofMinutes(3));
        var version = outgoing.find(drafter, id).orElseThrow().latest();
        assertThat(version.rendition().state()).isEqualTo(vn.sen.files.PdfConversion.State.DONE);
        assertThat(version.pdfId()).contains(version.rendition().pdfId());

        outgoing.submit(drafter, id);
        outgoing.decide(committeeClerk, pending(committeeClerk, id).id(), true, "");
        outgoing.decide(chairman, pending(chairman, id).id(), true, "");
        outgoing.issue(committeeClerk, id);
        outgoing.release(committeeClerk, id);
        long copy =
                outgoing.find(drafter, id).orElseThrow().recipients().getFirst().incomingId();
        assertThat(incoming.find(departmentClerk, copy).orElseThrow().files())
                .singleElement()
                .satisfies(f -> assertThat(f.pdf()).isTrue());
    }

    @Test
    void state_secret_documents_never_go_to_interchange_and_have_their_own_series() throws IOException {
        assertThatThrownBy(() -> outgoing.draft(
                        drafter,
                        decision(
                                List.of(),
                                Confidentiality.SECRET,
                                List.of(new ExternalRecipient("Bộ Công an", "000.00.00.G04")))))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.secret-external"));
        long normal = approved(List.of());
        long secret = outgoing.draft(drafter, decision(List.of(), Confidentiality.SECRET, List.of()));
        outgoing.submit(drafter, secret);
        outgoing.decide(committeeClerk, pending(committeeClerk, secret).id(), true, "");
        outgoing.decide(chairman, pending(chairman, secret).id(), true, "");
        assertThat(outgoing.issue(committeeClerk, normal)).isEqualTo("Số: 01/QĐ-UBND");
        assertThat(outgoing.issue(committeeClerk, secret)).as("separate series").isEqualTo("Số: 01/QĐ-UBND");
    }

    @Test
    void only_the_right_people_act_and_read() throws IOException {
        long id = approved(List.of(List.of(officeHeadOfficer)));
        assertThatThrownBy(() -> outgoing.issue(departmentClerk, id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> outgoing.issue(drafter, id)).isInstanceOf(AccessDeniedException.class);
        assertThat(outgoing.find(outsider, id)).isEmpty();
        assertThat(outgoing.find(UserScope.system(), id)).isEmpty();
        assertThat(outgoing.find(chairman, id)).isPresent();
        long draft = outgoing.draft(
                drafter, decision(List.of(List.of(officeHeadOfficer)), Confidentiality.NORMAL, List.of()));
        outgoing.submit(drafter, draft);
        long step = pending(officeHead, draft).id();
        assertThatThrownBy(() -> outgoing.decide(deputy, step, true, "")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> outgoing.addVersion(officeHead, draft, upload(officeHead, "x"), ""))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> outgoing.draft(outsider, decision(List.of(), Confidentiality.NORMAL, List.of())))
                .isInstanceOf(AccessDeniedException.class);
    }
}
