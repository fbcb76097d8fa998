package vn.sen.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user and the idle timeout into every page for the layout. */
@ControllerAdvice
class IdentityWebAdvice {

    private final SecurityProperties properties;

    IdentityWebAdvice(SecurityProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute
    void addUser(Model model) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null
                && auth.getPrincipal() instanceof SenUser user
                && auth.getAuthorities().stream().anyMatch(a -> SenUser.SIGNED_IN.equals(a.getAuthority()))) {
            model.addAttribute("me", user);
            var timeout = user.administrative() ? properties.adminIdleTimeout() : properties.idleTimeout();
            model.addAttribute("idleTimeoutSeconds", timeout.toSeconds());
            model.addAttribute("idleWarningSeconds", properties.idleWarning().toSeconds());
        }
    }
}
