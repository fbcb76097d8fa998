package vn.sen.notifications;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.sen.shared.ScopedPrincipal;

/** The unread count on the bell of every page. */
@ControllerAdvice
class UnreadAdvice {

    private final Notifications notifications;

    UnreadAdvice(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute
    void addUnread(Model model) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ScopedPrincipal principal) {
            model.addAttribute(
                    "unreadNotices", notifications.unread(principal.scope().username()));
        }
    }
}
