package vn.sen.documents;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.sen.shared.NavigationItem;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;

/**
 * The registers screen (sổ văn bản): a year's registers of the units one keeps or leads, opening and
 * closing registers, and printing each one — and the follow-up register of incoming documents — as PDF
 * or XLSX.
 */
@Controller
class RegisterController {

    private final Registers registers;
    private final RegisterPrints prints;
    private final Clock clock;

    RegisterController(Registers registers, RegisterPrints prints, Clock clock) {
        this.registers = registers;
        this.prints = prints;
        this.clock = clock;
    }

    @Bean
    static NavigationItem registersNavigation() {
        return new NavigationItem(
                14, "/documents/registers", "nav.registers", scope -> scope.has(Role.CLERK) || scope.has(Role.LEADER));
    }

    @GetMapping("/documents/registers")
    String index(
            @RequestParam(required = false) Integer year, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        int shown = YearChoice.into(model, year, clock);
        model.addAttribute("registers", registers.visible(me.scope(), shown));
        var units = registers.keptUnits(me.scope());
        model.addAttribute("units", units);
        model.addAttribute("keptUnitIds", units.stream().map(u -> u.id()).toList());
        model.addAttribute("types", DocumentType.values());
        return "documents/registers";
    }

    @PostMapping("/documents/registers")
    String create(
            @AuthenticationPrincipal ScopedPrincipal me,
            @RequestParam long unitId,
            @RequestParam Registers.Direction direction,
            @RequestParam int year,
            @RequestParam String name,
            @RequestParam(defaultValue = "false") boolean secret,
            @RequestParam(required = false) List<DocumentType> types,
            RedirectAttributes redirect) {
        try {
            Set<DocumentType> kept = types == null || types.isEmpty() ? Set.of() : EnumSet.copyOf(types);
            registers.create(me.scope(), unitId, direction, year, name, secret, kept);
            redirect.addFlashAttribute("notice", "registers.created");
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("problem", e.code());
            redirect.addFlashAttribute("problemArgs", e.args());
        }
        return "redirect:/documents/registers?year=" + year;
    }

    @PostMapping("/documents/registers/{id}/closure")
    String close(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, RedirectAttributes redirect) {
        Registers.RegisterView register = readable(me, id);
        registers.close(me.scope(), id);
        redirect.addFlashAttribute("notice", "registers.closed");
        return "redirect:/documents/registers?year=" + register.year();
    }

    @GetMapping("/documents/registers/{id}.{format:pdf|xlsx}")
    ResponseEntity<StreamingResponseBody> print(
            @PathVariable long id, @PathVariable String format, @AuthenticationPrincipal ScopedPrincipal me) {
        return prints.download(me.scope(), id, false, format);
    }

    @GetMapping("/documents/registers/{id}/follow-up.{format:pdf|xlsx}")
    ResponseEntity<StreamingResponseBody> followUp(
            @PathVariable long id, @PathVariable String format, @AuthenticationPrincipal ScopedPrincipal me) {
        return prints.download(me.scope(), id, true, format);
    }

    private Registers.RegisterView readable(ScopedPrincipal me, long id) {
        return registers.find(me.scope(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
