package vn.sen.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.sen.documents.OutgoingViews.SignerForm;
import vn.sen.meetings.Conclusions.NewItem;
import vn.sen.meetings.MeetingViews.MeetingView;
import vn.sen.meetings.MeetingViews.ParticipantView;
import vn.sen.organization.Organization;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.shared.UserScope;

/** The conclusion notice's page (thông báo kết luận) of a closed meeting. */
@Controller
class ConclusionController {

    private final Conclusions conclusions;
    private final Meetings meetings;
    private final Organization organization;
    private final FormOutcomes forms;
    private final java.time.Clock clock;

    ConclusionController(
            Conclusions conclusions,
            Meetings meetings,
            Organization organization,
            FormOutcomes forms,
            java.time.Clock clock) {
        this.conclusions = conclusions;
        this.meetings = meetings;
        this.organization = organization;
        this.forms = forms;
        this.clock = clock;
    }

    @GetMapping("/meetings/{id}/conclusion")
    String show(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        UserScope user = me.scope();
        var conclusion = conclusions.read(user, id).orElse(null);
        MeetingView meeting = meetings.view(id);
        boolean organiser = meetings.access(user, id).organiser();
        model.addAttribute("m", meeting);
        model.addAttribute("c", conclusion);
        model.addAttribute("organiser", organiser);
        model.addAttribute("overdue", conclusion != null && conclusion.overdue(LocalDate.now(clock)));
        if (organiser) {
            model.addAttribute(
                    "units",
                    organization.children(
                            organization.ancestry(meeting.unitId()).getFirst().id()));
            List<ParticipantView> participants = meetings.participants(id);
            model.addAttribute(
                    "signers",
                    participants.stream()
                            .filter(p -> p.officerId() != null)
                            .filter(p -> p.unitId() == null)
                            .toList());
            model.addAttribute("signerForms", SignerForm.values());
            model.addAttribute("today", LocalDate.now(clock));
        }
        return "meetings/conclusion";
    }

    @PostMapping("/meetings/{id}/conclusion/draft")
    String draft(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, RedirectAttributes redirect) {
        return act(id, redirect, "meetings.conclusion-drafted", () -> conclusions.draft(me.scope(), id));
    }

    @PostMapping("/meetings/{id}/conclusion")
    String edit(
            @PathVariable long id,
            @RequestParam String text,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, "meetings.saved", () -> conclusions.edit(me.scope(), id, text));
    }

    @PostMapping("/meetings/{id}/conclusion/items")
    String addItem(
            @PathVariable long id,
            @RequestParam String content,
            @RequestParam(required = false) Long leadUnitId,
            @RequestParam(required = false) List<Long> coordinatingUnitIds,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        var item = new NewItem(
                content,
                leadUnitId,
                coordinatingUnitIds == null
                        ? List.of()
                        : coordinatingUnitIds.stream().filter(Objects::nonNull).toList(),
                deadline);
        return act(id, redirect, "meetings.saved", () -> conclusions.addItem(me.scope(), id, item));
    }

    @PostMapping("/meetings/{id}/conclusion/items/{item}/removal")
    String removeItem(
            @PathVariable long id,
            @PathVariable long item,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, "meetings.saved", () -> conclusions.removeItem(me.scope(), id, item));
    }

    @PostMapping("/meetings/{id}/conclusion/waiver")
    String waive(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(id, redirect, "meetings.conclusion-waived", () -> conclusions.waive(me.scope(), id, reason));
    }

    /** Sends the notice to the e-office and opens the outgoing draft there. */
    @PostMapping("/meetings/{id}/conclusion/sending")
    String send(
            @PathVariable long id,
            @RequestParam(required = false) Long signerOfficerId,
            @RequestParam(defaultValue = "NONE") SignerForm signerForm,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        long[] outgoing = new long[1];
        String back = act(
                id,
                redirect,
                "meetings.conclusion-sent",
                () -> outgoing[0] = conclusions.send(me.scope(), id, signerOfficerId, signerForm));
        return outgoing[0] == 0 ? back : "redirect:/documents/outgoing/" + outgoing[0];
    }

    private String act(long id, RedirectAttributes redirect, String notice, Runnable action) {
        return forms.run(id, "/meetings/" + id + "/conclusion", redirect, notice, action);
    }
}
