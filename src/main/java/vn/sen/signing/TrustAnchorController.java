package vn.sen.signing;

import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.sen.shared.NavigationItem;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;

/**
 * The system administrator's trust anchors (chứng thư số gốc tin cậy): the roots and issuing CAs whose
 * signatures Sen trusts — none until imported here or with {@code sen trust import}.
 */
@Controller
class TrustAnchorController {

    private final TrustAnchors anchors;

    TrustAnchorController(TrustAnchors anchors) {
        this.anchors = anchors;
    }

    @Bean
    static NavigationItem trustAnchorNavigation() {
        return new NavigationItem(86, "/admin/trust-anchors", "nav.trust-anchors", s -> s.has(Role.SYSTEM_ADMIN));
    }

    @GetMapping("/admin/trust-anchors")
    String index(Model model) {
        model.addAttribute("anchors", anchors.list());
        return "signing/trust-anchors";
    }

    @PostMapping("/admin/trust-anchors")
    String add(
            @RequestParam("file") MultipartFile file,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect)
            throws IOException {
        try {
            var added = anchors.importCertificates(file.getBytes(), me.scope().username());
            redirect.addFlashAttribute("added", added.size());
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("error", e.code());
        }
        return "redirect:/admin/trust-anchors";
    }

    @PostMapping("/admin/trust-anchors/{id}/removal")
    String remove(@PathVariable long id) {
        anchors.remove(id);
        return "redirect:/admin/trust-anchors";
    }
}
