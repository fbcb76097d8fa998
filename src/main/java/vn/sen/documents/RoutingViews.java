package vn.sen.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Records of routing (luân chuyển xử lý): assignments, history and the inbox. */
public final class RoutingViews {

    private RoutingViews() {}

    /** What an assignee is asked to do (vai trò xử lý). */
    public enum AssignmentRole {
        /** Trình: presented to a leader for a decision on routing. */
        PRESENTED,
        /** Xử lý chính / chủ trì. */
        LEAD,
        /** Phối hợp. */
        COORDINATING,
        /** Nhận để biết. */
        INFORMATION
    }

    /** Processing state of one assignee (trạng thái xử lý). */
    public enum AssignmentState {
        PENDING,
        IN_PROGRESS,
        /** Handed down to a division or specialist, who now works on it. */
        FORWARDED,
        DONE,
        RETURNED,
        /** Ended because the sender recalled the document. */
        CANCELLED;

        public boolean active() {
            return this == PENDING || this == IN_PROGRESS || this == FORWARDED;
        }
    }

    /** A unit or an officer to route to. */
    public record Assignee(Long unitId, Long officerId) {

        public Assignee {
            if ((unitId == null) == (officerId == null)) {
                throw new IllegalArgumentException("an assignee is a unit or an officer");
            }
        }

        public static Assignee unit(long id) {
            return new Assignee(id, null);
        }

        public static Assignee officer(long id) {
            return new Assignee(null, id);
        }

        /** Parses {@code unit:12} or {@code officer:34} as the forms send them; null for anything else. */
        public static Assignee parse(String value) {
            if (value == null) {
                return null;
            }
            String[] parts = value.split(":", 2);
            if (parts.length != 2 || !parts[1].matches("\\d{1,18}")) {
                return null;
            }
            return switch (parts[0]) {
                case "unit" -> unit(Long.parseLong(parts[1]));
                case "officer" -> officer(Long.parseLong(parts[1]));
                default -> null;
            };
        }
    }

    /** A leader's routing decision (ý kiến chỉ đạo): one lead, any coordinating and informed assignees. */
    public record Assignment(
            Assignee lead, List<Assignee> coordinating, List<Assignee> information, String direction, LocalDate dueOn) {

        public Assignment {
            coordinating = coordinating == null ? List.of() : List.copyOf(coordinating);
            information = information == null ? List.of() : List.copyOf(information);
        }
    }

    /** One assignment as shown on the document page. */
    public record AssignmentView(
            long id,
            Long parentId,
            String assignee,
            Long unitId,
            Long officerId,
            AssignmentRole role,
            AssignmentState state,
            String direction,
            LocalDate dueOn,
            String assignedBy,
            Instant assignedAt,
            String result) {

        public boolean overdue(LocalDate today) {
            return state.active() && dueOn != null && dueOn.isBefore(today);
        }
    }

    /** One line of the document's history (lịch sử xử lý). */
    public record HistoryEntry(Instant at, String actor, String action, String assignee, String text) {}

    /** The views of a personal inbox (hộp văn bản). */
    public enum InboxView {
        /** Chờ xử lý. */
        PENDING,
        /** Đang xử lý. */
        IN_PROGRESS,
        /** Sắp đến hạn. */
        DUE_SOON,
        /** Quá hạn. */
        OVERDUE,
        /** Để biết. */
        INFORMATION,
        /** Mới vào sổ, chưa trình: the clerk's queue. */
        UNPRESENTED
    }

    /** A line of the inbox. */
    public record InboxRow(
            Long assignmentId,
            long documentId,
            int arrivalNumber,
            int year,
            String numberAndNotation,
            String subject,
            String issuerName,
            Urgency urgency,
            Confidentiality confidentiality,
            AssignmentRole role,
            AssignmentState state,
            LocalDate dueOn,
            String assignedBy,
            String direction) {

        public boolean overdue(LocalDate today) {
            return state != null && state.active() && dueOn != null && dueOn.isBefore(today);
        }
    }
}
