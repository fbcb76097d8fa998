package vn.sen.interchange;

import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.sen.shared.NavigationItem;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;

/** The clerks' screen of documents received through interchange: register them or refuse them. */
@Controller
class ReceivedDocumentController {

    private final ReceivedDocuments received;

    ReceivedDocumentController(ReceivedDocuments received) {
        this.received = received;
    }

    @Bean
    static NavigationItem receivedNavigation() {
        return new NavigationItem(11, "/interchange/received", "nav.received", scope -> scope.has(Role.CLERK));
    }

    @GetMapping("/interchange/received")
    String index(@AuthenticationPrincipal ScopedPrincipal me, Model model) {
        model.addAttribute("documents", received.waiting(me.scope()));
        return "interchange/received";
    }

    @PostMapping("/interchange/received/{id}/registration")
    String register(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean confirmDuplicate,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        try {
            var registered = received.register(me.scope(), id, confirmDuplicate);
            redirect.addFlashAttribute("notice", "received.registered");
            return "redirect:/documents/incoming/" + registered.id();
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("problem", e.code());
            redirect.addFlashAttribute("problemArgs", e.args());
            if (e.code().equals("documents.error.duplicate")) {
                redirect.addFlashAttribute("duplicate", id);
            }
            return "redirect:/interchange/received";
        }
    }

    @PostMapping("/interchange/received/{id}/rejection")
    String reject(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        try {
            received.reject(me.scope(), id, reason);
            redirect.addFlashAttribute("notice", "received.rejected");
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("problem", e.code());
            redirect.addFlashAttribute("problemArgs", e.args());
        }
        return "redirect:/interchange/received";
    }
}
