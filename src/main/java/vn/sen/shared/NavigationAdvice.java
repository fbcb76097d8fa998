package vn.sen.shared;

import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the menu entries the current user may see into every page. */
@ControllerAdvice
class NavigationAdvice {

    private final List<NavigationItem> items;

    NavigationAdvice(List<NavigationItem> items) {
        this.items = items.stream()
                .sorted(Comparator.comparingInt(NavigationItem::order))
                .toList();
    }

    @ModelAttribute
    void addNavigation(Model model, jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("currentPath", request.getRequestURI());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ScopedPrincipal principal) {
            model.addAttribute(
                    "navigation",
                    items.stream()
                            .filter(i -> i.visibleTo().test(principal.scope()))
                            .toList());
        }
    }
}
