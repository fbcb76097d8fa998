package vn.sen.meetings;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.meetings.MeetingViews.ParticipantView;
import vn.sen.organization.Organization;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * Personal notes and highlights on the pages of meeting documents (ghi chú, đánh dấu cá nhân): each officer's
 * own, seen by nobody else unless shared with chosen participants of the meeting — and even then only by
 * those who may open the document. A note is identified by the id its author's device gave it, so saving it
 * again (a retry, a tablet sending what it kept while offline) changes the same note instead of adding one.
 */
@Service
public class Annotations {

    public enum Kind {
        NOTE,
        HIGHLIGHT
    }

    /**
     * What the device sends: the page, the kind, the highlighted boxes (x, y, width, height as fractions of
     * the page, four numbers per box), the text highlighted and the note's text.
     */
    public record NewAnnotation(int page, Kind kind, List<Float> areas, String quote, String text) {}

    public record AnnotationView(
            UUID clientId,
            int page,
            Kind kind,
            List<Float> areas,
            String quote,
            String text,
            long authorOfficerId,
            String authorName,
            boolean mine,
            List<Long> sharedWith,
            Instant updatedAt) {}

    private static final int MAX_PAGE = 100_000;
    private static final int MAX_BOXES = 100;

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final MeetingDocuments documents;
    private final Organization organization;
    private final ApplicationEventPublisher events;

    Annotations(
            JdbcClient jdbc,
            Meetings meetings,
            MeetingDocuments documents,
            Organization organization,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.documents = documents;
        this.organization = organization;
        this.events = events;
    }

    /** The user's own notes on the document and those shared with him, by page. */
    public List<AnnotationView> list(UserScope user, long meetingId, long documentId) {
        long me = requireReader(user, meetingId, documentId);
        record Row(
                long id,
                UUID client,
                int page,
                Kind kind,
                List<Float> areas,
                String quote,
                String text,
                long author,
                Instant updated) {}
        List<Row> rows = jdbc.sql("""
                select a.* from meetings.annotation a
                where a.document_id = :d
                  and (a.officer_id = :me
                       or exists (select 1 from meetings.annotation_share s
                                  where s.annotation_id = a.id and s.officer_id = :me))
                order by a.page, a.created_at
                """)
                .param("d", documentId)
                .param("me", me)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getObject("client_id", UUID.class),
                        rs.getInt("page"),
                        Kind.valueOf(rs.getString("kind")),
                        floats(rs.getArray("areas")),
                        rs.getString("quote"),
                        rs.getString("text"),
                        rs.getLong("officer_id"),
                        Meetings.instant(rs, "updated_at")))
                .list();
        Map<Long, String> names = organization.officerNames(
                rows.stream().map(Row::author).distinct().toList());
        return rows.stream()
                .map(r -> new AnnotationView(
                        r.client(),
                        r.page(),
                        r.kind(),
                        r.areas(),
                        r.quote(),
                        r.text(),
                        r.author(),
                        names.get(r.author()),
                        r.author() == me,
                        r.author() == me ? sharedWith(r.id()) : List.of(),
                        r.updated()))
                .toList();
    }

    /** Saves the user's note under the id his device gave it: new, or changed. */
    @Transactional
    public void save(UserScope user, long meetingId, long documentId, UUID clientId, NewAnnotation note) {
        long me = requireReader(user, meetingId, documentId);
        if (clientId == null || note == null || note.kind() == null) {
            throw new RuleViolation("meetings.error.note-invalid");
        }
        if (note.page() < 1 || note.page() > MAX_PAGE) {
            throw new RuleViolation("meetings.error.note-page");
        }
        List<Float> areas = note.areas() == null ? List.of() : note.areas();
        if (areas.size() % 4 != 0
                || areas.size() > 4 * MAX_BOXES
                || areas.stream().anyMatch(v -> v == null || !(v >= 0f && v <= 1f))
                || (note.kind() == Kind.HIGHLIGHT && areas.isEmpty())) {
            throw new RuleViolation("meetings.error.note-areas");
        }
        String text = Meetings.optional(note.text(), 4000);
        if (note.kind() == Kind.NOTE && text.isEmpty()) {
            throw new RuleViolation("meetings.error.note-empty");
        }
        String quote = Meetings.optional(note.quote(), 2000);
        int saved = jdbc.sql("""
                insert into meetings.annotation (document_id, officer_id, client_id, page, kind, areas, quote, text)
                values (:d, :me, :client, :page, :kind, :areas, :quote, :text)
                on conflict (officer_id, client_id) do update set page = excluded.page, kind = excluded.kind,
                    areas = excluded.areas, quote = excluded.quote, text = excluded.text, updated_at = now()
                    where meetings.annotation.document_id = excluded.document_id
                """)
                .param("d", documentId)
                .param("me", me)
                .param("client", clientId)
                .param("page", note.page())
                .param("kind", note.kind().name())
                .param("areas", areas.toArray(Float[]::new))
                .param("quote", quote)
                .param("text", text)
                .update();
        if (saved == 0) {
            throw new RuleViolation("meetings.error.note-invalid");
        }
    }

    /** Removes one of the user's notes; removing one already gone does nothing. */
    @Transactional
    public void delete(UserScope user, long meetingId, long documentId, UUID clientId) {
        long me = requireReader(user, meetingId, documentId);
        jdbc.sql("delete from meetings.annotation where officer_id = :me and client_id = :c and document_id = :d")
                .param("me", me)
                .param("c", clientId)
                .param("d", documentId)
                .update();
    }

    /**
     * Shares one of the user's notes with exactly {@code officerIds} (none: private again) — participants of
     * the meeting only. They see it while they may open the document.
     */
    @Transactional
    public void share(UserScope user, long meetingId, long documentId, UUID clientId, Collection<Long> officerIds) {
        long me = requireReader(user, meetingId, documentId);
        long id = jdbc.sql(
                        "select id from meetings.annotation where officer_id = :me and client_id = :c and document_id = :d")
                .param("me", me)
                .param("c", clientId)
                .param("d", documentId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new RuleViolation("meetings.error.note-unknown"));
        Set<Long> allowed = new LinkedHashSet<>();
        for (ParticipantView p : meetings.participants(meetingId)) {
            allowed.add(p.officerId());
            allowed.add(p.attendeeOfficerId());
        }
        allowed.remove(null);
        Set<Long> with = new LinkedHashSet<>(officerIds == null ? List.of() : officerIds);
        with.remove(me);
        if (!allowed.containsAll(with)) {
            throw new RuleViolation("meetings.error.note-share");
        }
        jdbc.sql("delete from meetings.annotation_share where annotation_id = :a")
                .param("a", id)
                .update();
        for (long officer : with) {
            jdbc.sql("insert into meetings.annotation_share (annotation_id, officer_id) values (:a, :o)")
                    .param("a", id)
                    .param("o", officer)
                    .update();
        }
        events.publishEvent(new MeetingChanged(
                user.username(), meetingId, "note.shared", "document:" + documentId + " with:" + with));
    }

    private long requireReader(UserScope user, long meetingId, long documentId) {
        if (user.officerId() == null
                || documents.list(user, meetingId).stream()
                        .noneMatch(d -> d.id() == documentId && (d.published() != null || d.latest() != null))) {
            throw new AccessDeniedException("may not annotate document " + documentId);
        }
        return user.officerId();
    }

    private List<Long> sharedWith(long id) {
        return jdbc.sql("select officer_id from meetings.annotation_share where annotation_id = :a order by officer_id")
                .param("a", id)
                .query(Long.class)
                .list();
    }

    private static List<Float> floats(Array array) throws SQLException {
        return array == null
                ? List.of()
                : Arrays.stream((Float[]) array.getArray())
                        .filter(Objects::nonNull)
                        .toList();
    }
}
