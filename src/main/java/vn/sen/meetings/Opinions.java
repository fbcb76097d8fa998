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
            List<UUID> fileIds,
            boolean signedAnswers) {}

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
            List<Long> recipients,
            boolean signedAnswers) {

        public boolean open(Instant now) {
            return closedAt == null && now.isBefore(deadline);
        }

        public String due() {
            return MeetingText.dateTime(deadline);
        }
    }

    /** An answer; {@code signedFileId} is the signed answer sheet when the collection asks for signatures. */
    public record AnswerView(
            long officerId, String name, Choice choice, String comment, Instant answeredAt, UUID signedFileId) {

        public String answered() {
            return MeetingText.moment(answeredAt);
        }
    }

    /** Counts per choice, every answer with its comment, and who has not answered. */
    public record Summary(Map<Choice, Integer> counts, List<AnswerView> answers, List<String> missing) {}

    /** What the user may do with one request. */
    public record Rights(boolean manager, boolean recipient) {}

    private static final Duration REMIND_BEFORE = Duration.ofDays(1);

    private static final Map<Choice, String> CHOICE_TEXT =
            Map.of(Choice.AGREE, "Đồng ý", Choice.DISAGREE, "Không đồng ý", Choice.OTHER, "Ý kiến khác");

    private final JdbcClient jdbc;
    private final Organization organization;
    private final FileManagement files;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MeetingSignatures signatures;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    Opinions(
            JdbcClient jdbc,
            Organization organization,
            FileManagement files,
            Notifications notifications,
            ApplicationEventPublisher events,
            Clock clock,
            MeetingSignatures signatures,
            org.springframework.transaction.support.TransactionTemplate transactions) {
        this.signatures = signatures;
        this.transactions = transactions;
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
                insert into meetings.opinion_request (unit_id, meeting_id, title, question, deadline, created_by,
                    signed_answers)
                values (:u, :m, :title, :q, :deadline, :by, :signed) returning id
                """)
                .param("u", unit.id())
                .param("m", form.meetingId())
                .param("title", Meetings.required(form.title(), 500, "meetings.error.opinion-title"))
                .param("q", Meetings.required(form.question(), 4000, "meetings.error.opinion-question"))
                .param("deadline", Meetings.offset(deadline))
                .param("by", user.username())
                .param("signed", form.signedAnswers())
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

    /** Answers, or changes the answer, before the deadline (when the collection does not ask for signatures). */
    @Transactional
    public void answer(UserScope user, long requestId, Choice choice, String comment) {
        RequestView request = require(requestId);
        String text = answerable(user, request, choice, comment);
        if (request.signedAnswers()) {
            throw new RuleViolation("meetings.error.opinion-signature-required");
        }
        store(user, request, choice, text, null);
    }

    /**
     * Step 1 of a signed answer (phiếu lấy ý kiến ký số): the answer sheet — the question, the member's name,
     * the choice and comment, the time — made a PDF and prepared for the member's certificate.
     */
    @Transactional
    public vn.sen.signing.ExternalSigning.Prepared prepareSignedAnswer(
            UserScope user,
            long requestId,
            Choice choice,
            String comment,
            List<java.security.cert.X509Certificate> chain,
            vn.sen.signing.SignatureScheme scheme) {
        RequestView request = require(requestId);
        String text = answerable(user, request, choice, comment);
        var member = organization.requireOfficer(user.officerId());
        var sheet = new StringBuilder();
        sheet.append(request.unitName().toUpperCase(java.util.Locale.ROOT)).append("\n\n");
        sheet.append("PHIẾU LẤY Ý KIẾN\n").append(request.title()).append("\n\n");
        sheet.append(request.question()).append("\n\n");
        sheet.append("Ý kiến: ").append(CHOICE_TEXT.get(choice)).append("\n");
        if (!text.isEmpty()) {
            sheet.append("Nội dung: ").append(text).append("\n");
        }
        sheet.append("\nThời điểm: ")
                .append(MeetingText.moment(clock.instant()))
                .append("\n\n");
        sheet.append("NGƯỜI CHO Ý KIẾN\n\n\n\n").append(member.fullName()).append("\n");
        StoredFile pdf = TextPdf.store(files, sheet.toString(), "phieu-lay-y-kien.pdf", user.username());
        return signatures.prepare(
                MeetingSignatures.Kind.OPINION,
                requestId,
                member,
                pdf,
                chain,
                scheme,
                "Ý kiến: " + request.title(),
                request.unitName(),
                user.username(),
                choice.name(),
                text);
    }

    /** Step 2: the signed sheet kept and the answer it carries recorded, if the collection is still open. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public void completeSignedAnswer(UserScope user, long requestId, UUID pendingId, byte[] value) {
        var pending = signatures.pending(MeetingSignatures.Kind.OPINION, requestId, pendingId, user);
        answerable(user, require(requestId), Choice.valueOf(pending.choice()), pending.comment());
        StoredFile signed = signatures.sign(pending, value, user);
        transactions.executeWithoutResult(status -> {
            RequestView request = require(requestId);
            answerable(user, request, Choice.valueOf(pending.choice()), pending.comment());
            signatures.record(pending, signed);
            store(user, request, Choice.valueOf(pending.choice()), pending.comment(), signed.id());
        });
    }

    /** The signed answer sheet of {@code officerId}, for the collection's managers and the member himself. */
    public StoredFile signedAnswer(UserScope user, long requestId, long officerId) {
        RequestView request = read(user, requestId);
        if (!rights(user, request).manager() && !Long.valueOf(officerId).equals(user.officerId())) {
            throw new AccessDeniedException("may not see the answers of opinion request " + requestId);
        }
        return answers(requestId).stream()
                .filter(a -> a.officerId() == officerId && a.signedFileId() != null)
                .findFirst()
                .map(a -> files.require(a.signedFileId()))
                .orElseThrow(() -> new RuleViolation("meetings.error.opinion-no-signed-answer"));
    }

    /** The comment to keep, once the user may answer this request now with this choice. */
    private String answerable(UserScope user, RequestView request, Choice choice, String comment) {
        if (user.officerId() == null || !request.recipients().contains(user.officerId())) {
            throw new AccessDeniedException("not asked in opinion request " + request.id());
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
        return text;
    }

    private void store(UserScope user, RequestView request, Choice choice, String text, UUID signedFile) {
        jdbc.sql("""
                insert into meetings.opinion_answer (request_id, officer_id, choice, comment, answered_by, signed_file_id)
                values (:r, :o, :c, :comment, :by, :signed)
                on conflict (request_id, officer_id) do update set choice = excluded.choice,
                    comment = excluded.comment, answered_at = now(), answered_by = excluded.answered_by,
                    signed_file_id = excluded.signed_file_id
                """)
                .param("r", request.id())
                .param("o", user.officerId())
                .param("c", choice.name())
                .param("comment", text)
                .param("by", user.username())
                .param("signed", signedFile)
                .update();
        events.publishEvent(new MeetingChanged(
                user.username(),
                request.meetingId() == null ? 0 : request.meetingId(),
                "opinion.answered",
                "opinion:" + request.id() + " " + choice + (signedFile == null ? "" : " signed")));
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
                Instant closed,
                boolean signed) {}
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
                        Meetings.instant(rs, "closed_at"),
                        rs.getBoolean("signed_answers")))
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
                recipients,
                row.signed());
    }

    private List<AnswerView> answers(long requestId) {
        record Row(long officer, Choice choice, String comment, Instant at, UUID signed) {}
        List<Row> rows = jdbc.sql("select * from meetings.opinion_answer where request_id = :r order by answered_at")
                .param("r", requestId)
                .query((rs, n) -> new Row(
                        rs.getLong("officer_id"),
                        Choice.valueOf(rs.getString("choice")),
                        rs.getString("comment"),
                        Meetings.instant(rs, "answered_at"),
                        rs.getObject("signed_file_id", UUID.class)))
                .list();
        Map<Long, String> names =
                organization.officerNames(rows.stream().map(Row::officer).toList());
        return rows.stream()
                .map(r -> new AnswerView(
                        r.officer(), names.get(r.officer()), r.choice(), r.comment(), r.at(), r.signed()))
                .toList();
    }
}
