package vn.sen.notifications;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import vn.sen.shared.ScopedPrincipal;

/** The notices of the signed-in account: the list, opening one (marks it read) and "mark all read". */
@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String index(@AuthenticationPrincipal ScopedPrincipal me, Model model) {
        model.addAttribute("notices", notifications.recent(me.scope().username(), 100));
        return "notifications/index";
    }

    @PostMapping("/notifications/{id}/read")
    String open(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me) {
        String link = notifications
                .open(me.scope().username(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // only paths inside Sen: a notice never sends anyone elsewhere
        return "redirect:" + (link.startsWith("/") && !link.startsWith("//") ? link : "/notifications");
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal ScopedPrincipal me) {
        notifications.readAll(me.scope().username());
        return "redirect:/notifications";
    }
}
