package vn.sen.signing;

import java.io.IOException;
import java.util.Base64;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;

/** The officer's own signature image (hình chữ ký của tôi): shown as it will be printed, replaced by upload. */
@Controller
class SignatureImageController {

    private final SignatureImages images;

    SignatureImageController(SignatureImages images) {
        this.images = images;
    }

    @GetMapping("/account/signature")
    String show(@AuthenticationPrincipal ScopedPrincipal me, Model model) {
        Long officer = me.scope().officerId();
        model.addAttribute("officer", officer != null);
        if (officer != null) {
            images.signatureOf(officer).ifPresent(image -> {
                model.addAttribute(
                        "image", "data:image/png;base64," + Base64.getEncoder().encodeToString(image.png()));
                model.addAttribute("widthMm", image.widthMm());
                model.addAttribute("heightMm", image.heightMm());
                model.addAttribute("widthPx", pixels(image.widthMm()));
                model.addAttribute("heightPx", pixels(image.heightMm()));
            });
        }
        return "signing/signature";
    }

    @PostMapping("/account/signature")
    String upload(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "40") float widthMm,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect)
            throws IOException {
        Long officer = me.scope().officerId();
        try {
            if (officer == null) {
                throw new RuleViolation("signing.error.image-not-yours");
            }
            images.setSignature(me.scope(), officer, file.getBytes(), widthMm);
            redirect.addFlashAttribute("saved", true);
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("error", e.code());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/account/signature";
    }

    /** CSS pixels (96 per inch) of a length in millimetres: images shown at their printed size. */
    static int pixels(float mm) {
        return Math.round(mm * 96 / 25.4f);
    }
}
