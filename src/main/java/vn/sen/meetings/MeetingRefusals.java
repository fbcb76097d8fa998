package vn.sen.meetings;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.sen.shared.AuditableEvent.Outcome;
import vn.sen.shared.ScopedPrincipal;

/** Refused requests on meetings go into the audit trail with who tried what; the user sees the 403 page. */
@ControllerAdvice(assignableTypes = {MeetingController.class, LiveController.class, OpinionController.class})
class MeetingRefusals {

    private final ApplicationEventPublisher events;

    MeetingRefusals(ApplicationEventPublisher events) {
        this.events = events;
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(
            AccessDeniedException e,
            HttpServletRequest request,
            HttpServletResponse response,
            @AuthenticationPrincipal ScopedPrincipal me,
            Model model) {
        String path = request.getRequestURI();
        var matcher = java.util.regex.Pattern.compile("/meetings/(\\d+)").matcher(path);
        long meetingId = matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
        events.publishEvent(new MeetingChanged(
                me == null ? "anonymous" : me.scope().username(),
                meetingId,
                "denied",
                request.getMethod() + " " + path + ": " + Objects.toString(e.getMessage(), ""),
                Outcome.DENIED));
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("messageKey", "error.403");
        return "error";
    }
}
