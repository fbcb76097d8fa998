package vn.sen.meetings;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.sen.files.FileManagement;
import vn.sen.meetings.Agenda.ItemForm;
import vn.sen.meetings.MeetingViews.AgendaItemView;
import vn.sen.meetings.MeetingViews.DocumentView;
import vn.sen.meetings.MeetingViews.MeetingView;
import vn.sen.meetings.MeetingViews.NewMeeting;
import vn.sen.meetings.MeetingViews.ParticipantView;
import vn.sen.meetings.MeetingViews.Repeat;
import vn.sen.meetings.MeetingViews.Response;
import vn.sen.organization.Organization;
import vn.sen.organization.Views.OfficerView;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.NavigationItem;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.shared.UserScope;

/** Meeting screens: the list, scheduling, a meeting's page (invitations, replies, agenda, documents). */
@Controller
class MeetingController {

    private final Meetings meetings;
    private final MeetingTypes types;
    private final Rooms rooms;
    private final Agenda agenda;
    private final MeetingDocuments documents;
    private final FileManagement files;
    private final Organization organization;
    private final Clock clock;
    private final LiveStream stream;
    private final LiveViews views;
    private final FormOutcomes forms;
    private final Minutes minutes;
    private final Conclusions conclusions;
    private final tools.jackson.databind.json.JsonMapper json;
    private final vn.sen.files.FileResponses responses;

    MeetingController(
            Meetings meetings,
            MeetingTypes types,
            Rooms rooms,
            Agenda agenda,
            MeetingDocuments documents,
            FileManagement files,
            Organization organization,
            Clock clock,
            LiveStream stream,
            LiveViews views,
            FormOutcomes forms,
            Minutes minutes,
            Conclusions conclusions,
            tools.jackson.databind.json.JsonMapper json,
            vn.sen.files.FileResponses responses) {
        this.json = json;
        this.forms = forms;
        this.conclusions = conclusions;
        this.minutes = minutes;
        this.responses = responses;
        this.stream = stream;
        this.views = views;
        this.meetings = meetings;
        this.types = types;
        this.rooms = rooms;
        this.agenda = agenda;
        this.documents = documents;
        this.files = files;
        this.organization = organization;
        this.clock = clock;
    }

    @Bean
    static NavigationItem meetingsNavigation() {
        return new NavigationItem(20, "/meetings", "nav.meetings", scope -> scope.officerId() != null);
    }

    // ---- list and scheduling --------------------------------------------------------------------

    @GetMapping("/meetings")
    String index(
            @RequestParam(defaultValue = "false") boolean past,
            @AuthenticationPrincipal ScopedPrincipal me,
            Model model) {
        Instant today = LocalDate.now(clock).atStartOfDay(MeetingText.ZONE).toInstant();
        var list = past
                ? meetings.list(me.scope(), today.minus(Duration.ofDays(365)), today, 500)
                        .reversed()
                : meetings.list(me.scope(), today, today.plus(Duration.ofDays(366)), 500);
        model.addAttribute("meetings", list);
        model.addAttribute("past", past);
        model.addAttribute("mayOrganise", meetings.mayOrganise(me.scope()));
        return "meetings/index";
    }

    @GetMapping("/meetings/new")
    String form(@AuthenticationPrincipal ScopedPrincipal me, Model model) {
        List<UnitView> units = meetings.organisingUnits(me.scope());
        if (units.isEmpty()) {
            throw new AccessDeniedException("organises no unit's meetings");
        }
        model.addAttribute("units", units);
        model.addAttribute("types", types.active());
        model.addAttribute(
                "rooms",
                units.stream()
                        .flatMap(u -> rooms.usableBy(u.id()).stream())
                        .distinct()
                        .toList());
        model.addAttribute("officers", officersAround(units));
        model.addAttribute("day", LocalDate.now(clock).plusWeeks(1));
        model.addAttribute("repeats", Repeat.values());
        return "meetings/new";
    }

    /** Officers of the organising units and of the units just above (the committee's leaders). */
    private List<OfficerView> officersAround(List<UnitView> units) {
        Map<Long, OfficerView> officers = new LinkedHashMap<>();
        for (UnitView unit : units) {
            for (UnitView around : organization.ancestry(unit.id())) {
                organization.officersIn(around.id()).forEach(o -> officers.putIfAbsent(o.id(), o));
            }
        }
        return List.copyOf(officers.values());
    }

    @PostMapping("/meetings")
    String schedule(
            @AuthenticationPrincipal ScopedPrincipal me,
            @RequestParam long unitId,
            @RequestParam long typeId,
            @RequestParam String title,
            @RequestParam(defaultValue = "") String description,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime to,
            @RequestParam(required = false) Long roomId,
            @RequestParam(defaultValue = "") String place,
            @RequestParam long chairOfficerId,
            @RequestParam(required = false) Long secretaryOfficerId,
            @RequestParam(defaultValue = "") String videoUrl,
            @RequestParam(defaultValue = "NONE") Repeat repeat,
            @RequestParam(defaultValue = "1") int occurrences,
            RedirectAttributes redirect) {
        try {
            List<Long> ids = meetings.schedule(
                    me.scope(),
                    new NewMeeting(
                            unitId,
                            typeId,
                            title,
                            description,
                            LocalDateTime.of(day, from),
                            LocalDateTime.of(day, to),
                            roomId,
                            place,
                            chairOfficerId,
                            secretaryOfficerId,
                            videoUrl,
                            repeat,
                            occurrences));
            redirect.addFlashAttribute("notice", ids.size() > 1 ? "meetings.scheduled-series" : "meetings.scheduled");
            redirect.addFlashAttribute("noticeArgs", new Object[] {String.valueOf(ids.size())});
            return "redirect:/meetings/" + ids.getFirst();
        } catch (RuleViolation e) {
            return forms.refused(0, "/meetings/new", redirect, e);
        }
    }

    // ---- one meeting ----------------------------------------------------------------------------

    @GetMapping("/meetings/{id:\\d+}")
    String show(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        UserScope user = me.scope();
        MeetingView meeting = meetings.view(id);
        List<ParticipantView> participants = meetings.participants(id);
        Meetings.Access access = meetings.access(user, meeting, participants);
        if (!access.visible()) {
            throw new AccessDeniedException("meeting " + id);
        }
        List<AgendaItemView> items = agenda.items(id);
        List<DocumentView> docs = documents.list(user, id);
        Map<Long, List<DocumentView>> byItem = new LinkedHashMap<>();
        for (DocumentView d : docs) {
            byItem.computeIfAbsent(d.agendaItemId() == null ? 0L : d.agendaItemId(), k -> new ArrayList<>())
                    .add(d);
        }
        model.addAttribute("m", meeting);
        model.addAttribute("span", MeetingText.span(meeting.startsAt(), meeting.endsAt()));
        model.addAttribute("access", access);
        model.addAttribute("participants", participants);
        model.addAttribute("items", items);
        model.addAttribute("documents", byItem);
        model.addAttribute("documentCount", docs.size());
        model.addAttribute("approver", access.chair() || user.hasIn(meeting.unitPath(), vn.sen.shared.Role.LEADER));
        model.addAttribute("responses", List.of(Response.ATTEND, Response.ABSENT, Response.SUBSTITUTE));
        model.addAttribute("changeable", !meeting.state().finished());
        model.addAttribute(
                "seats",
                meeting.roomId() == null
                        ? List.of()
                        : rooms.require(meeting.roomId()).seats());
        if (meeting.state() == MeetingViews.MeetingState.CLOSED) {
            var kept = minutes.read(user, id).orElse(null);
            var signers = minutes.signers(id);
            model.addAttribute("minutes", kept);
            model.addAttribute("minuteSigners", signers);
            model.addAttribute(
                    "maySignMinutes",
                    kept != null
                            && kept.state() == Minutes.State.APPROVED
                            && (access.chair() || access.secretary())
                            && signers.stream().noneMatch(s -> s.officerId() == user.officerId()));
            model.addAttribute("conclusion", conclusions.read(user, id).orElse(null));
            model.addAttribute("today", LocalDate.now(clock));
        }
        if (access.organiser()) {
            model.addAttribute("rooms", rooms.usableBy(meeting.unitId()));
            model.addAttribute(
                    "day", meeting.startsAt().atZone(MeetingText.ZONE).toLocalDate());
            model.addAttribute(
                    "from", meeting.startsAt().atZone(MeetingText.ZONE).toLocalTime());
            model.addAttribute("to", meeting.endsAt().atZone(MeetingText.ZONE).toLocalTime());
            // units to invite: those directly under the top of the organising unit's tree (departments, communes)
            model.addAttribute(
                    "departments",
                    organization.children(
                            organization.ancestry(meeting.unitId()).getFirst().id()));
        }
        return "meetings/show";
    }

    @PostMapping("/meetings/{id}/{step:invitation|cancellation}")
    String step(
            @PathVariable long id,
            @PathVariable String step,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, "meetings." + step + "-done", () -> {
            if (step.equals("invitation")) {
                meetings.invite(me.scope(), id);
            } else {
                meetings.cancel(me.scope(), id, reason);
            }
        });
    }

    @PostMapping("/meetings/{id}/schedule")
    String reschedule(
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime to,
            @RequestParam(required = false) Long roomId,
            @RequestParam(defaultValue = "") String place,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "meetings.rescheduled",
                () -> meetings.reschedule(
                        me.scope(), id, LocalDateTime.of(day, from), LocalDateTime.of(day, to), roomId, place));
    }

    @PostMapping("/meetings/{id}/description")
    String describe(
            @PathVariable long id,
            @RequestParam String title,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String videoUrl,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(
                id, redirect, "meetings.saved", () -> meetings.describe(me.scope(), id, title, description, videoUrl));
    }

    // ---- participants ---------------------------------------------------------------------------

    @PostMapping("/meetings/{id}/participants/officers")
    String inviteOfficers(
            @PathVariable long id,
            @RequestParam(required = false) List<Long> officerIds,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "meetings.participants-added",
                () -> meetings.inviteOfficers(me.scope(), id, officerIds == null ? List.of() : officerIds));
    }

    @PostMapping("/meetings/{id}/participants/units")
    String inviteUnits(
            @PathVariable long id,
            @RequestParam(required = false) List<Long> unitIds,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "meetings.participants-added",
                () -> meetings.inviteUnits(me.scope(), id, unitIds == null ? List.of() : unitIds));
    }

    @PostMapping("/meetings/{id}/participants/guests")
    String inviteGuest(
            @PathVariable long id,
            @RequestParam String name,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String organisation,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "meetings.participants-added",
                () -> meetings.inviteGuest(me.scope(), id, name, email, organisation));
    }

    @PostMapping("/meetings/{id}/participants/{participant}/removal")
    String uninvite(
            @PathVariable long id,
            @PathVariable long participant,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, "meetings.participant-removed", () -> meetings.uninvite(me.scope(), id, participant));
    }

    @PostMapping("/meetings/{id}/participants/{participant}/arrangement")
    String arrange(
            @PathVariable long id,
            @PathVariable long participant,
            @RequestParam(defaultValue = "false") boolean voting,
            @RequestParam(defaultValue = "1") BigDecimal weight,
            @RequestParam(defaultValue = "") String seat,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "meetings.saved",
                () -> meetings.arrange(me.scope(), id, participant, voting, weight, seat));
    }

    @PostMapping("/meetings/{id}/participants/{participant}/reply")
    String reply(
            @PathVariable long id,
            @PathVariable long participant,
            @RequestParam Response response,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) Long attendeeOfficerId,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "meetings.replied",
                () -> meetings.respond(me.scope(), id, participant, response, reason, attendeeOfficerId));
    }

    /** Officers found by name, as check boxes or radio buttons named {@code field}, for the forms above. */
    @GetMapping("/meetings/officers")
    String officers(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "officerIds") String field,
            @RequestParam(defaultValue = "checkbox") String type,
            Model model) {
        model.addAttribute(
                "officers", q.strip().length() < 2 ? List.of() : organization.searchOfficers(q, List.of(), 15));
        model.addAttribute("field", field.matches("[A-Za-z]+") ? field : "officerIds");
        model.addAttribute("type", type.equals("radio") ? "radio" : "checkbox");
        model.addAttribute("searched", q.strip().length() >= 2);
        return "meetings/fragments :: officers";
    }

    // ---- agenda ---------------------------------------------------------------------------------

    @PostMapping("/meetings/{id}/agenda")
    String addItem(
            @PathVariable long id,
            @RequestParam String title,
            @RequestParam(required = false) Long presenterOfficerId,
            @RequestParam(defaultValue = "") String presenterName,
            @RequestParam(defaultValue = "0") int plannedMinutes,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "meetings.item-added",
                () -> agenda.add(
                        me.scope(), id, new ItemForm(title, presenterOfficerId, presenterName, plannedMinutes)));
    }

    @PostMapping("/meetings/{id}/agenda/{item}/{step:up|down|removal}")
    String changeItem(
            @PathVariable long id,
            @PathVariable long item,
            @PathVariable String step,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, null, () -> {
            switch (step) {
                case "up" -> agenda.move(me.scope(), id, item, -1);
                case "down" -> agenda.move(me.scope(), id, item, 1);
                default -> agenda.remove(me.scope(), id, item);
            }
        });
    }

    // ---- documents ------------------------------------------------------------------------------

    @PostMapping("/meetings/{id}/documents")
    String addDocument(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) Long itemId,
            @RequestParam(defaultValue = "false") boolean restricted,
            @RequestParam(required = false) List<Long> readerIds,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect)
            throws IOException {
        if (file.isEmpty()) {
            return problem(id, redirect, new RuleViolation("meetings.error.file"));
        }
        var stored = files.store(file, me.scope().username());
        return act(
                id,
                redirect,
                "meetings.document-added",
                () -> documents.add(
                        me.scope(),
                        id,
                        itemId,
                        title,
                        stored.id(),
                        restricted,
                        readerIds == null ? List.of() : readerIds));
    }

    @PostMapping("/meetings/{id}/documents/{document}/versions")
    String addVersion(
            @PathVariable long id,
            @PathVariable long document,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect)
            throws IOException {
        if (file.isEmpty()) {
            return problem(id, redirect, new RuleViolation("meetings.error.file"));
        }
        var stored = files.store(file, me.scope().username());
        return act(
                id,
                redirect,
                "meetings.version-added",
                () -> documents.addVersion(me.scope(), id, document, stored.id(), note));
    }

    @PostMapping("/meetings/{id}/documents/{document}/approval")
    String approve(
            @PathVariable long id,
            @PathVariable long document,
            @RequestParam int version,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(
                id, redirect, "meetings.document-approved", () -> documents.approve(me.scope(), id, document, version));
    }

    @PostMapping("/meetings/{id}/documents/{document}/withdrawal")
    String withdraw(
            @PathVariable long id,
            @PathVariable long document,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, "meetings.document-withdrawn", () -> documents.withdraw(me.scope(), id, document));
    }

    @GetMapping("/meetings/{id}/documents/{document}/file")
    ResponseEntity<StreamingResponseBody> open(
            @PathVariable long id,
            @PathVariable long document,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "false") boolean download,
            @AuthenticationPrincipal ScopedPrincipal me) {
        var opened = documents.open(me.scope(), id, document, version);
        var file = opened.file();
        boolean inline = !download && file.pdf();
        var disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.name(), StandardCharsets.UTF_8)
                .build();
        var response = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
        if (!opened.watermarked()) {
            response = response.contentLength(file.size());
        }
        return response.body(out -> documents.write(opened, out));
    }

    /** A meeting document in the viewer; during the session it follows the presenter's page. */
    @GetMapping("/meetings/{id}/documents/{document:\\d+}")
    String document(
            @PathVariable long id,
            @PathVariable long document,
            @AuthenticationPrincipal ScopedPrincipal me,
            Model model) {
        UserScope user = me.scope();
        DocumentView doc = documents.list(user, id).stream()
                .filter(d -> d.id() == document && d.published() != null)
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException("may not open document " + document));
        MeetingView meeting = meetings.view(id);
        boolean presents =
                meetings.access(user, meeting, meetings.participants(id)).organiser()
                        || agenda.items(id).stream()
                                .anyMatch(i -> user.officerId() != null
                                        && user.officerId().equals(i.presenterOfficerId()));
        model.addAttribute("m", meeting);
        model.addAttribute("d", doc);
        model.addAttribute("presents", presents && !doc.restricted());
        model.addAttribute("notePeople", notePeople(user, id));
        model.addAttribute("live", views.state(id));
        return "meetings/document";
    }

    @GetMapping("/meetings/{id}/documents/{document}/reads")
    String reads(
            @PathVariable long id,
            @PathVariable long document,
            @AuthenticationPrincipal ScopedPrincipal me,
            Model model) {
        model.addAttribute("reads", documents.reads(me.scope(), id, document));
        return "meetings/fragments :: reads";
    }

    /** The live stream of the meeting, for everyone who may see it. */
    @GetMapping(path = "/meetings/{id}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    org.springframework.web.servlet.mvc.method.annotation.SseEmitter live(
            @PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, java.util.Locale locale) {
        meetings.read(me.scope(), id);
        return stream.join(id, locale);
    }

    // ---- minutes ----

    @PostMapping("/meetings/{id}/minutes/{step:draft|approval}")
    String minutesStep(
            @PathVariable long id,
            @PathVariable String step,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, "meetings.minutes-" + step, () -> {
            if (step.equals("draft")) {
                minutes.draft(me.scope(), id);
            } else {
                minutes.approve(me.scope(), id);
            }
        });
    }

    @PostMapping("/meetings/{id}/minutes")
    String editMinutes(
            @PathVariable long id,
            @RequestParam String text,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, "meetings.saved", () -> minutes.edit(me.scope(), id, text));
    }

    @GetMapping("/meetings/{id}/minutes.pdf")
    ResponseEntity<org.springframework.core.io.Resource> minutesPdf(
            @PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me) {
        var approved = minutes.read(me.scope(), id)
                .filter(m -> m.fileId() != null)
                .orElseThrow(() -> new RuleViolation("meetings.error.minutes-none"));
        return responses.of(files.require(approved.fileId()), true);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Whom the user may share a note with: the meeting's other participants, as JSON for the notes script. */
    private String notePeople(UserScope user, long meetingId) {
        var people = new java.util.LinkedHashMap<Long, String>();
        for (ParticipantView p : meetings.participants(meetingId)) {
            Long officer = p.attendeeOfficerId() != null ? p.attendeeOfficerId() : p.officerId();
            if (officer != null && !officer.equals(user.officerId())) {
                people.putIfAbsent(officer, p.attendeeName() != null ? p.attendeeName() : p.name());
            }
        }
        return json.writeValueAsString(people.entrySet().stream()
                .map(e -> Map.of("id", e.getKey(), "name", e.getValue()))
                .toList());
    }

    private String act(long id, RedirectAttributes redirect, String notice, Runnable action) {
        return forms.run(id, "/meetings/" + id, redirect, notice, action);
    }

    private String problem(long id, RedirectAttributes redirect, RuleViolation e) {
        return forms.refused(id, "/meetings/" + id, redirect, e);
    }
}
