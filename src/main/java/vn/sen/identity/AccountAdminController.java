package vn.sen.identity;

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

/** Account administration (quản trị tài khoản) for the system administrator and unit administrators. */
@Controller
class AccountAdminController {

    private final Accounts accounts;
    private final Organization organization;
    private final UserImport userImport;

    AccountAdminController(Accounts accounts, Organization organization, UserImport userImport) {
        this.accounts = accounts;
        this.organization = organization;
        this.userImport = userImport;
    }

    @GetMapping("/admin/accounts/import")
    String importForm() {
        return "admin/accounts/import";
    }

    /** Checks every row; imports all of them or none, and shows the problems by line. */
    @PostMapping("/admin/accounts/import")
    String importUsers(@AuthenticationPrincipal SenUser me, @RequestParam("file") MultipartFile file, Model model)
            throws java.io.IOException {
        try (var reader =
                new java.io.InputStreamReader(file.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
            var result = userImport.run(me.scope(), reader, "upload " + file.getOriginalFilename());
            model.addAttribute("result", result);
        } catch (RuleViolation e) {
            model.addAttribute("fileError", e);
        }
        return "admin/accounts/import";
    }

    @GetMapping("/admin/accounts")
    String index(@AuthenticationPrincipal SenUser me, @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("accounts", accounts.search(me.scope(), q, 100));
        return "admin/accounts/index";
    }

    @GetMapping("/admin/accounts/{id}")
    String show(@AuthenticationPrincipal SenUser me, @PathVariable long id, Model model) {
        var account =
                accounts.account(me.scope(), id).orElseThrow(() -> new RuleViolation("account.error.not-found", id));
        model.addAttribute("account", account);
        model.addAttribute(
                "officer",
                account.officerId() == null
                        ? null
                        : organization.officer(account.officerId()).orElse(null));
        model.addAttribute(
                "roles",
                me.scope().has(Role.SYSTEM_ADMIN)
                        ? Role.values()
                        : java.util.Arrays.stream(Role.values())
                                .filter(Role::unitScoped)
                                .toArray(Role[]::new));
        model.addAttribute(
                "unitNames",
                organization.unitPaths(account.grants().stream()
                        .map(g -> g.unitId())
                        .filter(java.util.Objects::nonNull)
                        .toList()));
        return "admin/accounts/show";
    }

    @PostMapping("/admin/accounts/{id}/unlock")
    String unlock(@AuthenticationPrincipal SenUser me, @PathVariable long id, RedirectAttributes redirect) {
        accounts.unlock(me.scope(), id);
        redirect.addFlashAttribute("notice", "accounts.unlocked");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/password-reset")
    String resetPassword(@AuthenticationPrincipal SenUser me, @PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("temporaryPassword", accounts.resetPassword(me.scope(), id));
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/disable")
    String disable(@AuthenticationPrincipal SenUser me, @PathVariable long id, RedirectAttributes redirect) {
        accounts.disable(me.scope(), id);
        redirect.addFlashAttribute("notice", "accounts.disabled");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/enable")
    String enable(@AuthenticationPrincipal SenUser me, @PathVariable long id, RedirectAttributes redirect) {
        accounts.enable(me.scope(), id);
        redirect.addFlashAttribute("notice", "accounts.enabled");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/grants")
    String grant(
            @AuthenticationPrincipal SenUser me,
            @PathVariable long id,
            @RequestParam Role role,
            @RequestParam(defaultValue = "") String unitCode,
            RedirectAttributes redirect) {
        accounts.grant(me.scope(), id, role, unitIdOf(role, unitCode));
        redirect.addFlashAttribute("notice", "accounts.granted");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/grants/removal")
    String revoke(
            @AuthenticationPrincipal SenUser me,
            @PathVariable long id,
            @RequestParam Role role,
            @RequestParam(required = false) Long unitId,
            RedirectAttributes redirect) {
        accounts.revoke(me.scope(), id, role, unitId);
        redirect.addFlashAttribute("notice", "accounts.revoked");
        return "redirect:/admin/accounts/" + id;
    }

    private Long unitIdOf(Role role, String unitCode) {
        if (!role.unitScoped()) {
            return null;
        }
        return organization
                .unitByCode(unitCode)
                .orElseThrow(() -> new RuleViolation("organization.error.unit-code", unitCode))
                .id();
    }
}
