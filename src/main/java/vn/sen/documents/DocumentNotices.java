package vn.sen.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.moments.HourHasPassed;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.calendar.WorkingDays;
import vn.sen.documents.RoutingViews.Assignee;
import vn.sen.documents.RoutingViews.AssignmentRole;
import vn.sen.notifications.Notifications;
import vn.sen.notifications.Notifications.Notice;
import vn.sen.notifications.Notifications.Recipients;
import vn.sen.shared.Role;

/**
 * What documents tell people through {@code notifications}: a new assignment (in the app; by e-mail
 * too when the document is urgent), and every morning the reminders of deadlines — "sắp đến hạn" within
 * {@code sen.documents.due-soon-working-days} working days and "quá hạn" once the day has passed — by
 * e-mail as well. Work sent to a unit reaches its leaders and clerks.
 */
@Component
class DocumentNotices {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Set<Role> UNIT_HOLDERS = Set.of(Role.LEADER, Role.CLERK);

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final WorkingDays workingDays;
    private final MessageSource messages;
    private final Clock clock;
    private final int remindWorkingDays;
    private final int remindHour;

    DocumentNotices(
            JdbcClient jdbc,
            Notifications notifications,
            WorkingDays workingDays,
            MessageSource messages,
            Clock clock,
            @Value("${sen.documents.due-soon-working-days:2}") int remindWorkingDays,
            @Value("${sen.documents.remind-hour:7}") int remindHour) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.workingDays = workingDays;
        this.messages = messages;
        this.clock = clock;
        this.remindWorkingDays = remindWorkingDays;
        this.remindHour = remindHour;
    }

    private record Doc(long id, String number, String subject, Urgency urgency) {

        String title() {
            return (number.isEmpty() ? "" : number + " — ") + subject;
        }
    }

    private Doc doc(long id) {
        return jdbc.sql(
                        "select id, code_number, code_notation, subject, urgency from documents.incoming where id = :id")
                .param("id", id)
                .query((rs, n) -> new Doc(
                        rs.getLong(1),
                        IncomingViews.numberAndNotation(rs.getString(2), rs.getString(3)),
                        rs.getString(4),
                        Urgency.valueOf(rs.getString(5))))
                .single();
    }

    private static Recipients to(Assignee assignee) {
        return assignee.officerId() != null
                ? Recipients.officers(List.of(assignee.officerId()))
                : new Recipients(List.of(), List.of(assignee.unitId()), UNIT_HOLDERS);
    }

    /** A new assignment (giao, chuyển): tell whoever now holds it. */
    void assigned(long assignmentId, long documentId, Assignee assignee, AssignmentRole role, LocalDate dueOn) {
        if (role == AssignmentRole.PRESENTED && assignee.officerId() == null) {
            return;
        }
        Doc doc = doc(documentId);
        String roleName = messages.getMessage("routing.role." + role.name(), null, role.name(), VIETNAMESE);
        notifications.send(
                to(assignee),
                new Notice(
                        "assigned:" + assignmentId,
                        (doc.urgency().urgent()
                                        ? "["
                                                + messages.getMessage(
                                                        "urgency."
                                                                + doc.urgency().name(),
                                                        null,
                                                        "",
                                                        VIETNAMESE)
                                                + "] "
                                        : "")
                                + "Văn bản đến cần xử lý (" + roleName.toLowerCase(VIETNAMESE) + "): " + doc.title(),
                        dueOn == null ? "" : "Hạn xử lý: " + DAY.format(dueOn),
                        "/documents/incoming/" + documentId,
                        doc.urgency().urgent()));
    }

    @EventListener
    void on(HourHasPassed hour) {
        if (hour.getTime().getHour() == remindHour) {
            remind(LocalDate.now(clock));
        }
    }

    /**
     * The reminders of {@code today}: open leads and coordinators whose deadline is within the window
     * or has passed. Each goes once per assignment and deadline, however often this runs.
     */
    @Transactional
    int remind(LocalDate today) {
        LocalDate horizon = workingDays.plusWorkingDays(today, remindWorkingDays);
        record Due(long assignment, Doc doc, Long unit, Long officer, LocalDate dueOn) {}
        List<Due> due = jdbc.sql("""
                select a.id, a.unit_id, a.officer_id, a.due_on, d.id, d.code_number, d.code_notation, d.subject,
                       d.urgency
                from documents.assignment a join documents.incoming d on d.id = a.incoming_id
                where a.state in ('PENDING', 'IN_PROGRESS') and a.role in ('LEAD', 'COORDINATING')
                  and a.due_on is not null and a.due_on <= :horizon
                order by a.due_on, a.id
                """)
                .param("horizon", horizon)
                .query((rs, n) -> new Due(
                        rs.getLong(1),
                        new Doc(
                                rs.getLong(5),
                                IncomingViews.numberAndNotation(rs.getString(6), rs.getString(7)),
                                rs.getString(8),
                                Urgency.valueOf(rs.getString(9))),
                        (Long) rs.getObject(2),
                        (Long) rs.getObject(3),
                        rs.getObject(4, LocalDate.class)))
                .list();
        int sent = 0;
        for (Due d : due) {
            Doc doc = d.doc();
            boolean overdue = d.dueOn().isBefore(today);
            int late = overdue ? workingDays.workingDaysBetween(d.dueOn(), today) : 0;
            String when = overdue
                    ? "Đã quá hạn" + (late > 0 ? " " + late + " ngày làm việc" : "") + " (hạn " + DAY.format(d.dueOn())
                            + ")."
                    : d.dueOn().equals(today)
                            ? "Hạn xử lý là hôm nay (" + DAY.format(d.dueOn()) + ")."
                            : "Hạn xử lý: " + DAY.format(d.dueOn()) + ", còn "
                                    + workingDays.workingDaysBetween(today, d.dueOn()) + " ngày làm việc.";
            sent += notifications.send(
                    to(new Assignee(d.unit(), d.officer())),
                    new Notice(
                            (overdue ? "overdue:" : "due-soon:") + d.assignment() + ":" + d.dueOn(),
                            (overdue ? "Văn bản quá hạn xử lý: " : "Văn bản sắp đến hạn xử lý: ") + doc.title(),
                            when,
                            "/documents/incoming/" + doc.id(),
                            true));
        }
        return sent;
    }
}
