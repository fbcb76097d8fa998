package vn.sen.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.sen.documents.OutgoingViews.ExternalRecipient;
import vn.sen.documents.OutgoingViews.NewDraft;
import vn.sen.documents.OutgoingViews.OutgoingState;
import vn.sen.documents.OutgoingViews.SignerForm;
import vn.sen.documents.OutgoingViews.StepKind;
import vn.sen.documents.OutgoingViews.StepView;
import vn.sen.files.FileManagement;
import vn.sen.organization.Organization;
import vn.sen.organization.Organization.NewOfficer;
import vn.sen.organization.Organization.NewUnit;
import vn.sen.organization.UnitKind;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/** Outgoing documents: route, format check, approval, numbering at issuance, release. */
@SpringBootTest
@RecordApplicationEvents
class OutgoingDocumentsTest {

    @Autowired
    OutgoingDocuments outgoing;

    @Autowired
    IncomingDocuments incoming;

    @Autowired
    Organization organization;

    @Autowired
    FileManagement files;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    long committee;
    long office;
    long department;
    UserScope drafter;
    UserScope officeHead;
    UserScope deputy;
    UserScope chairman;
    UserScope committeeClerk;
    UserScope departmentClerk;
    UserScope outsider;
    long chairmanOfficer;
    long officeHeadOfficer;
    long deputyOfficer;

    @BeforeEach
    void aCommitteeWithItsOfficeAndADepartment() {
        var system = UserScope.system();
        String tag = Long.toString(System.nanoTime(), 36);
        committee = unit(system, null, UnitKind.PROVINCE_COMMITTEE, "UBND " + tag, "UBND");
        office = unit(system, committee, UnitKind.OFFICE, "Văn phòng " + tag, "VP");
        department = unit(system, committee, UnitKind.DEPARTMENT, "Sở Tài chính " + tag, "STC");
        chairmanOfficer = officer(system, "Chủ tịch " + tag, committee, "CHU_TICH");
        officeHeadOfficer = officer(system, "Chánh VP " + tag, office, "CHANH_VAN_PHONG");
        deputyOfficer = officer(system, "Phó Chánh VP " + tag, office, "PHO_CHANH_VAN_PHONG");
        long specialist = officer(system, "Chuyên viên " + tag, office, "CHUYEN_VIEN");
        drafter = scope("cv" + tag, specialist, Role.SPECIALIST, office);
        officeHead = scope("cvp" + tag, officeHeadOfficer, Role.LEADER, office);
        deputy = scope("pcvp" + tag, deputyOfficer, Role.LEADER, office);
        chairman = scope("ct" + tag, chairmanOfficer, Role.LEADER, committee);
        committeeClerk = scope("vt" + tag, null, Role.CLERK, committee);
        departmentClerk = scope("vts" + tag, null, Role.CLERK, department);
        outsider = scope("x" + tag, null, Role.LEADER, department);
    }

    private long unit(UserScope system, Long parent, UnitKind kind, String name, String shortName) {
        return organization.createUnit(system, new NewUnit(parent, null, kind, name, shortName, null, null, 0));
    }

    private long officer(UserScope system, String name, long unit, String position) {
        return organization.createOfficer(system, new NewOfficer(name, null, null, unit, position));
    }

    private UserScope scope(String username, Long officer, Role role, long unitId) {
        return new UserScope(
                1,
                username,
                officer,
                List.of(new UserScope.Grant(
                        role, unitId, organization.requireUnit(unitId).path())));
    }

    private UUID upload(UserScope who, String text) throws IOException {
        return files.store(
                        new ByteArrayInputStream(("%PDF-1.4\n% " + text + " " + UUID.randomUUID() + "\n%%EOF")
                                .getBytes(StandardCharsets.UTF_8)),
                        "du-thao.pdf",
                        who.username())
                .id();
    }

    private NewDraft decision(
            List<List<Long>> reviewers, Confidentiality confidentiality, List<ExternalRecipient> external)
            throws IOException {
        return new NewDraft(
                office,
                committee,
                DocumentType.DECISION,
                "Phê duyệt kế hoạch chuyển đổi số năm 2027",
                chairmanOfficer,
                SignerForm.NONE,
                Urgency.NORMAL,
                confidentiality,
                reviewers,
                List.of(department),
                external,
                upload(drafter, "v1"),
                "bản đầu");
    }

    private StepView pending(UserScope user, long id) {
        return outgoing.pendingSteps(user, id).getFirst();
    }

    private long approved(List<List<Long>> reviewers) throws IOException {
        long id = outgoing.draft(drafter, decision(reviewers, Confidentiality.NORMAL, List.of()));
        outgoing.submit(drafter, id);
        for (List<Long> ignored : reviewers) {
            for (UserScope reviewer : List.of(officeHead, deputy)) {
                outgoing.pendingSteps(reviewer, id).forEach(s -> outgoing.decide(reviewer, s.id(), true, ""));
            }
        }
        outgoing.decide(committeeClerk, pending(committeeClerk, id).id(), true, "Đúng thể thức");
        outgoing.decide(chairman, pending(chairman, id).id(), true, "");
        return id;
    }

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
                        ""));
        outgoing.submit(divisionDrafter, id);
        outgoing.decide(committeeClerk, pending(committeeClerk, id).id(), true, "");
        outgoing.decide(chairman, pending(chairman, id).id(), true, "");
        assertThat(outgoing.issue(committeeClerk, id)).isEqualTo("Số: 01/UBND-VP");
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
