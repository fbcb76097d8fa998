package vn.sen.meetings;

import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.sen.meetings.MeetingViews.MeetingState;
import vn.sen.meetings.MeetingViews.MeetingView;
import vn.sen.meetings.SpeakerQueue.Kind;
import vn.sen.meetings.VoteRules.Basis;
import vn.sen.meetings.VoteRules.Share;
import vn.sen.meetings.Votes.VoteForm;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.shared.UserScope;

/**
 * The live session's screens: the session page (the delegate's view, with the chair's and secretary's
 * console for the organisers), the projector's big screen, check-in from the room's QR code, and the
 * actions of the session. The shared state arrives over the live stream; the personal panel (one's
 * ballot, one's requests, the console) reloads when it changes.
 */
@Controller
class LiveController {

    private final Meetings meetings;
    private final Agenda agenda;
    private final LiveSession live;
    private final LiveViews views;
    private final SpeakerQueue speakers;
    private final Votes votes;
    private final Rooms rooms;
    private final FormOutcomes forms;
    private final java.time.Clock clock;

    LiveController(
            Meetings meetings,
            Agenda agenda,
            LiveSession live,
            LiveViews views,
            SpeakerQueue speakers,
            Votes votes,
            Rooms rooms,
            FormOutcomes forms,
            java.time.Clock clock) {
        this.forms = forms;
        this.clock = clock;
        this.meetings = meetings;
        this.agenda = agenda;
        this.live = live;
        this.views = views;
        this.speakers = speakers;
        this.votes = votes;
        this.rooms = rooms;
    }

    @GetMapping("/meetings/{id:\\d+}/session")
    String session(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        meetings.read(me.scope(), id);
        model.addAttribute("live", views.state(id));
        panel(id, me.scope(), model);
        return "meetings/session";
    }

    @GetMapping("/meetings/{id:\\d+}/screen")
    String screen(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        meetings.read(me.scope(), id);
        model.addAttribute("live", views.state(id));
        return "meetings/screen";
    }

    @GetMapping("/meetings/{id:\\d+}/session/panel")
    String panel(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        meetings.read(me.scope(), id);
        panel(id, me.scope(), model);
        return "meetings/session :: panel";
    }

    private void panel(long id, UserScope user, Model model) {
        MeetingView meeting = meetings.view(id);
        var access = meetings.access(user, id);
        var mine = access.attending(user.officerId()).orElse(null);
        var held = votes.ofMeeting(id);
        var open = held.stream()
                .filter(v -> v.state() == Votes.VoteState.OPEN)
                .findFirst()
                .orElse(null);
        model.addAttribute("m", meeting);
        model.addAttribute("organiser", access.organiser());
        model.addAttribute("mine", mine);
        model.addAttribute("openVote", open);
        model.addAttribute("myBallot", open == null ? null : votes.mine(user, open.id()));
        model.addAttribute("queue", speakers.queue(id));
        model.addAttribute(
                "myRequests",
                mine == null
                        ? List.of()
                        : speakers.queue(id).stream()
                                .filter(r -> r.participantId() == mine.id())
                                .toList());
        if (access.organiser()) {
            model.addAttribute("items", agenda.items(id));
            model.addAttribute("votes", held.isEmpty() ? votes.ofMeeting(id) : held);
            model.addAttribute("participants", meetings.participants(id));
            model.addAttribute("bases", Basis.values());
        }
        model.addAttribute("running", meeting.state() == MeetingState.OPEN);
    }

    // ---- check-in from the room's QR code ----

    /** The room's QR code leads here: the meetings in that room the user attends and may check in to. */
    @GetMapping("/meetings/checkin")
    String checkinPage(@RequestParam String room, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        var found = rooms.byCheckinToken(room).orElseThrow(() -> new RuleViolation("meetings.error.checkin-code"));
        var now = clock.instant();
        var mine =
                meetings
                        .list(me.scope(), now.minus(java.time.Duration.ofHours(12)), now.plus(LiveSession.EARLY), 20)
                        .stream()
                        .filter(s -> s.state() == MeetingState.INVITED || s.state() == MeetingState.OPEN)
                        .filter(s -> found.id() == meetings.view(s.id()).roomId())
                        .toList();
        model.addAttribute("room", found);
        model.addAttribute("meetings", mine);
        model.addAttribute("token", room);
        return "meetings/checkin";
    }

    @PostMapping("/meetings/{id}/session/checkin")
    String checkIn(
            @PathVariable long id,
            @RequestParam String code,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, "meetings.live.checked-in", () -> live.checkIn(me.scope(), id, code));
    }

    // ---- the console ----

    @PostMapping("/meetings/{id}/session/{step:opening|closing}")
    String openOrClose(
            @PathVariable long id,
            @PathVariable String step,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, null, () -> {
            if (step.equals("opening")) {
                live.open(me.scope(), id);
            } else {
                live.close(me.scope(), id);
            }
        });
    }

    @PostMapping("/meetings/{id}/session/items/{item}")
    String startItem(
            @PathVariable long id,
            @PathVariable long item,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, null, () -> live.startItem(me.scope(), id, item));
    }

    @PostMapping("/meetings/{id}/session/attendance/{participant}")
    String mark(
            @PathVariable long id,
            @PathVariable long participant,
            @RequestParam boolean present,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, null, () -> live.mark(me.scope(), id, participant, present));
    }

    @PostMapping("/meetings/{id}/session/page")
    String present(
            @PathVariable long id,
            @RequestParam long documentId,
            @RequestParam int page,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, null, () -> live.present(me.scope(), id, documentId, page));
    }

    // ---- speakers ----

    @PostMapping("/meetings/{id}/session/requests")
    String request(
            @PathVariable long id,
            @RequestParam Kind kind,
            @RequestParam(defaultValue = "") String topic,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, "meetings.live.requested", () -> speakers.request(me.scope(), id, kind, topic));
    }

    @PostMapping("/meetings/{id}/session/requests/{request}/{step:withdrawal|grant|finish|decline}")
    String requestStep(
            @PathVariable long id,
            @PathVariable long request,
            @PathVariable String step,
            @RequestParam(defaultValue = "0") int minutes,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, null, () -> {
            switch (step) {
                case "withdrawal" -> speakers.withdraw(me.scope(), id, request);
                case "grant" -> speakers.grant(me.scope(), id, request, Math.max(0, minutes) * 60);
                case "finish" -> speakers.finish(me.scope(), id, request);
                default -> speakers.decline(me.scope(), id, request);
            }
        });
    }

    // ---- votes ----

    @PostMapping("/meetings/{id}/session/votes")
    String createVote(
            @PathVariable long id,
            @RequestParam String question,
            @RequestParam(defaultValue = "") String options,
            @RequestParam(required = false) Long itemId,
            @RequestParam(defaultValue = "false") boolean secret,
            @RequestParam(defaultValue = "false") boolean weighted,
            @RequestParam(defaultValue = "false") boolean changeable,
            @RequestParam(defaultValue = "false") boolean choice,
            @RequestParam(defaultValue = "1/2") String quorum,
            @RequestParam(defaultValue = "ELIGIBLE") Basis basis,
            @RequestParam(defaultValue = "1/2") String majority,
            @RequestParam(defaultValue = "true") boolean strict,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "meetings.live.vote-created",
                () -> votes.create(
                        me.scope(),
                        id,
                        new VoteForm(
                                itemId,
                                question,
                                Arrays.stream(options.split("\\R"))
                                        .map(String::strip)
                                        .filter(s -> !s.isEmpty())
                                        .toList(),
                                secret,
                                weighted,
                                changeable,
                                new VoteRules(Share.parse(quorum), basis, Share.parse(majority), strict, choice))));
    }

    @PostMapping("/meetings/{id}/session/votes/{vote}/{step:opening|closing}")
    String voteStep(
            @PathVariable long id,
            @PathVariable long vote,
            @PathVariable String step,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        requireVoteOf(id, vote);
        return act(id, redirect, null, () -> {
            if (step.equals("opening")) {
                votes.open(me.scope(), vote);
            } else {
                votes.close(me.scope(), vote);
            }
        });
    }

    @PostMapping("/meetings/{id}/session/votes/{vote}/ballot")
    String cast(
            @PathVariable long id,
            @PathVariable long vote,
            @RequestParam int option,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        requireVoteOf(id, vote);
        return act(id, redirect, "meetings.live.ballot-cast", () -> votes.cast(me.scope(), vote, option));
    }

    private void requireVoteOf(long meetingId, long voteId) {
        if (votes.require(voteId).meetingId() != meetingId) {
            throw new AccessDeniedException("vote " + voteId + " is not of meeting " + meetingId);
        }
    }

    private String act(long id, RedirectAttributes redirect, String notice, Runnable action) {
        return forms.run(id, "/meetings/" + id + "/session", redirect, notice, action);
    }
}
