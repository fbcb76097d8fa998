package vn.sen.meetings;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import vn.sen.organization.Organization;
import vn.sen.shared.Role;
import vn.sen.shared.UserScope;

/**
 * Statistics of the meetings a user organises (thống kê cuộc họp): for a year, by the day they were planned to
 * start — meetings held, cancelled and still ahead; attendance of the meetings held; documents published to
 * them and the pages of paper not printed (each participant would have had a copy of each page); votes held;
 * conclusion notices issued on time, late, overdue or not needed.
 */
@Service
public class MeetingStatistics {

    /** One year's figures for the units the user organises meetings for. */
    public record Report(
            int year,
            int held,
            int cancelled,
            int ahead,
            int participants,
            int present,
            int substitutes,
            int documents,
            long pagesSaved,
            int votes,
            int conclusionsOnTime,
            int conclusionsLate,
            int conclusionsPending,
            int conclusionsWaived) {

        /** Share of the invited who were present at the meetings held, in whole percent. */
        public int attendancePercent() {
            return participants == 0 ? 0 : Math.round(100f * present / participants);
        }
    }

    private final JdbcClient jdbc;
    private final Organization organization;
    private final Conclusions conclusions;

    MeetingStatistics(JdbcClient jdbc, Organization organization, Conclusions conclusions) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.conclusions = conclusions;
    }

    public Report of(UserScope user, int year) {
        List<Long> units = organization.unitIdsUnder(user.subtrees(Role.MEETING_SECRETARY, Role.LEADER));
        if (units.isEmpty()) {
            throw new AccessDeniedException("organises no meetings");
        }
        Long[] scope = units.toArray(Long[]::new);
        var from = LocalDate.of(year, 1, 1).atStartOfDay(MeetingText.ZONE).toOffsetDateTime();
        var to = LocalDate.of(year + 1, 1, 1).atStartOfDay(MeetingText.ZONE).toOffsetDateTime();
        String inYear = " m.unit_id = any(:units) and m.starts_at >= :from and m.starts_at < :to";
        int[] meetings = jdbc.sql("""
                select count(*) filter (where m.state = 'CLOSED'),
                       count(*) filter (where m.state = 'CANCELLED'),
                       count(*) filter (where m.state in ('DRAFT', 'INVITED', 'OPEN'))
                from meetings.meeting m where """ + inYear)
                .param("units", scope)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)})
                .single();
        int[] attendance = jdbc.sql("""
                select count(*), count(p.checked_in_at),
                       count(*) filter (where p.attendee_officer_id is not null
                                        and p.attendee_officer_id is distinct from p.officer_id)
                from meetings.participant p join meetings.meeting m on m.id = p.meeting_id
                where m.state = 'CLOSED' and """ + inYear)
                .param("units", scope)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)})
                .single();
        long[] paper = jdbc.sql("""
                select count(*), coalesce(sum(v.pages * (select count(*) from meetings.participant p
                                                        where p.meeting_id = m.id)), 0)
                from meetings.document d
                join meetings.meeting m on m.id = d.meeting_id
                join lateral (select pages from meetings.document_version v
                              where v.document_id = d.id and v.approved_at is not null
                              order by v.version desc limit 1) v on true
                where m.state = 'CLOSED' and not d.withdrawn and """ + inYear)
                .param("units", scope)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        int votes = jdbc.sql("""
                select count(*) from meetings.vote x join meetings.meeting m on m.id = x.meeting_id
                where x.state = 'CLOSED' and """ + inYear)
                .param("units", scope)
                .param("from", from)
                .param("to", to)
                .query(Integer.class)
                .single();
        // the notices of the meetings held, in one reading; the due day follows the working-day calendar
        record Notice(java.time.Instant closedAt, String state, LocalDate issuedOn) {}
        List<Notice> notices = jdbc.sql("""
                select m.closed_at, c.state, c.issued_on from meetings.meeting m
                left join meetings.conclusion c on c.meeting_id = m.id
                where m.state = 'CLOSED' and m.closed_at is not null and """ + inYear)
                .param("units", scope)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Notice(
                        Meetings.instant(rs, "closed_at"),
                        rs.getString("state"),
                        rs.getObject("issued_on", LocalDate.class)))
                .list();
        int onTime = 0;
        int late = 0;
        int pending = 0;
        int waived = 0;
        for (Notice notice : notices) {
            if ("WAIVED".equals(notice.state())) {
                waived++;
            } else if (!"ISSUED".equals(notice.state())) {
                pending++;
            } else if (notice.issuedOn()
                    .isAfter(conclusions.dueOn(LocalDate.ofInstant(notice.closedAt(), MeetingText.ZONE)))) {
                late++;
            } else {
                onTime++;
            }
        }
        return new Report(
                year,
                meetings[0],
                meetings[1],
                meetings[2],
                attendance[0],
                attendance[1],
                attendance[2],
                (int) paper[0],
                paper[1],
                votes,
                onTime,
                late,
                pending,
                waived);
    }
}
