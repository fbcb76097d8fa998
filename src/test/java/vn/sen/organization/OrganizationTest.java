package vn.sen.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import vn.sen.organization.Organization.NewDelegation;
import vn.sen.organization.Organization.NewOfficer;
import vn.sen.organization.Organization.NewUnit;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

@SpringBootTest
class OrganizationTest {

    @Autowired
    Organization organization;

    private final UserScope system = UserScope.system();

    private long unit(Long parent, String name, String code) {
        return organization.createUnit(
                system, new NewUnit(parent, null, UnitKind.DEPARTMENT, name, "X", code, null, 0));
    }

    private static String code() {
        return "T" + System.nanoTime() % 1_000_000_000L;
    }

    @Test
    void moving_a_unit_under_its_own_descendant_is_refused_and_changes_nothing() {
        long top = unit(null, "Sở thử", code());
        long child = unit(top, "Phòng thử", code());
        long grandchild = unit(child, "Tổ thử", code());
        String before = organization.requireUnit(top).path();

        assertThatThrownBy(() -> organization.moveUnit(system, top, grandchild))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code())
                .isEqualTo("organization.error.cycle");
        assertThatThrownBy(() -> organization.moveUnit(system, top, top)).isInstanceOf(RuleViolation.class);
        assertThat(organization.requireUnit(top).path()).isEqualTo(before);
    }

    @Test
    void moving_a_unit_moves_its_whole_subtree() {
        long a = unit(null, "A", code());
        long b = unit(null, "B", code());
        long child = unit(a, "A1", code());
        long grandchild = unit(child, "A11", code());
        organization.moveUnit(system, child, b);
        assertThat(organization.requireUnit(grandchild).path())
                .isEqualTo("/" + b + "/" + child + "/" + grandchild + "/");
        assertThat(organization.children(b)).extracting(Views.UnitView::id).containsExactly(child);
    }

    @Test
    void a_duplicate_code_is_refused() {
        String code = code();
        unit(null, "Một", code);
        assertThatThrownBy(() -> unit(null, "Hai", code))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("duplicate-code");
    }

    @Test
    void a_new_code_closes_the_old_one_which_still_finds_the_unit() {
        String old = code();
        long id = unit(null, "Sở cũ", old);
        String replacement = code();
        organization.changeCode(system, id, CodeScheme.QCVN102, replacement, LocalDate.of(2025, 7, 1));

        assertThat(organization.requireUnit(id).code()).isEqualTo(replacement);
        assertThat(organization.unitByCode(old)).map(Views.UnitView::id).contains(id);
        assertThat(organization.codeHistory(id))
                .contains(new Views.CodeView(
                        old, CodeScheme.QCVN102, LocalDate.now(), LocalDate.of(2025, 6, 30), replacement));
    }

    @Test
    void a_unit_with_active_sub_units_cannot_be_dissolved() {
        long top = unit(null, "Sở giải thể", code());
        long child = unit(top, "Phòng", code());
        assertThatThrownBy(() -> organization.dissolveUnit(system, top, LocalDate.now()))
                .hasMessageContaining("active-children");
        organization.dissolveUnit(system, child, LocalDate.now());
        organization.dissolveUnit(system, top, LocalDate.now());
        assertThat(organization.requireUnit(top).active()).isFalse();
    }

    @Test
    void an_officer_can_hold_concurrent_positions_in_several_units() {
        long a = unit(null, "Sở A", code());
        long b = unit(null, "Sở B", code());
        long officer = organization.createOfficer(system, new NewOfficer("Trần Thị Bích", null, null, a, "GIAM_DOC"));
        organization.appoint(system, officer, b, "PHO_GIAM_DOC", false, LocalDate.now());
        var view = organization.requireOfficer(officer);
        assertThat(view.appointments()).hasSize(2);
        assertThat(view.mainAppointment().unitId()).isEqualTo(a);
        assertThat(organization.officersIn(b)).extracting(Views.OfficerView::id).contains(officer);
    }

    @Test
    void a_delegation_is_usable_only_within_its_period() {
        long unit = unit(null, "UBND thử", code());
        long chair = organization.createOfficer(system, new NewOfficer("Lê Văn Chủ", null, null, unit, "CHU_TICH"));
        long deputy =
                organization.createOfficer(system, new NewOfficer("Phạm Văn Phó", null, null, unit, "PHO_CHU_TICH"));
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2026, 3, 31);
        organization.delegate(
                system, new NewDelegation(chair, deputy, unit, DelegatedRight.SIGNING, from, to, "Đi công tác"));

        assertThat(organization
                        .requireDelegation(chair, deputy, DelegatedRight.SIGNING, LocalDate.of(2026, 3, 15))
                        .validTo())
                .isEqualTo(to);
        assertThatThrownBy(() ->
                        organization.requireDelegation(chair, deputy, DelegatedRight.SIGNING, LocalDate.of(2026, 4, 2)))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code())
                .isEqualTo("organization.error.delegation-expired");
        assertThatThrownBy(() -> organization.requireDelegation(
                        chair, deputy, DelegatedRight.ASSIGNMENT, LocalDate.of(2026, 3, 15)))
                .extracting(e -> ((RuleViolation) e).code())
                .isEqualTo("organization.error.delegation-missing");
    }

    @Test
    void a_unit_administrator_changes_only_their_own_subtree() {
        long mine = unit(null, "Sở của tôi", code());
        long inside = unit(mine, "Phòng trong", code());
        long other = unit(null, "Sở khác", code());
        var unitAdmin = new UserScope(
                1,
                "qt",
                null,
                List.of(new UserScope.Grant(
                        Role.UNIT_ADMIN, mine, organization.requireUnit(mine).path())));

        organization.updateUnit(unitAdmin, inside, "Phòng trong (đổi tên)", "PT", UnitKind.DIVISION);
        assertThat(organization.requireUnit(inside).name()).isEqualTo("Phòng trong (đổi tên)");
        assertThatThrownBy(() -> organization.updateUnit(unitAdmin, other, "Chiếm", "C", UnitKind.DIVISION))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> organization.moveUnit(unitAdmin, inside, other))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(organization.requireUnit(other).name()).isEqualTo("Sở khác");
    }

    @Test
    void search_ignores_diacritics_and_case() {
        unit(null, "Sở Nông nghiệp và Môi trường Thử", code());
        assertThat(organization.searchUnits("nong nghiep va moi truong thu", 10))
                .extracting(Views.UnitView::name)
                .contains("Sở Nông nghiệp và Môi trường Thử");
    }
}
