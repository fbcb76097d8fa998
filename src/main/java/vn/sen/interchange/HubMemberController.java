package vn.sen.interchange;

import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.sen.shared.NavigationItem;
import vn.sen.shared.Role;

/**
 * The hub's member systems (hệ thống kết nối qua trục tỉnh), for the system administrator: who exchanges
 * through this installation for which organisation codes; adding one shows its new secret once.
 */
@Controller
class HubMemberController {

    private final Hub hub;

    HubMemberController(Hub hub) {
        this.hub = hub;
    }

    @Bean
    static NavigationItem hubNavigation() {
        return new NavigationItem(87, "/admin/interchange/hub", "nav.hub", s -> s.has(Role.SYSTEM_ADMIN));
    }

    @GetMapping("/admin/interchange/hub")
    String index(Model model) {
        model.addAttribute("members", hub.members());
        return "interchange/hub-members";
    }

    @PostMapping("/admin/interchange/hub")
    String admit(
            @RequestParam(defaultValue = "") String systemId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String organs,
            RedirectAttributes redirect) {
        List<String> codes = Arrays.stream(organs.split("[,;\\s]+"))
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .toList();
        try {
            String secret = hub.admit(systemId.strip(), name.isBlank() ? systemId.strip() : name.strip(), codes);
            redirect.addFlashAttribute("admitted", systemId.strip());
            redirect.addFlashAttribute("secret", secret);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "hub.error.member");
        }
        return "redirect:/admin/interchange/hub";
    }
}
