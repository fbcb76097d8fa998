package vn.sen.meetings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.meetings.MeetingViews.AgendaItemView;
import vn.sen.meetings.MeetingViews.MeetingState;
import vn.sen.meetings.MeetingViews.MeetingView;
import vn.sen.meetings.MeetingViews.ParticipantView;
import vn.sen.meetings.MeetingViews.Response;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * Minutes (biên bản, QĐ 45/2018): drafted from the session record once the meeting has closed — the chair
 * and those present, those absent and why, each agenda item with its presenter, times and speakers, the
 * votes and their results, a place for the chair's conclusions — then edited by the organisers and
 * approved by the chair, which fixes the text as a PDF.
 */
@Service
public class Minutes {

    public enum State {
        DRAFT,
        APPROVED
    }

    public record MinutesView(
            long meetingId,
            String text,
            State state,
            String editedBy,
            Instant editedAt,
            String approvedBy,
            Instant approvedAt,
            UUID fileId) {}

    private static final String CONCLUSIONS = "KẾT LUẬN CỦA CHỦ TRÌ";
    private static final String CONCLUSIONS_HINT = "(Thư ký ghi ý kiến kết luận của chủ trì cuộc họp.)";
    private static final String SIGNATURES = "THƯ KÝ";

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final Agenda agenda;
    private final LiveSession live;
    private final SpeakerQueue speakers;
    private final Votes votes;
    private final FileManagement files;
    private final ApplicationEventPublisher events;
    private final MeetingSignatures signatures;
    private final vn.sen.organization.Organization organization;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    Minutes(
            JdbcClient jdbc,
            Meetings meetings,
            Agenda agenda,
            LiveSession live,
            SpeakerQueue speakers,
            Votes votes,
            FileManagement files,
            ApplicationEventPublisher events,
            MeetingSignatures signatures,
            vn.sen.organization.Organization organization,
            org.springframework.transaction.support.TransactionTemplate transactions) {
        this.signatures = signatures;
        this.organization = organization;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.agenda = agenda;
        this.live = live;
        this.speakers = speakers;
        this.votes = votes;
        this.files = files;
        this.events = events;
    }

    /** Drafts (or drafts again, while not approved) the minutes of a closed meeting. */
    @Transactional
    public MinutesView draft(UserScope user, long meetingId) {
        MeetingView meeting = meetings.requireOrganiser(user, meetingId);
        if (meeting.state() != MeetingState.CLOSED) {
            throw new RuleViolation("meetings.error.minutes-not-closed");
        }
        requireDraft(meetingId);
        String text = compose(meeting);
        jdbc.sql("""
                insert into meetings.minutes (meeting_id, text, edited_by) values (:m, :t, :by)
                on conflict (meeting_id) do update set text = excluded.text, drafted_at = now(),
                    edited_by = excluded.edited_by, edited_at = now()
                """)
                .param("m", meetingId)
                .param("t", text)
                .param("by", user.username())
                .update();
        events.publishEvent(new MeetingChanged(user.username(), meetingId, "minutes.drafted", ""));
        return find(meetingId).orElseThrow();
    }

    @Transactional
    public void edit(UserScope user, long meetingId, String text) {
        meetings.requireOrganiser(user, meetingId);
        requireDraft(meetingId);
        if (find(meetingId).isEmpty()) {
            throw new RuleViolation("meetings.error.minutes-none");
        }
        jdbc.sql("update meetings.minutes set text = :t, edited_by = :by, edited_at = now() where meeting_id = :m")
                .param("t", Meetings.required(text, 200_000, "meetings.error.minutes-empty"))
                .param("by", user.username())
                .param("m", meetingId)
                .update();
        events.publishEvent(new MeetingChanged(user.username(), meetingId, "minutes.edited", ""));
    }

    /** The chair approves the minutes: the text is fixed and kept as a PDF. */
    @Transactional
    public StoredFile approve(UserScope user, long meetingId) {
        MeetingView meeting = meetings.view(meetingId);
        if (user.officerId() == null || user.officerId() != meeting.chairOfficerId()) {
            throw new AccessDeniedException("only the chair approves the minutes of meeting " + meetingId);
        }
        requireDraft(meetingId);
        MinutesView minutes = find(meetingId).orElseThrow(() -> new RuleViolation("meetings.error.minutes-none"));
        StoredFile pdf = render(minutes.text(), user.username());
        jdbc.sql("""
                update meetings.minutes set state = 'APPROVED', approved_by = :by, approved_at = now(), file_id = :f
                where meeting_id = :m
                """)
                .param("by", user.username())
                .param("f", pdf.id())
                .param("m", meetingId)
                .update();
        events.publishEvent(new MeetingChanged(user.username(), meetingId, "minutes.approved", "file:" + pdf.id()));
        return pdf;
    }

    /**
     * Step 1 of a signature on the approved minutes (ký số biên bản), by the chair or the meeting's
     * secretary, each once; the certificate must name the signer.
     */
    @Transactional
    public vn.sen.signing.ExternalSigning.Prepared prepareSignature(
            UserScope user,
            long meetingId,
            List<java.security.cert.X509Certificate> chain,
            vn.sen.signing.SignatureScheme scheme) {
        MeetingView meeting = requireSigner(user, meetingId);
        MinutesView approved = find(meetingId)
                .filter(m -> m.state() == State.APPROVED)
                .orElseThrow(() -> new RuleViolation("meetings.error.minutes-not-approved"));
        return signatures.prepare(
                MeetingSignatures.Kind.MINUTES,
                meetingId,
                organization.requireOfficer(user.officerId()),
                files.require(approved.fileId()),
                chain,
                scheme,
                "Ký biên bản: " + meeting.title(),
                meeting.unitName(),
                user.username(),
                null,
                null);
    }

    /**
     * Step 2: the signed minutes replace the approved PDF — unless someone else's signature was kept
     * meanwhile, in which case this one must be made again on the newer file.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public void completeSignature(UserScope user, long meetingId, UUID pendingId, byte[] value) {
        requireSigner(user, meetingId);
        var pending = signatures.pending(MeetingSignatures.Kind.MINUTES, meetingId, pendingId, user);
        StoredFile signed = signatures.sign(pending, value, user);
        transactions.executeWithoutResult(status -> {
            UUID current = jdbc.sql("select file_id from meetings.minutes where meeting_id = :m for update")
                    .param("m", meetingId)
                    .query(UUID.class)
                    .single();
            if (!pending.sourceId().equals(current)) {
                throw new RuleViolation("meetings.error.minutes-signed-meanwhile");
            }
            signatures.record(pending, signed);
            jdbc.sql("update meetings.minutes set file_id = :f where meeting_id = :m")
                    .param("f", signed.id())
                    .param("m", meetingId)
                    .update();
            events.publishEvent(
                    new MeetingChanged(user.username(), meetingId, "minutes.signed", "file:" + signed.id()));
        });
    }

    /** Who has signed the minutes, in order. */
    public List<MeetingViews.SignerView> signers(long meetingId) {
        return signatures.signers(MeetingSignatures.Kind.MINUTES, meetingId);
    }

    /** The chair or the meeting's secretary, who has not signed yet. */
    private MeetingView requireSigner(UserScope user, long meetingId) {
        MeetingView meeting = meetings.view(meetingId);
        Long officer = user.officerId();
        if (officer == null || (officer != meeting.chairOfficerId() && !officer.equals(meeting.secretaryOfficerId()))) {
            throw new AccessDeniedException("only the chair and the secretary sign the minutes of " + meetingId);
        }
        if (signers(meetingId).stream().anyMatch(s -> s.officerId() == officer)) {
            throw new RuleViolation("meetings.error.minutes-signed-already");
        }
        return meeting;
    }

    /** The minutes for the organisers; for those who attended, once approved. */
    public Optional<MinutesView> read(UserScope user, long meetingId) {
        Meetings.Access access = meetings.access(user, meetingId);
        Optional<MinutesView> minutes = find(meetingId);
        if (access.organiser()) {
            return minutes;
        }
        if (!access.visible()) {
            throw new AccessDeniedException("meeting " + meetingId);
        }
        return minutes.filter(m -> m.state() == State.APPROVED);
    }

    private void requireDraft(long meetingId) {
        if (find(meetingId).map(m -> m.state() == State.APPROVED).orElse(false)) {
            throw new RuleViolation("meetings.error.minutes-approved");
        }
    }

    Optional<MinutesView> find(long meetingId) {
        return jdbc.sql("select * from meetings.minutes where meeting_id = :m")
                .param("m", meetingId)
                .query((rs, n) -> new MinutesView(
                        rs.getLong("meeting_id"),
                        rs.getString("text"),
                        State.valueOf(rs.getString("state")),
                        rs.getString("edited_by"),
                        Meetings.instant(rs, "edited_at"),
                        rs.getString("approved_by"),
                        Meetings.instant(rs, "approved_at"),
                        rs.getObject("file_id", UUID.class)))
                .optional();
    }

    /** The draft's text, from the meeting, its participants, agenda, speakers, votes and session record. */
    String compose(MeetingView meeting) {
        List<ParticipantView> participants = meetings.participants(meeting.id());
        List<LiveSession.SessionEvent> record = live.record(meeting.id());
        var out = new StringBuilder();
        out.append("BIÊN BẢN CUỘC HỌP\n").append(meeting.title()).append("\n\n");
        out.append("Thời gian: ").append(MeetingText.span(meeting.startsAt(), meeting.endsAt()));
        first(record, "OPENED").ifPresent(at -> out.append("; khai mạc lúc ").append(MeetingText.time(at)));
        first(record, "CLOSED").ifPresent(at -> out.append(", bế mạc lúc ").append(MeetingText.time(at)));
        out.append(".\n");
        if (!meeting.where().isEmpty()) {
            out.append("Địa điểm: ").append(meeting.where()).append(".\n");
        }
        out.append("Chủ trì: ").append(meeting.chairName()).append(".\n");
        if (meeting.secretaryName() != null) {
            out.append("Thư ký: ").append(meeting.secretaryName()).append(".\n");
        }
        List<ParticipantView> present =
                participants.stream().filter(p -> p.checkedInAt() != null).toList();
        out.append("\nThành phần tham dự (")
                .append(present.size())
                .append("/")
                .append(participants.size())
                .append(" có mặt):\n");
        for (ParticipantView p : present) {
            out.append("- ").append(attendee(p));
            if (p.represented()) {
                out.append(p.unitId() != null ? " (đại diện " : " (dự thay ")
                        .append(p.name())
                        .append(")");
            }
            out.append(";\n");
        }
        List<ParticipantView> absent =
                participants.stream().filter(p -> p.checkedInAt() == null).toList();
        if (!absent.isEmpty()) {
            out.append("Vắng mặt:\n");
            for (ParticipantView p : absent) {
                out.append("- ").append(attendee(p));
                if (p.response() == Response.ABSENT && !p.reason().isEmpty()) {
                    out.append(": ").append(p.reason());
                }
                out.append(";\n");
            }
        }
        out.append("\nNỘI DUNG CUỘC HỌP\n");
        List<SpeakerQueue.RequestView> requests = speakers.all(meeting.id());
        List<Votes.VoteView> held = votes.ofMeeting(meeting.id()).stream()
                .filter(v -> v.state() == Votes.VoteState.CLOSED)
                .toList();
        for (AgendaItemView item : agenda.items(meeting.id())) {
            out.append("\n").append(item.position()).append(". ").append(item.title());
            if (item.presenter() != null && !item.presenter().isEmpty()) {
                out.append(" (trình bày: ").append(item.presenter()).append(")");
            }
            if (item.startedAt() != null) {
                out.append(", ").append(MeetingText.time(item.startedAt()));
                if (item.endedAt() != null) {
                    out.append("–").append(MeetingText.time(item.endedAt()));
                }
            }
            out.append("\n");
            speeches(out, requests, item.id());
            held.stream().filter(v -> Objects.equals(v.itemId(), item.id())).forEach(v -> vote(out, v));
        }
        List<Votes.VoteView> loose =
                held.stream().filter(v -> v.itemId() == null).toList();
        if (!loose.isEmpty() || requests.stream().anyMatch(r -> r.itemId() == null && spoke(r))) {
            out.append("\nCác nội dung khác\n");
            speeches(out, requests, null);
            loose.forEach(v -> vote(out, v));
        }
        out.append("\n")
                .append(CONCLUSIONS)
                .append("\n")
                .append(CONCLUSIONS_HINT)
                .append("\n");
        out.append("\n").append(SIGNATURES).append("                                             CHỦ TRÌ\n");
        out.append(Objects.toString(meeting.secretaryName(), ""))
                .append("                              ")
                .append(meeting.chairName())
                .append("\n");
        return out.toString();
    }

    private static boolean spoke(SpeakerQueue.RequestView r) {
        return r.grantedAt() != null;
    }

    private static void speeches(StringBuilder out, List<SpeakerQueue.RequestView> requests, Long itemId) {
        for (SpeakerQueue.RequestView r : requests) {
            if (spoke(r) && Objects.equals(r.itemId(), itemId)) {
                out.append("   - ")
                        .append(r.kind() == SpeakerQueue.Kind.INTERPELLATION ? "Chất vấn: " : "Phát biểu: ")
                        .append(r.name())
                        .append(" (")
                        .append(MeetingText.time(r.grantedAt()))
                        .append(")");
                if (!r.topic().isEmpty()) {
                    out.append(" — ").append(r.topic());
                }
                out.append(";\n");
            }
        }
    }

    private void vote(StringBuilder out, Votes.VoteView v) {
        Votes.Tally tally = votes.tally(v.id());
        out.append("   - Biểu quyết")
                .append(v.secret() ? " (bỏ phiếu kín)" : "")
                .append(": ")
                .append(v.question())
                .append(". Kết quả: ");
        for (int i = 0; i < v.options().size(); i++) {
            BigDecimal total = tally.perOption().get(i);
            out.append(i == 0 ? "" : ", ")
                    .append(v.options().get(i))
                    .append(" ")
                    .append(total.toPlainString());
        }
        out.append(" (")
                .append(tally.ballots())
                .append(" phiếu) — ")
                .append(
                        switch (v.result()) {
                            case PASSED -> "thông qua";
                            case FAILED -> "không thông qua";
                            case NO_QUORUM -> "không đủ số đại biểu có mặt";
                        })
                .append(".\n");
    }

    /**
     * The chair's conclusions as written in the minutes: the text under their heading, up to the
     * signatures; empty when the secretary has not filled them in.
     */
    static String conclusions(String text) {
        int heading = text.indexOf(CONCLUSIONS);
        if (heading < 0) {
            return "";
        }
        String rest = text.substring(heading + CONCLUSIONS.length());
        int end = rest.lastIndexOf("\n" + SIGNATURES);
        String said = (end < 0 ? rest : rest.substring(0, end))
                .replace(CONCLUSIONS_HINT, "")
                .strip();
        return said;
    }

    static String attendee(ParticipantView p) {
        return p.attendeeName() != null ? p.attendeeName() : p.name();
    }

    private static Optional<Instant> first(List<LiveSession.SessionEvent> record, String kind) {
        return record.stream()
                .filter(e -> e.kind().equals(kind))
                .map(LiveSession.SessionEvent::at)
                .findFirst();
    }

    private StoredFile render(String text, String owner) {
        return TextPdf.store(files, text, "bien-ban.pdf", owner);
    }
}
