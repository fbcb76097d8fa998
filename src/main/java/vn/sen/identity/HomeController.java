package vn.sen.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.sen.organization.Organization;
import vn.sen.shared.NavigationItem;
import vn.sen.shared.Role;

/** The home page (trang chủ): the user's positions and the areas they can open. */
@Controller
class HomeController {

    private final Organization organization;

    HomeController(Organization organization) {
        this.organization = organization;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SenUser user, Model model) {
        Long officerId = user.scope().officerId();
        model.addAttribute(
                "appointments",
                officerId == null
                        ? java.util.List.of()
                        : organization
                                .officer(officerId)
                                .map(o -> o.appointments())
                                .orElse(java.util.List.of()));
        return "home";
    }

    @Bean
    static NavigationItem accountsNavigation() {
        return new NavigationItem(
                80, "/admin/accounts", "nav.accounts", s -> s.has(Role.SYSTEM_ADMIN) || s.has(Role.UNIT_ADMIN));
    }
}
