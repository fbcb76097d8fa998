package vn.sen.documents;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import vn.sen.documents.Dossiers.DossierView;
import vn.sen.documents.Dossiers.NewDossier;
import vn.sen.organization.Organization;
import vn.sen.shared.NavigationItem;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;

/** Dossier screens (hồ sơ): the year's file plan, a dossier with its documents, export for the archive. */
@Controller
class DossierController {

    static final List<String> RETENTIONS = List.of("Vĩnh viễn", "70 năm", "50 năm", "20 năm", "10 năm", "5 năm");

    private final Dossiers dossiers;
    private final DossierExport export;
    private final Organization organization;
    private final Clock clock;

    DossierController(Dossiers dossiers, DossierExport export, Organization organization, Clock clock) {
        this.dossiers = dossiers;
        this.export = export;
        this.organization = organization;
        this.clock = clock;
    }

    @Bean
    static NavigationItem dossiersNavigation() {
        return new NavigationItem(
                15,
                "/documents/dossiers",
                "nav.dossiers",
                scope -> scope.has(Role.CLERK) || scope.has(Role.LEADER) || scope.has(Role.SPECIALIST));
    }

    @GetMapping("/documents/dossiers")
    String index(
            @RequestParam(required = false) Integer year, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        int shown = YearChoice.into(model, year, clock);
        var units = dossiers.planningUnits(me.scope());
        model.addAttribute("dossiers", dossiers.list(me.scope(), shown));
        model.addAttribute("units", units);
        model.addAttribute("retentions", RETENTIONS);
        model.addAttribute(
                "keepers",
                units.stream()
                        .flatMap(u -> organization.officersIn(u.id()).stream())
                        .distinct()
                        .toList());
        return "documents/dossiers/index";
    }

    @PostMapping("/documents/dossiers")
    String plan(
            @AuthenticationPrincipal ScopedPrincipal me,
            @RequestParam long unitId,
            @RequestParam int year,
            @RequestParam String notation,
            @RequestParam String title,
            @RequestParam String retention,
            @RequestParam(defaultValue = "") String rights,
            @RequestParam(required = false) Long keeperOfficerId,
            RedirectAttributes redirect) {
        try {
            dossiers.plan(
                    me.scope(), new NewDossier(unitId, year, notation, title, retention, rights, keeperOfficerId));
            redirect.addFlashAttribute("notice", "dossiers.planned");
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("problem", e.code());
            redirect.addFlashAttribute("problemArgs", e.args());
        }
        return "redirect:/documents/dossiers?year=" + year;
    }

    @GetMapping("/documents/dossiers/{id:\\d+}")
    String show(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        model.addAttribute("dossier", readable(me, id));
        model.addAttribute("entries", dossiers.entries(me.scope(), id));
        return "documents/dossiers/show";
    }

    @PostMapping("/documents/dossiers/{id}/{step:opening|closure}")
    String step(
            @PathVariable long id,
            @PathVariable String step,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        readable(me, id);
        try {
            if (step.equals("opening")) {
                dossiers.open(me.scope(), id);
            } else {
                dossiers.close(me.scope(), id);
            }
            redirect.addFlashAttribute("notice", "dossiers." + step);
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("problem", e.code());
        }
        return "redirect:/documents/dossiers/" + id;
    }

    /** Files a document (from its page) in a dossier, then goes back to the document. */
    @PostMapping("/documents/dossiers/documents")
    String add(
            @RequestParam long dossierId,
            @RequestParam(required = false) Long incomingId,
            @RequestParam(required = false) Long outgoingId,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        readable(me, dossierId);
        try {
            dossiers.add(me.scope(), dossierId, incomingId, outgoingId);
            redirect.addFlashAttribute("notice", "dossiers.added");
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("problem", e.code());
        }
        return incomingId != null
                ? "redirect:/documents/incoming/" + incomingId
                : "redirect:/documents/outgoing/" + outgoingId;
    }

    @PostMapping("/documents/dossiers/{id}/removal")
    String remove(
            @PathVariable long id,
            @RequestParam String kind,
            @RequestParam long documentId,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        readable(me, id);
        try {
            dossiers.remove(me.scope(), id, kind, documentId);
            redirect.addFlashAttribute("notice", "dossiers.removed");
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("problem", e.code());
        }
        return "redirect:/documents/dossiers/" + id;
    }

    @GetMapping("/documents/dossiers/{id}.{format:pdf|xml}")
    ResponseEntity<StreamingResponseBody> export(
            @PathVariable long id, @PathVariable String format, @AuthenticationPrincipal ScopedPrincipal me) {
        DossierView dossier = readable(me, id);
        var entries = dossiers.entries(me.scope(), id);
        dossiers.exported(me.scope(), id, format);
        boolean pdf = format.equals("pdf");
        StreamingResponseBody body = (OutputStream out) -> {
            if (pdf) {
                export.pdf(dossier, entries, out);
            } else {
                export.xml(dossier, entries, out);
            }
        };
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : MediaType.APPLICATION_XML)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("ho-so-" + dossier.fileCode() + "." + format, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    private DossierView readable(ScopedPrincipal me, long id) {
        return dossiers.find(me.scope(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
