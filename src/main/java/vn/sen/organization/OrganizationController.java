package vn.sen.organization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.sen.organization.Organization.NewDelegation;
import vn.sen.organization.Organization.NewUnit;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.NavigationItem;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.shared.UserScope;

/** Screens to browse and edit the unit tree (cây đơn vị), officers and delegations. */
@Controller
class OrganizationController {

    private final Organization organization;
    private final UnitImport unitImport;
    private final MessageSource messages;

    OrganizationController(Organization organization, UnitImport unitImport, MessageSource messages) {
        this.organization = organization;
        this.unitImport = unitImport;
        this.messages = messages;
    }

    @GetMapping("/admin/units/import")
    String importForm() {
        return "organization/import";
    }

    /** Checks every row; creates all the units or none, and shows the problems by line. */
    @PostMapping("/admin/units/import")
    String importUnits(
            @AuthenticationPrincipal ScopedPrincipal me,
            @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
            Model model)
            throws java.io.IOException {
        try (var reader =
                new java.io.InputStreamReader(file.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
            var result = unitImport.run(me.scope(), reader, "upload " + file.getOriginalFilename());
            model.addAttribute("imported", result.imported());
            model.addAttribute(
                    "errors",
                    result.errors().stream()
                            .map(e -> text("import.line", e.line()) + ": " + text(e.code(), e.args()))
                            .toList());
        } catch (RuleViolation e) {
            model.addAttribute("errors", List.of(text(e.code(), e.args())));
        }
        return "organization/import";
    }

    @Bean
    static NavigationItem organizationNavigation() {
        return new NavigationItem(50, "/organization", "nav.organization", scope -> true);
    }

    @GetMapping("/organization")
    String index(@RequestParam(required = false) String q, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        model.addAttribute("roots", organization.children(null));
        model.addAttribute(
                "canImport", me.scope().has(Role.SYSTEM_ADMIN) || me.scope().has(Role.UNIT_ADMIN));
        if (q != null && !q.isBlank()) {
            model.addAttribute("q", q);
            model.addAttribute("units", organization.searchUnits(q, 50));
            model.addAttribute("officers", organization.searchOfficers(q, List.of(), 50));
        }
        return "organization/index";
    }

    /** Children of a unit as a tree fragment (htmx expands the tree with it; without htmx, the unit page lists them). */
    @GetMapping("/organization/units/{id}/children")
    String children(@PathVariable long id, Model model) {
        model.addAttribute("children", organization.children(id));
        return "organization/index :: branch";
    }

    @GetMapping("/organization/units/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        UnitView unit = organization.requireUnit(id);
        model.addAttribute("unit", unit);
        model.addAttribute("ancestry", organization.ancestry(id));
        model.addAttribute("children", organization.children(id));
        model.addAttribute("officers", organization.officersIn(id));
        model.addAttribute("codes", organization.codeHistory(id));
        model.addAttribute("canManage", Organization.canManage(me.scope(), unit.path()));
        model.addAttribute("positions", organization.positions());
        return "organization/unit";
    }

    @GetMapping("/organization/units/new")
    String newUnit(@RequestParam long parent, Model model) {
        model.addAttribute("parent", organization.requireUnit(parent));
        model.addAttribute("form", new UnitForm(parent, UnitKind.DIVISION, "", "", "", ""));
        model.addAttribute("kinds", UnitKind.values());
        return "organization/unit-form";
    }

    @PostMapping("/organization/units")
    String create(
            @AuthenticationPrincipal ScopedPrincipal me,
            @Valid UnitForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                long id = organization.createUnit(
                        me.scope(),
                        new NewUnit(
                                form.parentId(),
                                null,
                                form.kind(),
                                form.name(),
                                form.shortName(),
                                form.code(),
                                form.axisCode(),
                                0));
                redirect.addFlashAttribute("notice", "organization.saved");
                return "redirect:/organization/units/" + id;
            } catch (RuleViolation e) {
                errors.reject(e.code(), e.args(), e.code());
            }
        }
        model.addAttribute("parent", organization.requireUnit(form.parentId()));
        model.addAttribute("kinds", UnitKind.values());
        return "organization/unit-form";
    }

    @GetMapping("/organization/units/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        UnitView unit = organization.requireUnit(id);
        model.addAttribute("unit", unit);
        model.addAttribute(
                "form",
                new UnitForm(
                        unit.parentId(), unit.kind(), unit.name(), unit.shortName(), unit.code(), unit.axisCode()));
        model.addAttribute("kinds", UnitKind.values());
        return "organization/unit-form";
    }

    @PostMapping("/organization/units/{id}")
    String update(
            @PathVariable long id,
            @AuthenticationPrincipal ScopedPrincipal me,
            @Valid UnitForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            organization.updateUnit(me.scope(), id, form.name(), form.shortName(), form.kind());
            redirect.addFlashAttribute("notice", "organization.saved");
            return "redirect:/organization/units/" + id;
        }
        model.addAttribute("unit", organization.requireUnit(id));
        model.addAttribute("kinds", UnitKind.values());
        return "organization/unit-form";
    }

    @PostMapping("/organization/units/{id}/codes")
    String changeCode(
            @PathVariable long id,
            @AuthenticationPrincipal ScopedPrincipal me,
            @RequestParam CodeScheme scheme,
            @RequestParam String code,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
            RedirectAttributes redirect) {
        return act(redirect, id, () -> organization.changeCode(me.scope(), id, scheme, code, validFrom));
    }

    @PostMapping("/organization/units/{id}/parent")
    String move(
            @PathVariable long id,
            @AuthenticationPrincipal ScopedPrincipal me,
            @RequestParam String parentCode,
            RedirectAttributes redirect) {
        return act(redirect, id, () -> {
            UnitView parent = organization
                    .unitByCode(parentCode)
                    .orElseThrow(() -> new RuleViolation("organization.error.parent-code", parentCode));
            organization.moveUnit(me.scope(), id, parent.id());
        });
    }

    @PostMapping("/organization/units/{id}/dissolution")
    String dissolve(
            @PathVariable long id,
            @AuthenticationPrincipal ScopedPrincipal me,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            RedirectAttributes redirect) {
        return act(redirect, id, () -> organization.dissolveUnit(me.scope(), id, day));
    }

    @PostMapping("/organization/units/{id}/officers")
    String addOfficer(
            @PathVariable long id,
            @AuthenticationPrincipal ScopedPrincipal me,
            @Valid OfficerForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("errorText", text("organization.error.officer-form"));
            return "redirect:/organization/units/" + id;
        }
        return act(
                redirect,
                id,
                () -> organization.createOfficer(
                        me.scope(),
                        new Organization.NewOfficer(
                                form.fullName(), form.email(), form.phone(), id, form.positionCode())));
    }

    @GetMapping("/organization/officers/{id}")
    String officer(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        var officer = organization.requireOfficer(id);
        UserScope scope = me.scope();
        model.addAttribute("officer", officer);
        model.addAttribute("delegations", organization.delegationsOf(id));
        model.addAttribute("positions", organization.positions());
        model.addAttribute("rights", DelegatedRight.values());
        model.addAttribute(
                "canManage",
                officer.appointments().stream().anyMatch(a -> Organization.canManage(scope, a.unitPath())));
        model.addAttribute("isSelf", scope.officerId() != null && scope.officerId() == id);
        model.addAttribute("today", LocalDate.now());
        return "organization/officer";
    }

    @PostMapping("/organization/officers/{id}/appointments")
    String appoint(
            @PathVariable long id,
            @AuthenticationPrincipal ScopedPrincipal me,
            @RequestParam String unitCode,
            @RequestParam String positionCode,
            @RequestParam(defaultValue = "false") boolean main,
            RedirectAttributes redirect) {
        return actOnOfficer(redirect, id, () -> {
            UnitView unit = organization
                    .unitByCode(unitCode)
                    .orElseThrow(() -> new RuleViolation("organization.error.unit-code", unitCode));
            organization.appoint(me.scope(), id, unit.id(), positionCode, main, LocalDate.now());
        });
    }

    @PostMapping("/organization/officers/{id}/appointments/end")
    String endAppointment(
            @PathVariable long id,
            @AuthenticationPrincipal ScopedPrincipal me,
            @RequestParam long unitId,
            @RequestParam String positionCode,
            RedirectAttributes redirect) {
        return actOnOfficer(
                redirect, id, () -> organization.endAppointment(me.scope(), id, unitId, positionCode, LocalDate.now()));
    }

    @PostMapping("/organization/officers/{id}/delegations")
    String delegate(
            @PathVariable long id,
            @AuthenticationPrincipal ScopedPrincipal me,
            @Valid DelegationForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("errorText", text("organization.error.delegation-form"));
            return "redirect:/organization/officers/" + id;
        }
        return actOnOfficer(
                redirect,
                id,
                () -> organization.delegate(
                        me.scope(),
                        new NewDelegation(
                                id,
                                form.toOfficerId(),
                                form.unitId(),
                                form.right(),
                                form.validFrom(),
                                form.validTo(),
                                form.note())));
    }

    @PostMapping("/organization/delegations/{delegation}/revocation")
    String revoke(
            @PathVariable long delegation,
            @RequestParam long officer,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return actOnOfficer(redirect, officer, () -> organization.revokeDelegation(me.scope(), delegation));
    }

    private String act(RedirectAttributes redirect, long unitId, Runnable action) {
        return perform(redirect, "redirect:/organization/units/" + unitId, action);
    }

    private String actOnOfficer(RedirectAttributes redirect, long officerId, Runnable action) {
        return perform(redirect, "redirect:/organization/officers/" + officerId, action);
    }

    /** Runs a change; a broken rule comes back to the same page as a message, nothing changed. */
    private String perform(RedirectAttributes redirect, String target, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", "organization.saved");
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("errorText", text(e.code(), e.args()));
        }
        return target;
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    record UnitForm(
            Long parentId,
            @NotNull UnitKind kind,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 30) String shortName,
            @Size(max = 32) String code,
            @Size(max = 32) String axisCode) {}

    record OfficerForm(
            @NotBlank @Size(max = 100) String fullName,
            @Size(max = 200) String email,
            @Size(max = 30) String phone,
            @NotBlank String positionCode) {}

    record DelegationForm(
            @NotNull Long toOfficerId,
            @NotNull Long unitId,
            @NotNull DelegatedRight right,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate validFrom,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate validTo,

            @Size(max = 500) String note) {}
}
