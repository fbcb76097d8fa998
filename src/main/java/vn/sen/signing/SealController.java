package vn.sen.signing;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.sen.organization.Organization;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;

/**
 * The agencies' seal images (hình con dấu của cơ quan): for each unit the user leads or administers, the
 * seal in use at its real size, replaced by uploading a red PNG with its diameter. Only the agency's
 * clerks apply it, at issuance.
 */
@Controller
class SealController {

    /** A unit the user manages the seal of, with the seal in use (a data URL) or null. */
    record Seal(long unitId, String unitName, String image, float diameterMm, int widthPx, int heightPx) {}

    private final SignatureImages images;
    private final Organization organization;

    SealController(SignatureImages images, Organization organization) {
        this.images = images;
        this.organization = organization;
    }

    @GetMapping("/account/seals")
    String show(@AuthenticationPrincipal ScopedPrincipal me, Model model) {
        List<Seal> seals = me.scope().grants().stream()
                .filter(g -> (g.role() == Role.LEADER || g.role() == Role.UNIT_ADMIN) && g.unitId() != null)
                .map(g -> g.unitId())
                .distinct()
                .map(unit -> images.sealOf(unit)
                        .map(image -> new Seal(
                                unit,
                                organization.requireUnit(unit).name(),
                                "data:image/png;base64," + Base64.getEncoder().encodeToString(image.png()),
                                image.widthMm(),
                                SignatureImageController.pixels(image.widthMm()),
                                SignatureImageController.pixels(image.heightMm())))
                        .orElseGet(() ->
                                new Seal(unit, organization.requireUnit(unit).name(), null, 0, 0, 0)))
                .toList();
        model.addAttribute("seals", seals);
        return "signing/seals";
    }

    @PostMapping("/account/seals/{unit}")
    String upload(
            @PathVariable long unit,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "36") float diameterMm,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect)
            throws IOException {
        try {
            images.setSeal(me.scope(), unit, file.getBytes(), diameterMm);
            redirect.addFlashAttribute("saved", unit);
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("error", e.code());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/account/seals";
    }
}
