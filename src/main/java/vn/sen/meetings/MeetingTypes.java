package vn.sen.meetings;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.meetings.MeetingViews.MeetingTypeView;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * Meeting types (loại cuộc họp), the same for the whole installation: the invitation lead time in working
 * days and the longest a meeting may last. The system administrator adjusts them.
 */
@Service
public class MeetingTypes {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    MeetingTypes(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public List<MeetingTypeView> all() {
        return jdbc.sql("select * from meetings.meeting_type order by lead_working_days desc, id")
                .query((rs, n) -> new MeetingTypeView(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name_vi"),
                        rs.getString("name_en"),
                        rs.getInt("lead_working_days"),
                        rs.getInt("max_minutes"),
                        rs.getBoolean("active")))
                .list();
    }

    public List<MeetingTypeView> active() {
        return all().stream().filter(MeetingTypeView::active).toList();
    }

    public MeetingTypeView require(long id) {
        return all().stream()
                .filter(t -> t.id() == id)
                .findFirst()
                .orElseThrow(() -> new RuleViolation("meetings.error.type"));
    }

    @Transactional
    public void update(UserScope user, long id, int leadWorkingDays, int maxMinutes, boolean active) {
        if (!user.has(Role.SYSTEM_ADMIN)) {
            throw new AccessDeniedException("system administrator only");
        }
        MeetingTypeView type = require(id);
        if (leadWorkingDays < 0 || leadWorkingDays > 30) {
            throw new RuleViolation("meetings.error.lead-days", "0", "30");
        }
        if (maxMinutes < 15 || maxMinutes > 1440) {
            throw new RuleViolation("meetings.error.max-minutes", "15", "1440");
        }
        jdbc.sql(
                        "update meetings.meeting_type set lead_working_days = :l, max_minutes = :m, active = :a where id = :id")
                .param("l", leadWorkingDays)
                .param("m", maxMinutes)
                .param("a", active)
                .param("id", id)
                .update();
        events.publishEvent(new MeetingChanged(
                user.username(),
                0,
                "type.updated",
                type.code() + " lead=" + leadWorkingDays + " max=" + maxMinutes + " active=" + active));
    }
}
