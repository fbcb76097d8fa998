package vn.sen.meetings;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.sen.files.FileManagement;
import vn.sen.files.FileResponses;
import vn.sen.meetings.Opinions.Choice;
import vn.sen.meetings.Opinions.NewRequest;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;

/** Opinion collection screens: the list, asking, answering, the summary. */
@Controller
class OpinionController {

    private final Opinions opinions;
    private final Meetings meetings;
    private final FileManagement files;
    private final FileResponses responses;
    private final Clock clock;
    private final FormOutcomes forms;

    OpinionController(
            Opinions opinions,
            Meetings meetings,
            FileManagement files,
            FileResponses responses,
            Clock clock,
            FormOutcomes forms) {
        this.forms = forms;
        this.opinions = opinions;
        this.meetings = meetings;
        this.files = files;
        this.responses = responses;
        this.clock = clock;
    }

    @GetMapping("/meetings/opinions")
    String index(@AuthenticationPrincipal ScopedPrincipal me, Model model) {
        model.addAttribute("requests", opinions.list(me.scope(), 200));
        model.addAttribute("units", meetings.organisingUnits(me.scope()));
        model.addAttribute("day", LocalDate.now(clock).plusDays(3));
        model.addAttribute("now", clock.instant());
        return "meetings/opinions";
    }

    @PostMapping("/meetings/opinions")
    String ask(
            @AuthenticationPrincipal ScopedPrincipal me,
            @RequestParam long unitId,
            @RequestParam String title,
            @RequestParam String question,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime time,
            @RequestParam(required = false) List<Long> officerIds,
            @RequestParam(name = "files", required = false) List<MultipartFile> uploads,
            @RequestParam(defaultValue = "false") boolean signedAnswers,
            RedirectAttributes redirect)
            throws IOException {
        List<UUID> stored = new ArrayList<>();
        for (MultipartFile upload : uploads == null ? List.<MultipartFile>of() : uploads) {
            if (!upload.isEmpty()) {
                stored.add(files.store(upload, me.scope().username()).id());
            }
        }
        try {
            long id = opinions.ask(
                    me.scope(),
                    new NewRequest(
                            unitId,
                            null,
                            title,
                            question,
                            LocalDateTime.of(day, time),
                            officerIds == null ? List.of() : officerIds,
                            stored,
                            signedAnswers));
            redirect.addFlashAttribute("notice", "meetings.opinion-asked");
            return "redirect:/meetings/opinions/" + id;
        } catch (RuleViolation e) {
            return forms.refused(0, "/meetings/opinions", redirect, e);
        }
    }

    @GetMapping("/meetings/opinions/{id:\\d+}")
    String show(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        var request = opinions.read(me.scope(), id);
        var rights = opinions.rights(me.scope(), request);
        model.addAttribute("r", request);
        model.addAttribute("rights", rights);
        model.addAttribute("open", request.open(clock.instant()));
        model.addAttribute("mine", opinions.mine(me.scope(), id).orElse(null));
        model.addAttribute("choices", Choice.values());
        if (rights.manager()) {
            model.addAttribute("summary", opinions.summary(me.scope(), id));
        }
        return "meetings/opinion";
    }

    @PostMapping("/meetings/opinions/{id}/answer")
    String answer(
            @PathVariable long id,
            @RequestParam Choice choice,
            @RequestParam(defaultValue = "") String comment,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return forms.run(
                0,
                "/meetings/opinions/" + id,
                redirect,
                "meetings.opinion-answered",
                () -> opinions.answer(me.scope(), id, choice, comment));
    }

    @PostMapping("/meetings/opinions/{id}/closing")
    String close(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, RedirectAttributes redirect) {
        opinions.close(me.scope(), id);
        redirect.addFlashAttribute("notice", "meetings.opinion-closed");
        return "redirect:/meetings/opinions/" + id;
    }

    /** A signed answer sheet, for the collection's managers and the member who signed it. */
    @GetMapping("/meetings/opinions/{id}/answers/{officer}.pdf")
    ResponseEntity<Resource> signedAnswer(
            @PathVariable long id, @PathVariable long officer, @AuthenticationPrincipal ScopedPrincipal me) {
        return responses.of(opinions.signedAnswer(me.scope(), id, officer), true);
    }

    @GetMapping("/meetings/opinions/{id}/documents/{position}")
    ResponseEntity<Resource> document(
            @PathVariable long id, @PathVariable int position, @AuthenticationPrincipal ScopedPrincipal me) {
        var documents = opinions.read(me.scope(), id).documents();
        if (position < 1 || position > documents.size()) {
            throw new AccessDeniedException("no document " + position);
        }
        return responses.of(documents.get(position - 1), true);
    }
}
