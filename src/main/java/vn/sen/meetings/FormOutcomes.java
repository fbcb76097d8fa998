package vn.sen.meetings;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.sen.shared.AuditableEvent.Outcome;
import vn.sen.shared.RuleViolation;

/**
 * How every form of the meeting screens ends: back to its page with a notice when the action succeeded,
 * or with the rule's message when it was refused — and a refusal (a second ballot, a vote after the close,
 * an upload to a closed meeting) goes into the audit trail.
 */
@Component
class FormOutcomes {

    private final ApplicationEventPublisher events;

    FormOutcomes(ApplicationEventPublisher events) {
        this.events = events;
    }

    String run(long meetingId, String back, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            if (notice != null) {
                redirect.addFlashAttribute("notice", notice);
            }
            return "redirect:" + back;
        } catch (RuleViolation e) {
            return refused(meetingId, back, redirect, e);
        }
    }

    String refused(long meetingId, String back, RedirectAttributes redirect, RuleViolation e) {
        redirect.addFlashAttribute("problem", e.code());
        redirect.addFlashAttribute("problemArgs", e.args());
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        events.publishEvent(new MeetingChanged(
                authentication == null ? "anonymous" : authentication.getName(),
                meetingId,
                "refused",
                e.code(),
                Outcome.FAILURE));
        return "redirect:" + back;
    }
}
