package vn.sen.meetings;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.moments.HourHasPassed;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.calendar.WorkingDays;
import vn.sen.documents.Confidentiality;
import vn.sen.documents.DocumentType;
import vn.sen.documents.OutgoingDocumentReleased;
import vn.sen.documents.OutgoingDocuments;
import vn.sen.documents.OutgoingViews.NewDraft;
import vn.sen.documents.OutgoingViews.OutgoingView;
import vn.sen.documents.OutgoingViews.SignerForm;
import vn.sen.documents.Urgency;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.meetings.MeetingViews.MeetingState;
import vn.sen.meetings.MeetingViews.MeetingView;
import vn.sen.meetings.MeetingViews.ParticipantView;
import vn.sen.notifications.Notifications;
import vn.sen.notifications.Notifications.Notice;
import vn.sen.notifications.Notifications.Recipients;
import vn.sen.organization.Organization;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * Conclusion notices (thông báo kết luận, QĐ 45/2018): due within 5 working days of the day the meeting
 * closed. The organisers draft the notice from a template (the chair's conclusions from the minutes when
 * there are some), list the conclusion items with their lead and coordinating units and deadlines, and send
 * it to the e-office as an outgoing draft of type TB signed by the chair — from there it follows the usual
 * review, signature, numbering and release. Its release issues the notice: each item with a lead unit is
 * then published as a {@link ConclusionItemIssued} for task tracking. The organisers hear when the notice
 * is due the next working day and when it is overdue; they may also record why no notice is issued.
 */
@Service
public class Conclusions {

    /** Where the notice stands; NOT_STARTED has no row yet. */
    public enum State {
        NOT_STARTED,
        DRAFT,
        SENT,
        ISSUED,
        WAIVED;

        public boolean open() {
            return this == NOT_STARTED || this == DRAFT || this == SENT;
        }
    }

    /** One conclusion item; a task when it names a lead unit. */
    public record ItemView(
            long id,
            int position,
            String content,
            Long leadUnitId,
            String leadUnitName,
            List<Long> coordinatingUnitIds,
            List<String> coordinatingUnitNames,
            LocalDate deadline) {

        /** "Giao Sở Tài chính chủ trì, phối hợp với Sở Tư pháp; thời hạn: 15/12/2026." or empty. */
        public String assignment() {
            if (leadUnitName == null) {
                return "";
            }
            var out = new StringBuilder("Giao ").append(leadUnitName).append(" chủ trì");
            if (!coordinatingUnitNames.isEmpty()) {
                out.append(", phối hợp với ").append(String.join(", ", coordinatingUnitNames));
            }
            out.append(" thực hiện");
            if (deadline != null) {
                out.append("; thời hạn: ").append(DAY.format(deadline));
            }
            return out.append(".").toString();
        }
    }

    public record NewItem(String content, Long leadUnitId, List<Long> coordinatingUnitIds, LocalDate deadline) {}

    public record ConclusionView(
            long meetingId,
            State state,
            String text,
            LocalDate dueOn,
            Long outgoingId,
            String number,
            LocalDate issuedOn,
            String waivedReason,
            List<ItemView> items) {

        /** Not issued (nor waived) after its due day. */
        public boolean overdue(LocalDate today) {
            return state.open() && today.isAfter(dueOn);
        }

        public String due() {
            return DAY.format(dueOn);
        }

        /** Issued on time, or how many days late (counting calendar days). */
        public boolean issuedLate() {
            return issuedOn != null && issuedOn.isAfter(dueOn);
        }
    }

    /** Working days from the meeting's close to the notice's deadline (QĐ 45/2018). */
    static final int DUE_WORKING_DAYS = 5;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final Minutes minutes;
    private final Agenda agenda;
    private final Organization organization;
    private final OutgoingDocuments outgoing;
    private final FileManagement files;
    private final WorkingDays workingDays;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Conclusions(
            JdbcClient jdbc,
            Meetings meetings,
            Minutes minutes,
            Agenda agenda,
            Organization organization,
            OutgoingDocuments outgoing,
            FileManagement files,
            WorkingDays workingDays,
            Notifications notifications,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.minutes = minutes;
        this.agenda = agenda;
        this.organization = organization;
        this.outgoing = outgoing;
        this.files = files;
        this.workingDays = workingDays;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    // ---- reading --------------------------------------------------------------------------------

    /**
     * The notice of a closed meeting: everything for its organisers; for the others who see the meeting,
     * only once issued. Empty for a meeting not closed.
     */
    public Optional<ConclusionView> read(UserScope user, long meetingId) {
        Meetings.Access access = meetings.access(user, meetingId);
        if (!access.visible()) {
            throw new AccessDeniedException("meeting " + meetingId);
        }
        Optional<ConclusionView> conclusion = find(meetingId);
        return access.organiser() ? conclusion : conclusion.filter(c -> c.state() == State.ISSUED);
    }

    /** The notice as it stands, with its due day; empty while the meeting has not closed. */
    Optional<ConclusionView> find(long meetingId) {
        Optional<LocalDate> closed = closedOn(meetingId);
        if (closed.isEmpty()) {
            return Optional.empty();
        }
        LocalDate due = dueOn(closed.get());
        return Optional.of(jdbc.sql("select * from meetings.conclusion where meeting_id = :m")
                .param("m", meetingId)
                .query((rs, n) -> new ConclusionView(
                        meetingId,
                        State.valueOf(rs.getString("state")),
                        rs.getString("text"),
                        due,
                        rs.getObject("outgoing_id", Long.class),
                        rs.getString("number"),
                        rs.getObject("issued_on", LocalDate.class),
                        rs.getString("waived_reason"),
                        items(meetingId)))
                .optional()
                .orElseGet(() ->
                        new ConclusionView(meetingId, State.NOT_STARTED, "", due, null, "", null, "", List.of())));
    }

    /** The last day to issue the notice of a meeting that closed on {@code closedOn}. */
    LocalDate dueOn(LocalDate closedOn) {
        return workingDays.plusWorkingDays(closedOn, DUE_WORKING_DAYS);
    }

    private Optional<LocalDate> closedOn(long meetingId) {
        return jdbc.sql("select closed_at from meetings.meeting where id = :m and state = 'CLOSED'")
                .param("m", meetingId)
                .query((rs, n) -> Meetings.instant(rs, "closed_at"))
                .optional()
                .filter(Objects::nonNull)
                .map(at -> LocalDate.ofInstant(at, MeetingText.ZONE));
    }

    List<ItemView> items(long meetingId) {
        record Row(long id, int position, String content, Long lead, List<Long> coordinating, LocalDate deadline) {}
        List<Row> rows = jdbc.sql("select * from meetings.conclusion_item where meeting_id = :m order by position")
                .param("m", meetingId)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getInt("position"),
                        rs.getString("content"),
                        rs.getObject("lead_unit_id", Long.class),
                        longs(rs, "coordinating_unit_ids"),
                        rs.getObject("deadline", LocalDate.class)))
                .list();
        Set<Long> units = new LinkedHashSet<>();
        rows.forEach(r -> {
            if (r.lead() != null) {
                units.add(r.lead());
            }
            units.addAll(r.coordinating());
        });
        Map<Long, String> names = organization.unitNames(units);
        return rows.stream()
                .map(r -> new ItemView(
                        r.id(),
                        r.position(),
                        r.content(),
                        r.lead(),
                        r.lead() == null ? null : names.get(r.lead()),
                        r.coordinating(),
                        r.coordinating().stream().map(names::get).toList(),
                        r.deadline()))
                .toList();
    }

    private static List<Long> longs(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }

    // ---- drafting -------------------------------------------------------------------------------

    /** Drafts the notice from the template (again, while it is a draft: the items stay). */
    @Transactional
    public ConclusionView draft(UserScope user, long meetingId) {
        MeetingView meeting = requireOpen(user, meetingId, State.NOT_STARTED, State.DRAFT);
        jdbc.sql("""
                insert into meetings.conclusion (meeting_id, text, edited_by) values (:m, :t, :by)
                on conflict (meeting_id) do update set text = excluded.text, edited_by = excluded.edited_by,
                    edited_at = now()
                """)
                .param("m", meetingId)
                .param("t", compose(meeting))
                .param("by", user.username())
                .update();
        events.publishEvent(new MeetingChanged(user.username(), meetingId, "conclusion.drafted", ""));
        return find(meetingId).orElseThrow();
    }

    @Transactional
    public void edit(UserScope user, long meetingId, String text) {
        requireOpen(user, meetingId, State.DRAFT);
        jdbc.sql("update meetings.conclusion set text = :t, edited_by = :by, edited_at = now() where meeting_id = :m")
                .param("t", Meetings.required(text, 100_000, "meetings.error.conclusion-empty"))
                .param("by", user.username())
                .param("m", meetingId)
                .update();
        events.publishEvent(new MeetingChanged(user.username(), meetingId, "conclusion.edited", ""));
    }

    /** Adds a conclusion item at the end. */
    @Transactional
    public long addItem(UserScope user, long meetingId, NewItem item) {
        requireOpen(user, meetingId, State.DRAFT);
        String content = Meetings.required(item.content(), 4000, "meetings.error.conclusion-item");
        List<Long> coordinating = item.coordinatingUnitIds() == null
                ? List.of()
                : item.coordinatingUnitIds().stream().distinct().toList();
        if (item.leadUnitId() == null && (!coordinating.isEmpty() || item.deadline() != null)) {
            throw new RuleViolation("meetings.error.conclusion-lead");
        }
        if (item.leadUnitId() != null) {
            activeUnit(item.leadUnitId());
            if (coordinating.contains(item.leadUnitId())) {
                throw new RuleViolation("meetings.error.conclusion-lead-coordinates");
            }
        }
        coordinating.forEach(this::activeUnit);
        if (item.deadline() != null && item.deadline().isBefore(LocalDate.now(clock))) {
            throw new RuleViolation("meetings.error.conclusion-deadline");
        }
        long id = jdbc.sql("""
                insert into meetings.conclusion_item (meeting_id, position, content, lead_unit_id,
                    coordinating_unit_ids, deadline)
                values (:m, (select coalesce(max(position), 0) + 1 from meetings.conclusion_item where meeting_id = :m),
                    :content, :lead, :coordinating, :deadline)
                returning id
                """)
                .param("m", meetingId)
                .param("content", content)
                .param("lead", item.leadUnitId())
                .param("coordinating", coordinating.toArray(Long[]::new))
                .param("deadline", item.deadline())
                .query(Long.class)
                .single();
        events.publishEvent(new MeetingChanged(user.username(), meetingId, "conclusion.item-added", "item:" + id));
        return id;
    }

    @Transactional
    public void removeItem(UserScope user, long meetingId, long itemId) {
        requireOpen(user, meetingId, State.DRAFT);
        int removed = jdbc.sql("delete from meetings.conclusion_item where id = :i and meeting_id = :m")
                .param("i", itemId)
                .param("m", meetingId)
                .update();
        if (removed == 0) {
            throw new RuleViolation("meetings.error.conclusion-item-unknown");
        }
        jdbc.sql("""
                update meetings.conclusion_item i set position = -r.n
                from (select id, row_number() over (order by position) as n from meetings.conclusion_item
                      where meeting_id = :m) r
                where i.id = r.id
                """).param("m", meetingId).update();
        jdbc.sql("update meetings.conclusion_item set position = -position where meeting_id = :m")
                .param("m", meetingId)
                .update();
        events.publishEvent(
                new MeetingChanged(user.username(), meetingId, "conclusion.item-removed", "item:" + itemId));
    }

    /** No notice for this meeting: the reason is kept and reminders stop. */
    @Transactional
    public void waive(UserScope user, long meetingId, String reason) {
        requireOpen(user, meetingId, State.NOT_STARTED, State.DRAFT);
        String why = Meetings.required(reason, 1000, "meetings.error.conclusion-waive-reason");
        jdbc.sql("""
                insert into meetings.conclusion (meeting_id, text, state, waived_reason, edited_by)
                values (:m, '', 'WAIVED', :why, :by)
                on conflict (meeting_id) do update set state = 'WAIVED', waived_reason = excluded.waived_reason,
                    edited_by = excluded.edited_by, edited_at = now()
                """)
                .param("m", meetingId)
                .param("why", why)
                .param("by", user.username())
                .update();
        events.publishEvent(new MeetingChanged(user.username(), meetingId, "conclusion.waived", why));
    }

    /**
     * Sends the notice to the e-office: an outgoing draft of type TB by {@code user}, drafted in the user's
     * own unit when it lies within the organising unit (else in the organising unit), issued by the
     * organising unit, signed by {@code signerOfficerId} (the chair by default), to the units the items
     * name and the units invited; its PDF is the notice as drafted. The text and items are fixed from
     * then on. Returns the outgoing document's id.
     */
    @Transactional
    public long send(UserScope user, long meetingId, Long signerOfficerId, SignerForm form) {
        MeetingView meeting = requireOpen(user, meetingId, State.DRAFT);
        ConclusionView conclusion = find(meetingId).orElseThrow();
        UnitView issuer = organization.requireUnit(meeting.unitId());
        long drafting = user.officerId() == null
                ? issuer.id()
                : organization.requireOfficer(user.officerId()).appointments().stream()
                        .sorted(java.util.Comparator.comparing(a -> !a.main()))
                        .filter(a -> a.unitPath().startsWith(issuer.path()))
                        .map(a -> a.unitId())
                        .findFirst()
                        .orElse(issuer.id());
        if (!user.hasIn(organization.requireUnit(drafting).path(), Role.SPECIALIST, Role.LEADER, Role.CLERK)) {
            throw new RuleViolation("meetings.error.conclusion-drafter");
        }
        Set<Long> recipients = new LinkedHashSet<>();
        for (ItemView item : conclusion.items()) {
            if (item.leadUnitId() != null) {
                recipients.add(item.leadUnitId());
            }
            recipients.addAll(item.coordinatingUnitIds());
        }
        meetings.participants(meetingId).stream()
                .map(ParticipantView::unitId)
                .filter(Objects::nonNull)
                .forEach(recipients::add);
        if (recipients.isEmpty()) {
            throw new RuleViolation("meetings.error.conclusion-recipients");
        }
        long signer = signerOfficerId == null ? meeting.chairOfficerId() : signerOfficerId;
        String subject =
                "Kết luận của " + organization.requireOfficer(signer).fullName() + " tại cuộc họp " + meeting.title();
        StoredFile pdf = render(meeting, conclusion, signer, user.username());
        long outgoingId = outgoing.draft(
                user,
                new NewDraft(
                        drafting,
                        issuer.id(),
                        DocumentType.NOTICE,
                        subject,
                        signer,
                        form == null ? SignerForm.NONE : form,
                        Urgency.NORMAL,
                        Confidentiality.NORMAL,
                        List.of(),
                        List.copyOf(recipients),
                        List.of(),
                        pdf.id(),
                        "Thông báo kết luận cuộc họp",
                        null));
        jdbc.sql("""
                update meetings.conclusion set state = 'SENT', outgoing_id = :o, edited_by = :by, edited_at = now()
                where meeting_id = :m
                """)
                .param("o", outgoingId)
                .param("by", user.username())
                .param("m", meetingId)
                .update();
        events.publishEvent(
                new MeetingChanged(user.username(), meetingId, "conclusion.sent", "outgoing:" + outgoingId));
        return outgoingId;
    }

    /**
     * The e-office released an outgoing document: when it is a conclusion notice, the notice is issued and
     * each item with a lead unit goes to task tracking.
     */
    @EventListener
    void on(OutgoingDocumentReleased released) {
        Optional<Long> meetingId = jdbc.sql("select meeting_id from meetings.conclusion where outgoing_id = :o")
                .param("o", released.documentId())
                .query(Long.class)
                .optional();
        if (meetingId.isEmpty()) {
            return;
        }
        OutgoingView document = outgoing.forIndexing(released.documentId()).orElseThrow();
        LocalDate issuedOn = document.issuedOn() != null ? document.issuedOn() : LocalDate.now(clock);
        int changed = jdbc.sql("""
                update meetings.conclusion set state = 'ISSUED', number = :n, issued_on = :d
                where meeting_id = :m and state = 'SENT'
                """)
                .param("n", document.numberAndNotation())
                .param("d", issuedOn)
                .param("m", meetingId.get())
                .update();
        if (changed == 0) {
            return;
        }
        MeetingView meeting = meetings.view(meetingId.get());
        events.publishEvent(
                new MeetingChanged(released.actor(), meeting.id(), "conclusion.issued", document.numberAndNotation()));
        for (ItemView item : items(meeting.id())) {
            if (item.leadUnitId() != null) {
                events.publishEvent(new ConclusionItemIssued(
                        released.actor(),
                        meeting.id(),
                        item.id(),
                        meeting.title(),
                        meeting.chairOfficerId(),
                        item.content(),
                        item.leadUnitId(),
                        item.coordinatingUnitIds(),
                        item.deadline(),
                        released.documentId(),
                        document.numberAndNotation(),
                        issuedOn));
            }
        }
    }

    // ---- reminders ------------------------------------------------------------------------------

    @EventListener
    void on(HourHasPassed hour) {
        remindDue();
    }

    /**
     * Tells the organisers (the meeting's secretary and chair, the unit's meeting secretaries) of each closed meeting whose notice is
     * still open: once when it is due by the next working day, once when it is overdue. Meetings closed
     * more than 60 days ago are left alone.
     */
    @Transactional
    public int remindDue() {
        LocalDate today = LocalDate.now(clock);
        List<Long> open = jdbc.sql("""
                select m.id from meetings.meeting m
                where m.state = 'CLOSED' and m.closed_at > :since
                  and not exists (select 1 from meetings.conclusion c
                                  where c.meeting_id = m.id and c.state in ('ISSUED', 'WAIVED'))
                """)
                .param("since", Meetings.offset(clock.instant().minus(java.time.Duration.ofDays(60))))
                .query(Long.class)
                .list();
        int sent = 0;
        LocalDate nextWorkingDay = workingDays.plusWorkingDays(today, 1);
        for (long id : open) {
            ConclusionView conclusion = find(id).orElseThrow();
            String occasion = conclusion.overdue(today)
                    ? "overdue"
                    : conclusion.dueOn().isAfter(nextWorkingDay) ? null : "due-soon";
            if (occasion == null) {
                continue;
            }
            MeetingView meeting = meetings.view(id);
            List<Long> officers = new ArrayList<>(List.of(meeting.chairOfficerId()));
            if (meeting.secretaryOfficerId() != null) {
                officers.add(meeting.secretaryOfficerId());
            }
            String subject =
                    (occasion.equals("overdue") ? "Quá hạn thông báo kết luận: " : "Sắp đến hạn thông báo kết luận: ")
                            + meeting.title();
            var notice = new Notice(
                    "conclusion:" + id + ":" + occasion,
                    subject,
                    "Hạn ban hành thông báo kết luận: " + conclusion.due() + " (" + DUE_WORKING_DAYS
                            + " ngày làm việc sau cuộc họp).",
                    "/meetings/" + id + "/conclusion",
                    true);
            sent += notifications.send(
                    new Recipients(officers, List.of(meeting.unitId()), Set.of(Role.MEETING_SECRETARY)), notice);
        }
        return sent;
    }

    // ---- the notice's text ----------------------------------------------------------------------

    /** The template filled in: when, where, who chaired and came, what was presented, the conclusions. */
    String compose(MeetingView meeting) {
        List<ParticipantView> present = meetings.participants(meeting.id()).stream()
                .filter(p -> p.checkedInAt() != null && p.role() != MeetingViews.ParticipantRole.CHAIR)
                .toList();
        var out = new StringBuilder();
        out.append("Ngày ")
                .append(DAY.format(LocalDate.ofInstant(meeting.startsAt(), MeetingText.ZONE)))
                .append(meeting.where().isEmpty() ? "" : ", tại " + meeting.where())
                .append(", ")
                .append(meeting.chairName())
                .append(" chủ trì cuộc họp ")
                .append(meeting.title())
                .append(".");
        if (!present.isEmpty()) {
            out.append(" Tham dự cuộc họp có: ")
                    .append(String.join(
                            ", ", present.stream().map(Minutes::attendee).toList()))
                    .append(".");
        }
        out.append("\n\n");
        List<String> presented = new ArrayList<>();
        for (var item : agenda.items(meeting.id())) {
            presented.add(item.title()
                    + (item.presenter() == null || item.presenter().isEmpty()
                            ? ""
                            : " do " + item.presenter() + " trình bày"));
        }
        out.append("Sau khi nghe ")
                .append(presented.isEmpty() ? "báo cáo" : String.join("; ", presented))
                .append(" và ý kiến của các đại biểu dự họp, ")
                .append(meeting.chairName())
                .append(" kết luận như sau:\n\n");
        String said = minutes.find(meeting.id())
                .map(m -> Minutes.conclusions(m.text()))
                .orElse("");
        out.append(said.isEmpty() ? "(Ý kiến kết luận của chủ trì cuộc họp.)" : said);
        return out.toString();
    }

    /** The notice as a PDF: the issuing unit, the title, the text, the items, where it goes, the signer. */
    private StoredFile render(MeetingView meeting, ConclusionView conclusion, long signer, String owner) {
        var out = new StringBuilder();
        out.append(meeting.unitName().toUpperCase(java.util.Locale.ROOT)).append("\n");
        out.append("Số:      /TB-\n\n");
        out.append("THÔNG BÁO\n");
        out.append("Kết luận của ")
                .append(organization.requireOfficer(signer).fullName())
                .append(" tại cuộc họp ")
                .append(meeting.title())
                .append("\n\n");
        out.append(conclusion.text().strip()).append("\n\n");
        for (ItemView item : conclusion.items()) {
            out.append(item.position()).append(". ").append(item.content().strip());
            if (!item.assignment().isEmpty()) {
                out.append(" ").append(item.assignment());
            }
            out.append("\n");
        }
        out.append("\n")
                .append(meeting.unitName())
                .append(" thông báo để các cơ quan, đơn vị, cá nhân liên quan biết, thực hiện./.\n\n");
        Set<String> to = new LinkedHashSet<>();
        conclusion.items().forEach(i -> {
            if (i.leadUnitName() != null) {
                to.add(i.leadUnitName());
            }
            to.addAll(i.coordinatingUnitNames());
        });
        out.append("Nơi nhận:\n");
        to.forEach(name -> out.append("- ").append(name).append(";\n"));
        out.append("- Lưu: VT.\n\n");
        out.append(organization.requireOfficer(signer).fullName()).append("\n");
        return TextPdf.store(files, out.toString(), "thong-bao-ket-luan.pdf", owner);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private MeetingView requireOpen(UserScope user, long meetingId, State... allowed) {
        MeetingView meeting = meetings.requireOrganiser(user, meetingId);
        if (meeting.state() != MeetingState.CLOSED) {
            throw new RuleViolation("meetings.error.conclusion-not-closed");
        }
        State state = find(meetingId).map(ConclusionView::state).orElse(State.NOT_STARTED);
        if (!Arrays.asList(allowed).contains(state)) {
            throw new RuleViolation(
                    state == State.NOT_STARTED ? "meetings.error.conclusion-none" : "meetings.error.conclusion-fixed");
        }
        return meeting;
    }

    private UnitView activeUnit(long id) {
        return organization
                .unit(id)
                .filter(UnitView::active)
                .orElseThrow(() -> new RuleViolation("meetings.error.unit"));
    }
}
