package vn.sen.meetings;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.meetings.MeetingViews.AgendaItemView;
import vn.sen.meetings.MeetingViews.MeetingView;
import vn.sen.organization.Organization;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/** The agenda (chương trình họp): items in order, each with its presenter and planned minutes. */
@Service
public class Agenda {

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final Organization organization;
    private final ApplicationEventPublisher events;

    Agenda(JdbcClient jdbc, Meetings meetings, Organization organization, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.organization = organization;
        this.events = events;
    }

    /** The presenter is an officer ({@code presenterOfficerId}) or a name typed in (a guest, a unit). */
    public record ItemForm(String title, Long presenterOfficerId, String presenterName, int plannedMinutes) {}

    @Transactional
    public long add(UserScope user, long meetingId, ItemForm form) {
        MeetingView meeting = meetings.requireOrganiser(user, meetingId);
        Meetings.requireChangeable(meeting);
        check(form);
        long id = jdbc.sql("""
                insert into meetings.agenda_item (meeting_id, position, title, presenter_officer_id, presenter_name,
                    planned_minutes)
                values (:m, (select coalesce(max(position), 0) + 1 from meetings.agenda_item where meeting_id = :m),
                    :title, :presenter, :name, :minutes)
                returning id
                """)
                .param("m", meetingId)
                .param("title", Meetings.required(form.title(), 500, "meetings.error.item-title"))
                .param("presenter", form.presenterOfficerId())
                .param("name", Meetings.optional(form.presenterName(), 200))
                .param("minutes", form.plannedMinutes())
                .query(Long.class)
                .single();
        events.publishEvent(new MeetingChanged(user.username(), meetingId, "agenda.added", form.title()));
        return id;
    }

    @Transactional
    public void update(UserScope user, long meetingId, long itemId, ItemForm form) {
        Meetings.requireChangeable(meetings.requireOrganiser(user, meetingId));
        require(meetingId, itemId);
        check(form);
        jdbc.sql("""
                update meetings.agenda_item set title = :title, presenter_officer_id = :presenter,
                    presenter_name = :name, planned_minutes = :minutes
                where id = :id
                """)
                .param("title", Meetings.required(form.title(), 500, "meetings.error.item-title"))
                .param("presenter", form.presenterOfficerId())
                .param("name", Meetings.optional(form.presenterName(), 200))
                .param("minutes", form.plannedMinutes())
                .param("id", itemId)
                .update();
        events.publishEvent(new MeetingChanged(user.username(), meetingId, "agenda.updated", form.title()));
    }

    /** Moves an item one place up ({@code -1}) or down ({@code +1}). */
    @Transactional
    public void move(UserScope user, long meetingId, long itemId, int direction) {
        Meetings.requireChangeable(meetings.requireOrganiser(user, meetingId));
        AgendaItemView item = require(meetingId, itemId);
        int target = item.position() + Integer.signum(direction);
        int swapped = jdbc.sql("""
                update meetings.agenda_item set position = :from where meeting_id = :m and position = :to
                """)
                .param("from", item.position())
                .param("m", meetingId)
                .param("to", target)
                .update();
        if (swapped == 1) {
            jdbc.sql("update meetings.agenda_item set position = :to where id = :id")
                    .param("to", target)
                    .param("id", itemId)
                    .update();
        }
    }

    @Transactional
    public void remove(UserScope user, long meetingId, long itemId) {
        Meetings.requireChangeable(meetings.requireOrganiser(user, meetingId));
        AgendaItemView item = require(meetingId, itemId);
        if (item.startedAt() != null) {
            throw new RuleViolation("meetings.error.item-started");
        }
        jdbc.sql("delete from meetings.agenda_item where id = :id")
                .param("id", itemId)
                .update();
        jdbc.sql("update meetings.agenda_item set position = position - 1 where meeting_id = :m and position > :p")
                .param("m", meetingId)
                .param("p", item.position())
                .update();
        events.publishEvent(new MeetingChanged(user.username(), meetingId, "agenda.removed", item.title()));
    }

    public List<AgendaItemView> items(long meetingId) {
        record Row(
                long id,
                int position,
                String title,
                Long presenter,
                String name,
                int minutes,
                java.time.Instant started,
                java.time.Instant ended) {}
        List<Row> rows = jdbc.sql("select * from meetings.agenda_item where meeting_id = :m order by position")
                .param("m", meetingId)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getInt("position"),
                        rs.getString("title"),
                        rs.getObject("presenter_officer_id", Long.class),
                        rs.getString("presenter_name"),
                        rs.getInt("planned_minutes"),
                        Meetings.instant(rs, "started_at"),
                        Meetings.instant(rs, "ended_at")))
                .list();
        Map<Long, String> names = organization.officerNames(
                rows.stream().map(Row::presenter).filter(Objects::nonNull).toList());
        return rows.stream()
                .map(r -> new AgendaItemView(
                        r.id(),
                        r.position(),
                        r.title(),
                        r.presenter(),
                        r.presenter() != null ? names.get(r.presenter()) : r.name(),
                        r.minutes(),
                        r.started(),
                        r.ended()))
                .toList();
    }

    AgendaItemView require(long meetingId, long itemId) {
        return items(meetingId).stream()
                .filter(i -> i.id() == itemId)
                .findFirst()
                .orElseThrow(() -> new RuleViolation("meetings.error.item"));
    }

    private void check(ItemForm form) {
        if (form.plannedMinutes() < 0 || form.plannedMinutes() > 1440) {
            throw new RuleViolation("meetings.error.item-minutes");
        }
        if (form.presenterOfficerId() != null) {
            organization.requireOfficer(form.presenterOfficerId());
        }
    }
}
