package vn.sen.meetings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.meetings.MeetingViews.AgendaItemView;
import vn.sen.meetings.MeetingViews.DocumentView;
import vn.sen.meetings.MeetingViews.MeetingState;
import vn.sen.meetings.MeetingViews.MeetingView;
import vn.sen.meetings.MeetingViews.ParticipantView;
import vn.sen.meetings.MeetingViews.ReadView;
import vn.sen.meetings.MeetingViews.VersionView;
import vn.sen.organization.Organization;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * Meeting documents (tài liệu họp): added by the organisers or by an item's presenter, in versions; the
 * delegates see a version once the chair (or a leader of the organising unit) has approved it. A
 * restricted document is seen only by the people named on it, the chair, the secretary, its uploader and
 * those who approve; each of their views is watermarked with their name and the time. Every opening by
 * an officer is counted (who has read it).
 */
@Service
public class MeetingDocuments {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(MeetingText.ZONE);

    /** A document's file as one viewer may have it: watermarked when the document is restricted. */
    public record Opened(StoredFile file, boolean watermarked, String watermark) {}

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final Agenda agenda;
    private final FileManagement files;
    private final Organization organization;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MeetingDocuments(
            JdbcClient jdbc,
            Meetings meetings,
            Agenda agenda,
            FileManagement files,
            Organization organization,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.agenda = agenda;
        this.files = files;
        this.organization = organization;
        this.events = events;
        this.clock = clock;
    }

    /** What a user may do with the documents of one meeting. */
    private record Rights(
            MeetingView meeting, Meetings.Access access, boolean approver, List<Long> presentedItems, UserScope user) {

        boolean mayAdd(Long itemId) {
            return access.organiser() || (itemId != null && presentedItems.contains(itemId));
        }

        boolean maySee(Row row) {
            if (!access.visible() && !presentedItems.contains(row.itemId())) {
                return false;
            }
            boolean own = row.createdBy().equals(user.username());
            boolean mayManage = access.organiser() || own || presentedItems.contains(row.itemId());
            if (row.restricted()) {
                Long me = user.officerId();
                boolean named = me != null && row.readers().contains(me);
                if (!(named || access.chair() || access.secretary() || own || approver)) {
                    return false;
                }
            }
            return mayManage || row.published() != null;
        }

        boolean seesDrafts(Row row) {
            return access.organiser()
                    || row.createdBy().equals(user.username())
                    || presentedItems.contains(row.itemId());
        }
    }

    private Rights rights(UserScope user, long meetingId) {
        MeetingView meeting = meetings.view(meetingId);
        List<ParticipantView> participants = meetings.participants(meetingId);
        Meetings.Access access = meetings.access(user, meeting, participants);
        boolean approver = access.chair() || user.hasIn(meeting.unitPath(), Role.LEADER);
        List<Long> presented = user.officerId() == null
                ? List.of()
                : agenda.items(meetingId).stream()
                        .filter(i -> user.officerId().equals(i.presenterOfficerId()))
                        .map(AgendaItemView::id)
                        .toList();
        return new Rights(meeting, access, approver, presented, user);
    }

    // ---- adding and approving -------------------------------------------------------------------

    /** Adds a document (version 1) to the meeting, under an agenda item or for the whole meeting. */
    @Transactional
    public long add(
            UserScope user,
            long meetingId,
            Long itemId,
            String title,
            UUID fileId,
            boolean restricted,
            Collection<Long> readers) {
        Rights rights = rights(user, meetingId);
        if (!rights.mayAdd(itemId)) {
            throw new AccessDeniedException("may not add documents to meeting " + meetingId);
        }
        requireOpenForDocuments(rights.meeting());
        if (itemId != null) {
            agenda.require(meetingId, itemId);
        }
        StoredFile file = files.require(fileId);
        if (restricted && !file.pdf()) {
            throw new RuleViolation("meetings.error.restricted-pdf");
        }
        long id = jdbc.sql("""
                insert into meetings.document (meeting_id, agenda_item_id, title, restricted, created_by)
                values (:m, :item, :title, :restricted, :by) returning id
                """)
                .param("m", meetingId)
                .param("item", itemId)
                .param(
                        "title",
                        Meetings.required(
                                title == null || title.isBlank() ? file.name() : title,
                                500,
                                "meetings.error.document-title"))
                .param("restricted", restricted)
                .param("by", user.username())
                .query(Long.class)
                .single();
        insertVersion(id, 1, file, "", user);
        setReaders(id, readers);
        events.publishEvent(
                new MeetingChanged(user.username(), meetingId, "document.added", "document:" + id + " " + file.name()));
        return id;
    }

    /** A new version; the delegates keep seeing the last approved one until this one is approved. */
    @Transactional
    public int addVersion(UserScope user, long meetingId, long documentId, UUID fileId, String note) {
        Rights rights = rights(user, meetingId);
        Row row = require(meetingId, documentId);
        if (!rights.mayAdd(row.itemId()) && !row.createdBy().equals(user.username())) {
            throw new AccessDeniedException("may not change document " + documentId);
        }
        requireOpenForDocuments(rights.meeting());
        StoredFile file = files.require(fileId);
        if (row.restricted() && !file.pdf()) {
            throw new RuleViolation("meetings.error.restricted-pdf");
        }
        int version = row.versions().size() + 1;
        insertVersion(documentId, version, file, Meetings.optional(note, 500), user);
        events.publishEvent(new MeetingChanged(
                user.username(), meetingId, "document.version", "document:" + documentId + " v" + version));
        return version;
    }

    /** Approves the newest version for publication: the chair, or a leader of the organising unit. */
    @Transactional
    public void approve(UserScope user, long meetingId, long documentId, int version) {
        Rights rights = rights(user, meetingId);
        if (!rights.approver()) {
            throw new AccessDeniedException("may not approve documents of meeting " + meetingId);
        }
        Row row = require(meetingId, documentId);
        if (row.withdrawn()) {
            throw new RuleViolation("meetings.error.document-withdrawn");
        }
        if (version != row.versions().size()) {
            throw new RuleViolation(
                    "meetings.error.not-latest", String.valueOf(row.versions().size()));
        }
        int changed = jdbc.sql("""
                update meetings.document_version set approved_by = :by, approved_at = now()
                where document_id = :d and version = :v and approved_at is null
                """)
                .param("by", user.username())
                .param("d", documentId)
                .param("v", version)
                .update();
        if (changed == 0) {
            throw new RuleViolation("meetings.error.already-approved");
        }
        events.publishEvent(new MeetingChanged(
                user.username(), meetingId, "document.approved", "document:" + documentId + " v" + version));
    }

    /** Marks the document restricted (to {@code readers}) or open to everyone invited. */
    @Transactional
    public void restrict(
            UserScope user, long meetingId, long documentId, boolean restricted, Collection<Long> readers) {
        Rights rights = rights(user, meetingId);
        Row row = require(meetingId, documentId);
        if (!rights.access().organiser() && !row.createdBy().equals(user.username())) {
            throw new AccessDeniedException("may not change document " + documentId);
        }
        if (restricted
                && row.versions().stream()
                        .anyMatch(v -> !files.require(v.fileId()).pdf())) {
            throw new RuleViolation("meetings.error.restricted-pdf");
        }
        jdbc.sql("update meetings.document set restricted = :r where id = :id")
                .param("r", restricted)
                .param("id", documentId)
                .update();
        jdbc.sql("delete from meetings.document_reader where document_id = :d")
                .param("d", documentId)
                .update();
        setReaders(documentId, readers);
        events.publishEvent(new MeetingChanged(
                user.username(),
                meetingId,
                "document.restricted",
                "document:" + documentId + " restricted=" + restricted + " readers=" + readers));
    }

    @Transactional
    public void withdraw(UserScope user, long meetingId, long documentId) {
        Rights rights = rights(user, meetingId);
        Row row = require(meetingId, documentId);
        if (!rights.access().organiser() && !row.createdBy().equals(user.username())) {
            throw new AccessDeniedException("may not withdraw document " + documentId);
        }
        jdbc.sql("update meetings.document set withdrawn = true where id = :id")
                .param("id", documentId)
                .update();
        events.publishEvent(
                new MeetingChanged(user.username(), meetingId, "document.withdrawn", "document:" + documentId));
    }

    private static void requireOpenForDocuments(MeetingView meeting) {
        if (meeting.state() == MeetingState.CLOSED || meeting.state() == MeetingState.CANCELLED) {
            throw new RuleViolation("meetings.error.finished");
        }
    }

    private void insertVersion(long documentId, int version, StoredFile file, String note, UserScope user) {
        jdbc.sql("""
                insert into meetings.document_version (document_id, version, file_id, note, uploaded_by, pages)
                values (:d, :v, :f, :note, :by, :pages)
                """)
                .param("d", documentId)
                .param("v", version)
                .param("f", file.id())
                .param("pages", pages(file))
                .param("note", note)
                .param("by", user.username())
                .update();
    }

    /** The pages of a PDF, read from a temporary copy on disk; null for other files and unreadable ones. */
    private Integer pages(StoredFile file) {
        if (!file.pdf()) {
            return null;
        }
        Path copy = null;
        try {
            copy = Files.createTempFile("sen-pages", ".pdf");
            try (InputStream in = files.open(file)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            try (var document = org.apache.pdfbox.Loader.loadPDF(
                    copy.toFile(), null, null, null, org.apache.pdfbox.io.IOUtils.createTempFileOnlyStreamCache())) {
                return document.getNumberOfPages();
            }
        } catch (IOException e) {
            return null; // not readable as a PDF: the document is still usable, its pages are just not counted
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a temporary file left behind is cleaned by the system
                }
            }
        }
    }

    private void setReaders(long documentId, Collection<Long> readers) {
        for (long officer : new LinkedHashSet<>(readers == null ? List.of() : readers)) {
            organization.requireOfficer(officer);
            jdbc.sql(
                            "insert into meetings.document_reader (document_id, officer_id) values (:d, :o) on conflict do nothing")
                    .param("d", documentId)
                    .param("o", officer)
                    .update();
        }
    }

    // ---- reading --------------------------------------------------------------------------------

    /** The meeting's documents this user may see, each with the versions he may see. */
    public List<DocumentView> list(UserScope user, long meetingId) {
        Rights rights = rights(user, meetingId);
        return rows(meetingId).stream()
                .filter(rights::maySee)
                .filter(r -> !r.withdrawn() || rights.seesDrafts(r))
                .map(r -> view(r, rights.seesDrafts(r)))
                .toList();
    }

    /**
     * Opens a document's file for the user — the published version, or for those who manage it any
     * version — and counts the reading. Refused (and audited) for someone who may not see it.
     */
    @Transactional
    public Opened open(UserScope user, long meetingId, long documentId, Integer version) {
        Rights rights = rights(user, meetingId);
        Row row = require(meetingId, documentId);
        if (!rights.maySee(row) || (row.withdrawn() && !rights.seesDrafts(row))) {
            throw new AccessDeniedException("may not open document " + documentId);
        }
        VersionView chosen;
        if (version == null) {
            chosen = row.published() != null || !rights.seesDrafts(row)
                    ? row.published()
                    : row.versions().getLast();
        } else {
            chosen = row.versions().stream()
                    .filter(v -> v.version() == version && (v.approved() || rights.seesDrafts(row)))
                    .findFirst()
                    .orElse(null);
        }
        if (chosen == null) {
            throw new RuleViolation("meetings.error.document-version");
        }
        if (user.officerId() != null) {
            jdbc.sql("""
                    insert into meetings.document_read (document_id, officer_id) values (:d, :o)
                    on conflict (document_id, officer_id) do update set last_at = now(),
                        times = meetings.document_read.times + 1
                    """).param("d", documentId).param("o", user.officerId()).update();
        }
        String watermark = row.restricted() ? watermarkLine(user) : null;
        return new Opened(files.require(chosen.fileId()), row.restricted(), watermark);
    }

    /** Writes the opened file, watermarked when it must be. */
    public void write(Opened opened, OutputStream out) throws IOException {
        if (!opened.watermarked()) {
            try (InputStream in = files.open(opened.file())) {
                in.transferTo(out);
            }
            return;
        }
        Path copy = Files.createTempFile("sen-watermark", ".pdf");
        try {
            try (InputStream in = files.open(opened.file())) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            Watermark.stamp(copy.toFile(), opened.watermark(), out);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private String watermarkLine(UserScope user) {
        String name = user.officerId() == null
                ? user.username()
                : organization.officer(user.officerId()).map(o -> o.fullName()).orElse(user.username());
        return name + " — " + STAMP.format(clock.instant());
    }

    /** Who opened the document; for those who manage it. */
    public List<ReadView> reads(UserScope user, long meetingId, long documentId) {
        Rights rights = rights(user, meetingId);
        Row row = require(meetingId, documentId);
        if (!rights.seesDrafts(row) || !rights.maySee(row)) {
            throw new AccessDeniedException("may not see readers of document " + documentId);
        }
        record R(long officer, Instant first, Instant last, int times) {}
        List<R> rows = jdbc.sql("select * from meetings.document_read where document_id = :d order by first_at")
                .param("d", documentId)
                .query((rs, n) -> new R(
                        rs.getLong("officer_id"),
                        Meetings.instant(rs, "first_at"),
                        Meetings.instant(rs, "last_at"),
                        rs.getInt("times")))
                .list();
        Map<Long, String> names =
                organization.officerNames(rows.stream().map(R::officer).toList());
        return rows.stream()
                .map(r -> new ReadView(r.officer(), names.get(r.officer()), r.first(), r.last(), r.times()))
                .toList();
    }

    private record Row(
            long id,
            Long itemId,
            String title,
            boolean restricted,
            String source,
            boolean withdrawn,
            String createdBy,
            List<VersionView> versions,
            List<Long> readers,
            int readCount) {

        VersionView published() {
            VersionView last = null;
            for (VersionView v : versions) {
                if (v.approved()) {
                    last = v;
                }
            }
            return last;
        }
    }

    private Row require(long meetingId, long documentId) {
        return rows(meetingId).stream()
                .filter(r -> r.id() == documentId)
                .findFirst()
                .orElseThrow(() -> new RuleViolation("meetings.error.document"));
    }

    private List<Row> rows(long meetingId) {
        Map<Long, List<VersionView>> versions = new HashMap<>();
        jdbc.sql("""
                select v.* from meetings.document_version v join meetings.document d on d.id = v.document_id
                where d.meeting_id = :m order by v.document_id, v.version
                """).param("m", meetingId).query(rs -> {
            UUID fileId = rs.getObject("file_id", UUID.class);
            StoredFile file = files.find(fileId).orElse(null);
            versions.computeIfAbsent(rs.getLong("document_id"), k -> new ArrayList<>())
                    .add(new VersionView(
                            rs.getInt("version"),
                            fileId,
                            file == null ? "" : file.name(),
                            file == null ? 0 : file.size(),
                            rs.getString("note"),
                            rs.getString("uploaded_by"),
                            Meetings.instant(rs, "uploaded_at"),
                            rs.getString("approved_by"),
                            Meetings.instant(rs, "approved_at")));
        });
        Map<Long, List<Long>> readers = new HashMap<>();
        jdbc.sql("""
                select r.document_id, r.officer_id from meetings.document_reader r
                join meetings.document d on d.id = r.document_id where d.meeting_id = :m
                """).param("m", meetingId).query(rs -> {
            readers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
        });
        return jdbc.sql("""
                select d.*, (select count(*) from meetings.document_read r where r.document_id = d.id) as reads
                from meetings.document d where d.meeting_id = :m order by d.agenda_item_id nulls first, d.id
                """)
                .param("m", meetingId)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getObject("agenda_item_id", Long.class),
                        rs.getString("title"),
                        rs.getBoolean("restricted"),
                        rs.getString("source"),
                        rs.getBoolean("withdrawn"),
                        rs.getString("created_by"),
                        versions.getOrDefault(rs.getLong("id"), List.of()),
                        readers.getOrDefault(rs.getLong("id"), List.of()),
                        rs.getInt("reads")))
                .list();
    }

    private static DocumentView view(Row row, boolean drafts) {
        VersionView published = row.published();
        return new DocumentView(
                row.id(),
                row.itemId(),
                row.title(),
                row.restricted(),
                row.source(),
                row.withdrawn(),
                row.createdBy(),
                drafts ? row.versions() : published == null ? List.of() : List.of(published),
                published,
                drafts ? row.readers() : List.of(),
                drafts ? row.readCount() : 0);
    }
}
