package vn.sen.meetings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.moments.HourHasPassed;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.notifications.Notifications;
import vn.sen.notifications.Notifications.Notice;
import vn.sen.notifications.Notifications.Recipients;
import vn.sen.organization.Organization;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * Opinion collection (lấy ý kiến): a unit's meeting secretaries or leaders put a question, with documents
 * and a deadline, to chosen officers — before a meeting or instead of one. Each answers agree, disagree or
 * other, with a comment, and may change the answer until the deadline; those who have not answered are
 * reminded a day before it; the summary counts the answers and lists the comments.
 */
@Service
public class Opinions {

    /** Đồng ý / Không đồng ý / Ý kiến khác. */
    public enum Choice {
        AGREE,
        DISAGREE,
        OTHER
    }

    public record NewRequest(
            long unitId,
            Long meetingId,
            String title,
            String question,
            LocalDateTime deadline,
            Collection<Long> officerIds,
            List<UUID> fileIds) {}

    public record RequestView(
            long id,
            long unitId,
            String unitName,
            Long meetingId,
            String title,
            String question,
            Instant deadline,
            String createdBy,
            Instant closedAt,
            List<StoredFile> documents,
            List<Long> recipients) {

        public boolean open(Instant now) {
            return closedAt == null && now.isBefore(deadline);
        }

        public String due() {
            return MeetingText.dateTime(deadline);
        }
    }

    public record AnswerView(long officerId, String name, Choice choice, String comment, Instant answeredAt) {

        public String answered() {
            return MeetingText.moment(answeredAt);
        }
    }

    /** Counts per choice, every answer with its comment, and who has not answered. */
    public record Summary(Map<Choice, Integer> counts, List<AnswerView> answers, List<String> missing) {}

    /** What the user may do with one request. */
    public record Rights(boolean manager, boolean recipient) {}

    private static final Duration REMIND_BEFORE = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Organization organization;
    private final FileManagement files;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Opinions(
            JdbcClient jdbc,
            Organization organization,
            FileManagement files,
            Notifications notifications,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.files = files;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public long ask(UserScope user, NewRequest form) {
        UnitView unit = organization
                .unit(form.unitId())
                .filter(UnitView::active)
                .orElseThrow(() -> new RuleViolation("meetings.error.unit"));
        if (!user.hasIn(unit.path(), Role.MEETING_SECRETARY, Role.LEADER)) {
            throw new AccessDeniedException("may not collect opinions for unit " + unit.id());
        }
        if (form.deadline() == null) {
            throw new RuleViolation("meetings.error.opinion-deadline");
        }
        Instant deadline = form.deadline().atZone(MeetingText.ZONE).toInstant();
        if (!deadline.isAfter(clock.instant().plus(Duration.ofHours(1)))) {
            throw new RuleViolation("meetings.error.opinion-deadline");
        }
        var recipients = new LinkedHashSet<>(form.officerIds() == null ? List.<Long>of() : form.officerIds());
        if (recipients.isEmpty()) {
            throw new RuleViolation("meetings.error.opinion-recipients");
        }
        long id = jdbc.sql("""
                insert into meetings.opinion_request (unit_id, meeting_id, title, question, deadline, created_by)
                values (:u, :m, :title, :q, :deadline, :by) returning id
                """)
                .param("u", unit.id())
                .param("m", form.meetingId())
                .param("title", Meetings.required(form.title(), 500, "meetings.error.opinion-title"))
                .param("q", Meetings.required(form.question(), 4000, "meetings.error.opinion-question"))
                .param("deadline", Meetings.offset(deadline))
                .param("by", user.username())
                .query(Long.class)
                .single();
        for (long officer : recipients) {
            organization.requireOfficer(officer);
            jdbc.sql("insert into meetings.opinion_recipient (request_id, officer_id) values (:r, :o)")
                    .param("r", id)
                    .param("o", officer)
                    .update();
        }
        int position = 0;
        for (UUID file : form.fileIds() == null ? List.<UUID>of() : form.fileIds()) {
            files.require(file);
            jdbc.sql("insert into meetings.opinion_document (request_id, position, file_id) values (:r, :p, :f)")
                    .param("r", id)
                    .param("p", ++position)
                    .param("f", file)
                    .update();
        }
        events.publishEvent(new MeetingChanged(
                user.username(), form.meetingId() == null ? 0 : form.meetingId(), "opinion.asked", "opinion:" + id));
        notifications.send(
                Recipients.officers(recipients),
                new Notice(
                        "opinion:" + id + ":asked",
                        "Xin ý kiến: " + form.title().strip(),
                        form.question().strip() + "\nHạn trả lời: " + MeetingText.dateTime(deadline),
                        "/meetings/opinions/" + id,
                        true));
        return id;
    }

    /** Answers, or changes the answer, before the deadline. */
    @Transactional
    public void answer(UserScope user, long requestId, Choice choice, String comment) {
        RequestView request = require(requestId);
        if (user.officerId() == null || !request.recipients().contains(user.officerId())) {
            throw new AccessDeniedException("not asked in opinion request " + requestId);
        }
        if (!request.open(clock.instant())) {
            throw new RuleViolation("meetings.error.opinion-closed");
        }
        if (choice == null) {
            throw new RuleViolation("meetings.error.opinion-choice");
        }
        String text = Meetings.optional(comment, 4000);
        if (choice != Choice.AGREE && text.isEmpty()) {
            throw new RuleViolation("meetings.error.opinion-comment");
        }
        jdbc.sql("""
                insert into meetings.opinion_answer (request_id, officer_id, choice, comment, answered_by)
                values (:r, :o, :c, :comment, :by)
                on conflict (request_id, officer_id) do update set choice = excluded.choice,
                    comment = excluded.comment, answered_at = now(), answered_by = excluded.answered_by
                """)
                .param("r", requestId)
                .param("o", user.officerId())
                .param("c", choice.name())
                .param("comment", text)
                .param("by", user.username())
                .update();
        events.publishEvent(new MeetingChanged(
                user.username(),
                request.meetingId() == null ? 0 : request.meetingId(),
                "opinion.answered",
                "opinion:" + requestId + " " + choice));
    }

    /** Closes the collection before its deadline (no answers after). */
    @Transactional
    public void close(UserScope user, long requestId) {
        RequestView request = require(requestId);
        if (!rights(user, request).manager()) {
            throw new AccessDeniedException("may not close opinion request " + requestId);
        }
        jdbc.sql("update meetings.opinion_request set closed_at = now() where id = :id and closed_at is null")
                .param("id", requestId)
                .update();
        events.publishEvent(new MeetingChanged(
                user.username(),
                request.meetingId() == null ? 0 : request.meetingId(),
                "opinion.closed",
                "opinion:" + requestId));
    }

    /** Every hour: those who have not answered hear a day before the deadline (once). */
    @EventListener
    void on(HourHasPassed hour) {
        remindDue();
    }

    @Transactional
    public int remindDue() {
        List<Long> due = jdbc.sql("""
                update meetings.opinion_request set reminded_at = now()
                where closed_at is null and reminded_at is null and deadline > now() and deadline <= :limit
                returning id
                """)
                .param("limit", Meetings.offset(clock.instant().plus(REMIND_BEFORE)))
                .query(Long.class)
                .list();
        int sent = 0;
        for (long id : due) {
            RequestView request = require(id);
            List<Long> missing = jdbc.sql("""
                    select r.officer_id from meetings.opinion_recipient r
                    where r.request_id = :r
                      and not exists (select 1 from meetings.opinion_answer a
                                      where a.request_id = r.request_id and a.officer_id = r.officer_id)
                    """).param("r", id).query(Long.class).list();
            if (!missing.isEmpty()) {
                sent += notifications.send(
                        Recipients.officers(missing),
                        new Notice(
                                "opinion:" + id + ":reminder",
                                "Sắp hết hạn cho ý kiến: " + request.title(),
                                "Hạn trả lời: " + request.due(),
                                "/meetings/opinions/" + id,
                                true));
            }
        }
        return sent;
    }

    // ---- reading --------------------------------------------------------------------------------

    public Rights rights(UserScope user, RequestView request) {
        boolean manager = user.username().equals(request.createdBy())
                || user.hasIn(organization.requireUnit(request.unitId()).path(), Role.MEETING_SECRETARY, Role.LEADER);
        boolean recipient = user.officerId() != null && request.recipients().contains(user.officerId());
        return new Rights(manager, recipient);
    }

    /** The request, if the user manages it or was asked. */
    public RequestView read(UserScope user, long requestId) {
        RequestView request = require(requestId);
        Rights rights = rights(user, request);
        if (!rights.manager() && !rights.recipient()) {
            throw new AccessDeniedException("opinion request " + requestId);
        }
        return request;
    }

    public Optional<AnswerView> mine(UserScope user, long requestId) {
        return answers(requestId).stream()
                .filter(a -> user.officerId() != null && a.officerId() == user.officerId())
                .findFirst();
    }

    public Summary summary(UserScope user, long requestId) {
        RequestView request = require(requestId);
        if (!rights(user, request).manager()) {
            throw new AccessDeniedException("may not see the answers of opinion request " + requestId);
        }
        List<AnswerView> answers = answers(requestId);
        Map<Choice, Integer> counts = new EnumMap<>(Choice.class);
        for (Choice c : Choice.values()) {
            counts.put(c, (int) answers.stream().filter(a -> a.choice() == c).count());
        }
        List<Long> answered = answers.stream().map(AnswerView::officerId).toList();
        List<Long> missing =
                request.recipients().stream().filter(o -> !answered.contains(o)).toList();
        Map<Long, String> names = organization.officerNames(missing);
        return new Summary(counts, answers, missing.stream().map(names::get).toList());
    }

    /** Requests the user manages or was asked, newest first. */
    public List<RequestView> list(UserScope user, int limit) {
        List<Long> units = organization.unitIdsUnder(user.subtrees(Role.MEETING_SECRETARY, Role.LEADER));
        List<Long> ids = jdbc.sql("""
                select r.id from meetings.opinion_request r
                where r.created_by = :me or r.unit_id = any(:units)
                   or exists (select 1 from meetings.opinion_recipient x where x.request_id = r.id and x.officer_id = :o)
                order by r.id desc limit :limit
                """)
                .param("me", user.username())
                .param("units", units.toArray(Long[]::new))
                .param("o", user.officerId() == null ? -1 : user.officerId())
                .param("limit", limit)
                .query(Long.class)
                .list();
        List<RequestView> views = new ArrayList<>();
        ids.forEach(id -> views.add(require(id)));
        return views;
    }

    RequestView require(long requestId) {
        record Row(
                long id,
                long unit,
                Long meeting,
                String title,
                String question,
                Instant deadline,
                String by,
                Instant closed) {}
        Row row = jdbc.sql("select * from meetings.opinion_request where id = :id")
                .param("id", requestId)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getLong("unit_id"),
                        rs.getObject("meeting_id", Long.class),
                        rs.getString("title"),
                        rs.getString("question"),
                        Meetings.instant(rs, "deadline"),
                        rs.getString("created_by"),
                        Meetings.instant(rs, "closed_at")))
                .optional()
                .orElseThrow(() -> new RuleViolation("meetings.error.opinion"));
        List<StoredFile> documents = jdbc.sql(
                        "select file_id from meetings.opinion_document where request_id = :r order by position")
                .param("r", requestId)
                .query((rs, n) -> files.require(rs.getObject(1, UUID.class)))
                .list();
        List<Long> recipients = jdbc.sql("select officer_id from meetings.opinion_recipient where request_id = :r")
                .param("r", requestId)
                .query(Long.class)
                .list();
        return new RequestView(
                row.id(),
                row.unit(),
                organization.requireUnit(row.unit()).name(),
                row.meeting(),
                row.title(),
                row.question(),
                row.deadline(),
                row.by(),
                row.closed(),
                documents,
                recipients);
    }

    private List<AnswerView> answers(long requestId) {
        record Row(long officer, Choice choice, String comment, Instant at) {}
        List<Row> rows = jdbc.sql("select * from meetings.opinion_answer where request_id = :r order by answered_at")
                .param("r", requestId)
                .query((rs, n) -> new Row(
                        rs.getLong("officer_id"),
                        Choice.valueOf(rs.getString("choice")),
                        rs.getString("comment"),
                        Meetings.instant(rs, "answered_at")))
                .list();
        Map<Long, String> names =
                organization.officerNames(rows.stream().map(Row::officer).toList());
        return rows.stream()
                .map(r -> new AnswerView(r.officer(), names.get(r.officer()), r.choice(), r.comment(), r.at()))
                .toList();
    }
}
