package vn.sen.organization;

import java.time.LocalDate;
import java.util.List;

/** Read records the module hands out; entities never leave it. */
public final class Views {

    private Views() {}

    /** A unit as others see it, with its current codes. */
    public record UnitView(
            long id,
            Long parentId,
            UnitKind kind,
            String name,
            String shortName,
            String path,
            String code,
            String axisCode,
            LocalDate dissolvedOn,
            int childCount) {

        public boolean active() {
            return dissolvedOn == null;
        }

        public int depth() {
            return (int) path.chars().filter(c -> c == '/').count() - 2;
        }
    }

    /** One entry of a unit's code history. */
    public record CodeView(String code, CodeScheme scheme, LocalDate validFrom, LocalDate validTo, String replacedBy) {}

    public record PositionView(String code, String nameVi, String nameEn, boolean leader) {}

    public record OfficerView(
            long id, String fullName, String email, String phone, boolean active, List<AppointmentView> appointments) {

        /** The main position, or the first one held. */
        public AppointmentView mainAppointment() {
            return appointments.stream()
                    .filter(AppointmentView::main)
                    .findFirst()
                    .orElse(appointments.isEmpty() ? null : appointments.getFirst());
        }
    }

    /** A position held in a unit (chức vụ, kiêm nhiệm when not main). */
    public record AppointmentView(
            long unitId,
            String unitName,
            String unitPath,
            String positionCode,
            String positionName,
            boolean main,
            LocalDate validFrom,
            LocalDate validTo) {}

    public record DelegationView(
            long id,
            long fromOfficerId,
            String fromName,
            long toOfficerId,
            String toName,
            long unitId,
            DelegatedRight right,
            LocalDate validFrom,
            LocalDate validTo,
            String note,
            boolean revoked) {

        public boolean validOn(LocalDate day) {
            return !revoked && !day.isBefore(validFrom) && !day.isAfter(validTo);
        }
    }
}
