package vn.sen.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import vn.sen.calendar.WorkingDays;
import vn.sen.documents.IncomingViews.NewIncoming;
import vn.sen.documents.RoutingViews.Assignee;
import vn.sen.documents.RoutingViews.Assignment;
import vn.sen.documents.RoutingViews.AssignmentRole;
import vn.sen.documents.RoutingViews.AssignmentState;
import vn.sen.documents.RoutingViews.AssignmentView;
import vn.sen.documents.RoutingViews.InboxView;
import vn.sen.organization.Organization;
import vn.sen.organization.Organization.NewOfficer;
import vn.sen.organization.Organization.NewUnit;
import vn.sen.organization.UnitKind;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * Routing an incoming document: present → assign → forward down → handle → complete or return, with
 * the history, the inbox views and who may act where.
 */
@SpringBootTest
class RoutingTest {

    @Autowired
    IncomingDocuments incoming;

    @Autowired
    Routing routing;

    @Autowired
    Organization organization;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    java.time.Clock clock;

    long committee;
    long office;
    long department;
    long division;
    long otherDepartment;
    UserScope clerk;
    UserScope chairman;
    UserScope director;
    UserScope divisionHead;
    UserScope specialist;
    UserScope otherDirector;
    long chairmanOfficer;
    long specialistOfficer;
    long outsiderOfficer;

    @BeforeEach
    void aSmallProvince() {
        var system = UserScope.system();
        String tag = Long.toString(System.nanoTime(), 36);
        committee = unit(system, null, UnitKind.PROVINCE_COMMITTEE, "UBND " + tag);
        office = unit(system, committee, UnitKind.OFFICE, "Văn phòng " + tag);
        department = unit(system, committee, UnitKind.DEPARTMENT, "Sở Tài chính " + tag);
        division = unit(system, department, UnitKind.DIVISION, "Phòng Ngân sách " + tag);
        otherDepartment = unit(system, committee, UnitKind.DEPARTMENT, "Sở Y tế " + tag);
        chairmanOfficer = officer(system, "Chủ tịch " + tag, committee, "CHU_TICH");
        long directorOfficer = officer(system, "Giám đốc " + tag, department, "GIAM_DOC");
        long headOfficer = officer(system, "Trưởng phòng " + tag, division, "TRUONG_PHONG");
        specialistOfficer = officer(system, "Chuyên viên " + tag, division, "CHUYEN_VIEN");
        outsiderOfficer = officer(system, "Người ngoài " + tag, otherDepartment, "CHUYEN_VIEN");
        long otherDirectorOfficer = officer(system, "Giám đốc Y tế " + tag, otherDepartment, "GIAM_DOC");
        clerk = scope("vt" + tag, null, Role.CLERK, office);
        chairman = scope("ct" + tag, chairmanOfficer, Role.LEADER, committee);
        director = scope("gd" + tag, directorOfficer, Role.LEADER, department);
        divisionHead = scope("tp" + tag, headOfficer, Role.LEADER, division);
        specialist = scope("cv" + tag, specialistOfficer, Role.SPECIALIST, division);
        otherDirector = scope("gdyt" + tag, otherDirectorOfficer, Role.LEADER, otherDepartment);
    }

    private long unit(UserScope system, Long parent, UnitKind kind, String name) {
        return organization.createUnit(system, new NewUnit(parent, null, kind, name, "X", null, null, 0));
    }

    private long officer(UserScope system, String name, long unit, String position) {
        return organization.createOfficer(system, new NewOfficer(name, null, null, unit, position));
    }

    private UserScope scope(String username, Long officerId, Role role, long unitId) {
        String path = organization.requireUnit(unitId).path();
        return new UserScope(1, username, officerId, List.of(new UserScope.Grant(role, unitId, path)));
    }

    private long registered() {
        return incoming.register(
                        clerk,
                        new NewIncoming(
                                office,
                                null,
                                "",
                                "Bộ Tài chính",
                                Long.toString(System.nanoTime() % 1_000_000_000L),
                                "BTC-NSNN",
                                DocumentType.OFFICIAL_LETTER,
                                LocalDate.now(clock).minusDays(1),
                                "V/v dự toán ngân sách",
                                "",
                                "",
                                Urgency.NORMAL,
                                Confidentiality.NORMAL,
                                null,
                                null,
                                "",
                                List.of(),
                                false))
                .id();
    }

    private AssignmentView only(long document, AssignmentRole role, Long unitId, Long officerId) {
        return routing.assignments(document).stream()
                .filter(a -> a.role() == role
                        && java.util.Objects.equals(a.unitId(), unitId)
                        && java.util.Objects.equals(a.officerId(), officerId))
                .findFirst()
                .orElseThrow();
    }

    private LocalDate inWorkingDays(int n) {
        return workingDays.plusWorkingDays(LocalDate.now(clock), n);
    }

    @Test
    void a_document_goes_from_the_clerk_to_the_chairman_down_to_a_specialist_and_back_as_done() {
        long doc = registered();
        assertThat(routing.inbox(clerk, InboxView.UNPRESENTED, 0, 50))
                .extracting(r -> r.documentId())
                .contains(doc);

        routing.present(clerk, doc, chairmanOfficer, "Kính trình Chủ tịch");
        assertThat(routing.inbox(chairman, InboxView.PENDING, 0, 50))
                .extracting(r -> r.documentId())
                .contains(doc);
        assertThat(routing.inbox(clerk, InboxView.UNPRESENTED, 0, 50))
                .extracting(r -> r.documentId())
                .doesNotContain(doc);

        LocalDate due = inWorkingDays(5);
        routing.assign(
                chairman,
                doc,
                new Assignment(
                        Assignee.unit(department),
                        List.of(Assignee.unit(otherDepartment)),
                        List.of(Assignee.unit(office)),
                        "Giao Sở Tài chính chủ trì tham mưu",
                        due));
        assertThat(routing.inbox(chairman, InboxView.PENDING, 0, 50))
                .extracting(r -> r.documentId())
                .doesNotContain(doc);
        assertThat(routing.inbox(director, InboxView.PENDING, 0, 50))
                .filteredOn(r -> r.documentId() == doc)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.role()).isEqualTo(AssignmentRole.LEAD);
                    assertThat(r.dueOn()).isEqualTo(due);
                    assertThat(r.direction()).isEqualTo("Giao Sở Tài chính chủ trì tham mưu");
                });
        assertThat(routing.inbox(otherDirector, InboxView.PENDING, 0, 50))
                .extracting(r -> r.documentId())
                .contains(doc);
        assertThat(routing.inbox(clerk, InboxView.INFORMATION, 0, 50))
                .extracting(r -> r.documentId())
                .contains(doc);

        var lead = only(doc, AssignmentRole.LEAD, department, null);
        routing.forward(director, lead.id(), List.of(Assignee.unit(division)), "Phòng Ngân sách xử lý", null);
        var divisionPart = only(doc, AssignmentRole.LEAD, division, null);
        assertThat(divisionPart.dueOn()).as("inherits the deadline").isEqualTo(due);
        routing.forward(
                divisionHead, divisionPart.id(), List.of(Assignee.officer(specialistOfficer)), "Đ/c xử lý", null);

        assertThat(incoming.find(specialist, doc))
                .as("the specialist may now read it")
                .isPresent();
        var mine = only(doc, AssignmentRole.LEAD, null, specialistOfficer);
        routing.start(specialist, mine.id());
        assertThat(routing.inbox(specialist, InboxView.IN_PROGRESS, 0, 50))
                .extracting(r -> r.documentId())
                .contains(doc);
        routing.complete(specialist, mine.id(), "Đã tham mưu văn bản trả lời số 12/STC-NS");

        var closed = incoming.find(chairman, doc).orElseThrow();
        assertThat(closed.closed()).isTrue();
        assertThat(closed.result()).isEqualTo("Đã tham mưu văn bản trả lời số 12/STC-NS");
        assertThat(only(doc, AssignmentRole.LEAD, department, null).state()).isEqualTo(AssignmentState.DONE);
        assertThat(only(doc, AssignmentRole.LEAD, division, null).state()).isEqualTo(AssignmentState.DONE);
        assertThat(routing.history(doc))
                .extracting(h -> h.action())
                .containsExactly(
                        "REGISTERED",
                        "PRESENTED",
                        "ASSIGNED",
                        "ASSIGNED",
                        "ASSIGNED",
                        "FORWARDED",
                        "FORWARDED",
                        "STARTED",
                        "COMPLETED",
                        "CLOSED");
        assertThatThrownBy(() ->
                        routing.assign(chairman, doc, new Assignment(Assignee.unit(department), null, null, "", null)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.closed"));
    }

    @Test
    void a_coordinating_part_forwarded_down_rolls_up_when_its_parts_are_done() {
        long doc = registered();
        routing.assign(
                chairman,
                doc,
                new Assignment(Assignee.unit(otherDepartment), List.of(Assignee.unit(department)), null, "", null));
        var part = only(doc, AssignmentRole.COORDINATING, department, null);
        routing.forward(director, part.id(), List.of(Assignee.officer(specialistOfficer)), "", null);
        routing.complete(
                specialist,
                only(doc, AssignmentRole.COORDINATING, null, specialistOfficer).id(),
                "Ý kiến");
        assertThat(only(doc, AssignmentRole.COORDINATING, department, null).state())
                .isEqualTo(AssignmentState.DONE);
        assertThat(incoming.find(chairman, doc).orElseThrow().closed())
                .as("only the lead closes")
                .isFalse();
    }

    @Test
    void a_returned_part_goes_back_to_whoever_forwarded_it_with_the_reason() {
        long doc = registered();
        routing.assign(chairman, doc, new Assignment(Assignee.unit(department), null, null, "", null));
        var lead = only(doc, AssignmentRole.LEAD, department, null);
        routing.forward(director, lead.id(), List.of(Assignee.unit(division)), "", null);
        var divisionPart = only(doc, AssignmentRole.LEAD, division, null);
        assertThatThrownBy(() -> routing.giveBack(divisionHead, divisionPart.id(), " "))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.reason-required"));
        routing.giveBack(divisionHead, divisionPart.id(), "Không thuộc chức năng của phòng");
        assertThat(only(doc, AssignmentRole.LEAD, division, null).state()).isEqualTo(AssignmentState.RETURNED);
        assertThat(only(doc, AssignmentRole.LEAD, department, null).state()).isEqualTo(AssignmentState.IN_PROGRESS);
        assertThat(routing.history(doc).getLast().text()).isEqualTo("Không thuộc chức năng của phòng");
    }

    @Test
    void deadlines_in_the_past_or_beyond_the_given_one_are_refused() {
        long doc = registered();
        assertThatThrownBy(() -> routing.assign(
                        chairman,
                        doc,
                        new Assignment(
                                Assignee.unit(department),
                                null,
                                null,
                                "",
                                LocalDate.now(clock).minusDays(1))))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.due-past"));
        routing.assign(chairman, doc, new Assignment(Assignee.unit(department), null, null, "", inWorkingDays(3)));
        var lead = only(doc, AssignmentRole.LEAD, department, null);
        assertThatThrownBy(() ->
                        routing.forward(director, lead.id(), List.of(Assignee.unit(division)), "", inWorkingDays(10)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.due-after-parent"));
    }

    @Test
    void nobody_acts_outside_their_place() {
        long doc = registered();
        assertThatThrownBy(() ->
                        routing.assign(director, doc, new Assignment(Assignee.unit(department), null, null, "", null)))
                .as("a department director is no leader of the office's documents")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> routing.present(director, doc, chairmanOfficer, ""))
                .isInstanceOf(AccessDeniedException.class);
        routing.assign(chairman, doc, new Assignment(Assignee.unit(department), null, null, "", null));
        var lead = only(doc, AssignmentRole.LEAD, department, null);
        assertThatThrownBy(() -> routing.forward(otherDirector, lead.id(), List.of(Assignee.unit(division)), "", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() ->
                        routing.forward(director, lead.id(), List.of(Assignee.officer(outsiderOfficer)), "", null))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.outside-unit"));
        assertThatThrownBy(
                        () -> routing.forward(director, lead.id(), List.of(Assignee.unit(otherDepartment)), "", null))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.outside-unit"));
        assertThatThrownBy(() -> routing.complete(specialist, lead.id(), "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(incoming.find(specialist, doc))
                .as("not routed to the specialist yet")
                .isEmpty();
        assertThat(incoming.find(otherDirector, doc)).isEmpty();
        assertThatThrownBy(() -> routing.assign(
                        chairman,
                        doc,
                        new Assignment(Assignee.unit(department), List.of(Assignee.unit(department)), null, "", null)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.assignee-twice"));
    }

    @Test
    void the_inbox_tells_overdue_and_due_soon_from_the_working_calendar() {
        long doc = registered();
        routing.assign(chairman, doc, new Assignment(Assignee.unit(department), null, null, "", LocalDate.now(clock)));
        assertThat(routing.inbox(director, InboxView.DUE_SOON, 0, 50))
                .extracting(r -> r.documentId())
                .contains(doc);
        assertThat(routing.inbox(director, InboxView.OVERDUE, 0, 50))
                .extracting(r -> r.documentId())
                .doesNotContain(doc);
        var counts = routing.counts(director);
        assertThat(counts.get(InboxView.PENDING)).isPositive();
        assertThat(counts.get(InboxView.DUE_SOON)).isPositive();
    }
}
