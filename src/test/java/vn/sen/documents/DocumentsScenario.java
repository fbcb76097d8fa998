package vn.sen.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.sen.documents.OutgoingViews.ExternalRecipient;
import vn.sen.documents.OutgoingViews.NewDraft;
import vn.sen.documents.OutgoingViews.SignerForm;
import vn.sen.documents.OutgoingViews.StepView;
import vn.sen.files.FileManagement;
import vn.sen.organization.Organization;
import vn.sen.organization.Organization.NewOfficer;
import vn.sen.organization.Organization.NewUnit;
import vn.sen.organization.UnitKind;
import vn.sen.shared.Role;
import vn.sen.shared.UserScope;

/**
 * A People's Committee of its own for each test — with its Office (a specialist, the Chief and a
 * Deputy, the committee's clerks), a department with its clerk, and the Chairman — and the steps that
 * take a draft through its route.
 */
abstract class DocumentsScenario {

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

    long unit(UserScope system, Long parent, UnitKind kind, String name, String shortName) {
        return organization.createUnit(system, new NewUnit(parent, null, kind, name, shortName, null, null, 0));
    }

    long officer(UserScope system, String name, long unit, String position) {
        return organization.createOfficer(system, new NewOfficer(name, null, null, unit, position));
    }

    UserScope scope(String username, Long officer, Role role, long unitId) {
        return new UserScope(
                1,
                username,
                officer,
                List.of(new UserScope.Grant(
                        role, unitId, organization.requireUnit(unitId).path())));
    }

    UUID upload(UserScope who, String text) throws IOException {
        return files.store(
                        new ByteArrayInputStream(("%PDF-1.4\n% " + text + " " + UUID.randomUUID() + "\n%%EOF")
                                .getBytes(StandardCharsets.UTF_8)),
                        "du-thao.pdf",
                        who.username())
                .id();
    }

    NewDraft decision(List<List<Long>> reviewers, Confidentiality confidentiality, List<ExternalRecipient> external)
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
                "bản đầu",
                null);
    }

    StepView pending(UserScope user, long id) {
        return outgoing.pendingSteps(user, id).getFirst();
    }

    long approved(List<List<Long>> reviewers) throws IOException {
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
    /** A decision from {@code pdf}, signed by the Chairman in {@code form}, through the format check to the signer. */
    long atApproval(SignerForm form, byte[] pdf) throws IOException {
        return submitted(drafted(form, pdf));
    }

    /** A draft decision with {@code pdf} as its version, signed by the Chairman in {@code form}. */
    long drafted(SignerForm form, byte[] pdf) throws IOException {
        UUID file = files.store(new ByteArrayInputStream(pdf), "quyet-dinh.pdf", drafter.username())
                .id();
        NewDraft draft = decision(List.of(), Confidentiality.NORMAL, List.of());
        long id = outgoing.draft(
                drafter,
                new NewDraft(
                        draft.unitId(),
                        draft.issuerUnitId(),
                        draft.type(),
                        draft.subject(),
                        draft.signerOfficerId(),
                        form,
                        draft.urgency(),
                        draft.confidentiality(),
                        draft.reviewers(),
                        draft.recipientUnits(),
                        draft.externalRecipients(),
                        file,
                        "",
                        null));
        return id;
    }

    /** The draft submitted and its format checked: waiting for the signer's approval. */
    long submitted(long id) {
        outgoing.submit(drafter, id);
        outgoing.decide(committeeClerk, pending(committeeClerk, id).id(), true, "Đúng thể thức");
        return id;
    }
}
